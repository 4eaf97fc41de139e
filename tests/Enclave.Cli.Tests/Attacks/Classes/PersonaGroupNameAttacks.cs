using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-IDN-050: statements grant by group name, so a group's name is its grant. Renaming a persona's group (or adding a
/// group of a persona's name) moves the persona's statements to other people without touching a single statement.
/// </summary>
public sealed class PersonaGroupNameAttacks : AttackClass
{
    private const string DomainsGroup = "oci:Identity/domainsGroup:DomainsGroup";
    private const string IamGroup = "oci:Identity/group:Group";
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the operators' group renamed to the gatekeepers' name", "ENC-IDN-050",
            p => p.Resource("iam-operators", DomainsGroup).Set("displayName", "usde-prod-gatekeepers"));
        yield return Attack("the gatekeepers' group renamed to Administrators", "ENC-IDN-050",
            p => p.Resource("iam-gatekeepers", DomainsGroup).Set("displayName", "Administrators"));
        yield return Attack("the auditors' group renamed with a zero-width space", "ENC-IDN-050",
            p => p.Resource("iam-auditors", DomainsGroup).Set("displayName", "usde-prod-auditors\u200b"));
        yield return Attack("a second gatekeepers' group in another identity domain", "ENC-IDN-050", p => p.Add(DomainsGroup, "iam-lookalike", new JsonObject
        {
            ["displayName"] = "USDE-PROD-GATEKEEPERS", ["idcsEndpoint"] = "https://idcs-0therd0main.identity.oraclecloud.com:443",
            ["schemas"] = Value.List("urn:ietf:params:scim:schemas:core:2.0:Group"),
        }, sibling: "iam-adb-dynamic-group"));
        yield return Attack("a Default-domain IAM group of the storage admins' name", "ENC-IDN-050", p => p.Add(IamGroup, "iam-default-storage-admins",
            new JsonObject { ["compartmentId"] = Tenancy, ["name"] = "usde-prod-storage-admins", ["description"] = "storage" },
            sibling: "iam-adb-dynamic-group"));
        yield return Attack("a group no persona declares", "ENC-IDN-050", p => p.Add(IamGroup, "iam-data-team",
            new JsonObject { ["compartmentId"] = Tenancy, ["name"] = "data-team", ["description"] = "analytics" }, sibling: "iam-adb-dynamic-group"));
        yield return Attack("the operators' group name hidden as a secret in the state", "ENC-IDN-050",
            p => p.Resource("iam-operators", DomainsGroup).Secret("displayName"), Forms.Export);

        yield return Legitimate("a clearer description on the gatekeepers' group",
            p => p.Resource("iam-gatekeepers", DomainsGroup).Set("urnietfparamsscimschemasoracleidcsextensiongroupGroup.description", "US data-security team (IAM)."));
    }
}
