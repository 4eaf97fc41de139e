using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>The parent company's identities and networks slipped into settings that are not IAM statements.</summary>
public sealed class ParentCompanyAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("alerts also mailed to the parent company", "ENC-GOV-005",
            p => p.Resource("oversight-us-ashburn-1-email-1").Set("endpoint", "soc@parentco.example"));
        yield return Attack("a parent-company database contact", "ENC-GOV-005",
            p => p.Resource("database-adb").Append("customerContacts", new System.Text.Json.Nodes.JsonObject { ["email"] = "dba@parentco-global.example" }));
        yield return Attack("gatekeeper network source includes a parent range", "ENC-NET-008",
            p => p.Resource("iam-gatekeeper-networks").Append("publicSourceLists", "192.0.2.0/26"));
        yield return Attack("a parent-company group granted in the operators' policy", "ENC-IAM-003",
            p => p.Resource("iam-operators").Append("statements", "allow group ParentCo-DataPlatform to read objects in tenancy"));
        yield return Attack("the parent tenancy defined for cross-tenancy grants", "ENC-IAM-001",
            p => p.Resource("iam-services-root").Append("statements", "define tenancy Parent as ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000"));
        yield return Attack("an admit of the parent tenancy's administrators", "ENC-IAM-001",
            p => p.Resource("iam-services-root").Append("statements", "admit group Administrators of tenancy ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000 to manage all-resources in tenancy"));
    }
}
