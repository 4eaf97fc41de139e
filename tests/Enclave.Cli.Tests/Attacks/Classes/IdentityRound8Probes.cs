using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 8, identity plane: classes probed as the parent company. Names that grant (group, dynamic-group,
/// network-source names) computed from another resource's output, which a preview shows only as unknown (ENC-GOV-007,
/// closed this round); and statement tricks that were already caught: a where clause that always holds, a look-alike
/// group name with an invisible character, upper-case keywords and names, any-user pinned only by principal type, a
/// tag condition granting an outsider, an auditor reading objects by operation, a dynamic group matching by tag.
/// </summary>
public sealed class IdentityRound8Probes : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Guard = "request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'";
    private const string AuditorGuard = "request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'";

    public override IEnumerable<AttackCase> Cases() => ComputedNames().Concat(StatementTricks());

    private IEnumerable<AttackCase> ComputedNames()
    {
        yield return Attack("a new Default-domain group named from a random value at deploy", "ENC-GOV-007", p =>
            p.Add("oci:Identity/group:Group", "iam-contractors", new JsonObject
            {
                ["compartmentId"] = Tenancy(p), ["name"] = "placeholder", ["description"] = "contractors",
            }, sibling: "iam-adb-dynamic-group").Unknown("name").Urn, Forms.Preview);
        yield return Attack("the database's dynamic group renamed from another resource's output", "ENC-GOV-007",
            p => p.Resource("iam-adb-dynamic-group").Unknown("name").Urn, Forms.Preview);
        yield return Attack("the gatekeepers' network source renamed from another resource's output", "ENC-GOV-007",
            p => p.Resource("iam-gatekeeper-networks").Unknown("name").Urn, Forms.Preview);
        yield return Attack("the auditors' identity-domain group renamed from another resource's output", "ENC-GOV-007",
            p => p.Resource("iam-auditors", DomainsGroup).Unknown("displayName").Urn, Forms.Preview);
    }

    private static ResourceEdit Operators(Prod p, string statement) => p.Resource("iam-operators").Append("statements", statement);
    private static string Database(Prod p) => p.Resource("tenancy-database").Id();

    private IEnumerable<AttackCase> StatementTricks()
    {
        yield return Attack("an operators' grant whose where clause always holds", "ENC-IAM-031", p =>
            Operators(p, $"allow group 'UsdsEnclave'/'usde-prod-db-operators' to read objects in tenancy where any {{request.user.mfaTotpVerified = 'true', request.region != 'zzz'}}").Urn);
        yield return Attack("a grant to a look-alike gatekeepers' group with a zero-width space", "ENC-IAM-008", p =>
            Operators(p, $"allow group 'UsdsEnclave'/'usde-prod-gatekeepers\u200b' to manage buckets in compartment id {Database(p)} where all {{{Guard}}}").Urn);
        yield return Attack("an upper-case operators' statement managing all resources", "ENC-IAM-004", p =>
            Operators(p, $"ALLOW GROUP 'UsdsEnclave'/'USDE-PROD-DB-OPERATORS' TO MANAGE ALL-RESOURCES IN COMPARTMENT ID {Database(p)} WHERE ALL {{{Guard}}}").Urn);
        yield return Attack("any-user pinned only by principal type reads objects", "ENC-IAM-002", p =>
            Operators(p, $"allow any-user to read objects in compartment id {Database(p)} where request.principal.type = 'serviceconnector'").Urn);
        yield return Attack("an outsider group reads buckets carrying the enclave's own tag", "ENC-IAM-008", p =>
            Operators(p, $"allow group usde-prod-contractors to read buckets in tenancy where target.resource.tag.usde-prod-namesp.CreatedBy = 'ci'").Urn);
        yield return Attack("the auditors read objects limited by operation", "ENC-IAM-080", p =>
            Operators(p, $"allow group 'UsdsEnclave'/'usde-prod-auditors' to read objects in tenancy where all {{{AuditorGuard}, request.operation = 'GetObject'}}").Urn);
        yield return Attack("the database's dynamic group matching every resource carrying a tag", "ENC-IAM-010", p =>
            p.Resource("iam-adb-dynamic-group").Set("matchingRule", "ALL {resource.type = 'autonomousdatabase', tag.usde-prod-namesp.CreatedBy.value = 'ci'}").Urn);
        yield return Attack("a grant in a new policy attached to the tenancy naming the data compartment by name", "ENC-IAM-008", p =>
            p.Add(PolicyType, "iam-contractors-policy", new JsonObject
            {
                ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-contractors-policy", ["description"] = "contractors",
                ["statements"] = Value.List("allow group usde-prod-contractors to read objects in compartment usde-prod-database-cmp"),
            }, sibling: "iam-operators").Urn);
        yield return Attack("a dynamic group of the parent's functions granted the database key by OCID", "ENC-IAM-008", p =>
            Operators(p, "allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaaexampleparentfunctions to use keys in tenancy").Urn);
        yield return Attack("a statement whose subject group is written with a trailing space", "ENC-IAM-008", p =>
            Operators(p, $"allow group 'UsdsEnclave'/'usde-prod-db-operators ' to manage buckets in compartment id {Database(p)} where all {{{Guard}}}").Urn);
    }
}
