using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Changes a careful engineer makes that tighten the enclave (or leave it as tight): the gate must let every one through.</summary>
public sealed class HardeningChanges : AttackClass
{
    public override string Name => "Legitimate";

    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000";

    private static JsonNode Compartment(Prod p, string resource) => p.Resource(resource).Inputs["compartmentId"]!.DeepClone();

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Legitimate("shorter bastion sessions", p => p.Resource("network-bastion").Set("maxSessionTtlInSeconds", 3600));
        yield return Legitimate("bastion allow-list narrowed to one gatekeeper range",
            p => p.Resource("network-bastion").Set("clientCidrBlockAllowLists", Value.List("198.51.100.0/28")));
        yield return Legitimate("gatekeeper network source narrowed", p => p.Resource("iam-gatekeeper-networks").Set("publicSourceLists", Value.List("198.51.100.64/29")));
        yield return Legitimate("upper-case region name on the standby provider", p => p.Resource("regions-standby").Set("region", "US-PHOENIX-1"));
        yield return Legitimate("upper-case region name on the default provider", p => p.Resource("default_4_20_0").Set("region", "US-ASHBURN-1"));
        yield return Legitimate("upper-case Cloud Guard reporting region", p => p.Resource("tenancy-cloud-guard").Set("reportingRegion", "US-ASHBURN-1"));
        yield return Legitimate("longer database backup retention", p => p.Resource("database-adb").Set("backupRetentionPeriodInDays", 90));
        yield return Legitimate("more database compute", p => p.Resource("database-adb").Set("computeCount", 16));
        yield return Legitimate("another customer contact on the database",
            p => p.Resource("database-adb").Append("customerContacts", new JsonObject { ["email"] = "dba-oncall@usdata.example" }));
        yield return Legitimate("database keys rotated monthly", p => p.Resource("keys-database-key").Set("autoKeyRotationDetails.rotationIntervalInDays", 30));
        yield return Legitimate("flow logs kept a year", p => p.Resource("network-data-flow-log").Set("retentionDuration", 365));
        yield return Legitimate("operator grant tightened to the gatekeeper networks", p =>
        {
            var policy = p.Resource("iam-operators");
            var first = policy.Get("statements[0]")!.GetValue<string>();
            if (!first.Contains(" where ", StringComparison.Ordinal))
                policy.Set("statements[0]", first + " where request.networkSource.name = 'usde-prod-gatekeeper-networks'");
        });
        yield return Legitimate("auditors may read audit events", p =>
            p.Resource("iam-auditors-root").Append("statements", "allow group 'UsdsEnclave'/'usde-prod-auditors' to read audit-events in tenancy where all {request.user.mfaTotpVerified = 'true', request.networkSource.name = 'usde-prod-auditor-networks'}"));
        yield return Legitimate("a second Cloud Guard target with the same recipes", p =>
        {
            var target = p.OfType("oci:CloudGuard/target:Target").First();
            var inputs = (JsonObject)target.Inputs.DeepClone();
            inputs["displayName"] = "usde-prod-enclave-second";
            p.Add(target.Type, target.Name + "-second", inputs, sibling: target.Name);
        });
        yield return Legitimate("a budget on the enclave compartment", p => p.Add("oci:Budget/budget:Budget", "tenancy-budget",
            new JsonObject
            {
                ["compartmentId"] = Tenancy, ["amount"] = 5000, ["resetPeriod"] = "MONTHLY",
                ["targetType"] = "COMPARTMENT", ["targets"] = new JsonArray(p.Resource("tenancy-top").Json["id"]!.DeepClone()),
            }, sibling: "tenancy-cloud-guard"));
        // An authentication policy is the tenancy's one policy, whichever resource writes it: the stricter one keeps the
        // sign-in networks (ENC-IDN-091).
        yield return Legitimate("a stricter password policy", p => p.Add("oci:Identity/authenticationPolicy:AuthenticationPolicy", "tenancy-password-policy",
            new JsonObject
            {
                ["compartmentId"] = Tenancy,
                ["networkPolicy"] = p.Resource("iam-password-policy").Inputs["networkPolicy"]!.DeepClone(),
                ["passwordPolicy"] = new JsonObject
                {
                    ["minimumPasswordLength"] = 16, ["isLowercaseCharactersRequired"] = true, ["isUppercaseCharactersRequired"] = true,
                    ["isNumericCharactersRequired"] = true, ["isSpecialCharactersRequired"] = true, ["isUsernameContainmentAllowed"] = false,
                },
            }, sibling: "tenancy-cloud-guard"));
        yield return Legitimate("the Data Safe private endpoint limited to the database NSG", p =>
        {
            var endpoint = p.OfType("oci:DataSafe/dataSafePrivateEndpoint:DataSafePrivateEndpoint").First();
            endpoint.Set("nsgIds", new JsonArray(p.Resource("network-db-nsg").Json["id"]!.DeepClone()));
        });
        yield return Legitimate("a tag default for cost tracking", p => p.Add("oci:Identity/tagDefault:TagDefault", "tenancy-cost-center-default",
            new JsonObject
            {
                ["compartmentId"] = Compartment(p, "tenancy-created-by-default"),
                ["tagDefinitionId"] = p.Resource("tenancy-created-by").Json["id"]!.DeepClone(), ["value"] = "us-data", ["isRequired"] = false,
            }, sibling: "tenancy-created-by-default"));
        yield return Legitimate("freeform tags on the user-data bucket", p => p.Resource("storage-user-data").Set("freeformTags", new JsonObject { ["owner"] = "us-data-security" }));
        yield return Legitimate("clearer NSG rule description", p => p.Resource("network-db-from-app").Set("description", "Database listener (1522) from the app tier NSG only."));
        yield return Legitimate("an event rule for bucket changes to the gatekeepers' topic", p =>
        {
            var template = p.Resource("oversight-us-ashburn-1-policy-changes");
            var inputs = (JsonObject)template.Inputs.DeepClone();
            inputs["displayName"] = "usde-prod-bucket-watch";
            inputs["condition"] = "{\"eventType\":[\"com.oraclecloud.objectstorage.updatebucket\",\"com.oraclecloud.objectstorage.deletebucket\"]}";
            p.Add(template.Type, "oversight-us-ashburn-1-bucket-watch", inputs, sibling: "oversight-us-ashburn-1-policy-changes");
        });
        yield return Legitimate("audit retention kept at the maximum", p => p.Resource("tenancy-audit").Set("retentionPeriodDays", 365));
    }
}
