using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Grants to whatever runs in an enclave compartment (any-user pinned by request.principal.compartment.id): a function,
/// connector or instance someone places there reads the data past every persona ceiling unless the grant names the
/// stack's own buckets, keys and secrets (ENC-IAM-090). And the security zone's recipe, seen only by OCID, must hold as
/// many policies as the program's (ENC-GOV-003).
/// </summary>
public sealed class PinnedPrincipalAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";

    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();

    private static string Pinned(Prod p, string type, string compartment = "security") =>
        $"request.principal.type = '{type}', request.principal.compartment.id = '{Cmp(p, compartment)}'";

    public override IEnumerable<AttackCase> Cases()
    {
        AttackCase Grant(string name, Func<Prod, string> statement, string policy = "iam-services") =>
            Attack(name, "ENC-IAM-090", p => Add(p, policy, statement(p)));

        yield return Grant("any function of the security compartment reads the users' objects",
            p => $"allow any-user to read objects in compartment id {Cmp(p, "app")} where all {{{Pinned(p, "fnfunc")}}}");
        yield return Grant("any connector of the security compartment reads the users' objects",
            p => $"allow any-user to read objects in compartment id {Cmp(p, "app")} where all {{{Pinned(p, "serviceconnector")}}}");
        yield return Grant("the archive connectors' grant loses its bucket pin", p =>
        {
            var policy = p.Resource("oversight-archive-us-ashburn-1-connector-policy", PolicyType);
            var statements = (JsonArray)policy.Get("statements")!;
            var at = statements.Select((s, i) => (s!.GetValue<string>(), i)).First(x => x.Item1.Contains("manage objects", StringComparison.Ordinal));
            var bucket = at.Item1[at.Item1.IndexOf("target.bucket.name", StringComparison.Ordinal)..];
            bucket = bucket[..(bucket.IndexOf(',', StringComparison.Ordinal) + 2)];
            return policy.Set($"statements[{at.i}]", at.Item1.Replace(bucket, "", StringComparison.Ordinal)).Urn;
        });
        yield return Grant("any instance of the app compartment reads the database's backups",
            p => $"allow any-group to read autonomous-backups in compartment id {Cmp(p, "database")} where all {{{Pinned(p, "instance", "app")}}}");
        yield return Grant("any function of the enclave uses every key",
            p => $"allow any-user to use keys in compartment id {Cmp(p, "security")} where all {{{Pinned(p, "fnfunc")}}}");
        yield return Grant("any function of the enclave reads every secret",
            p => $"allow any-user to read secret-bundles in compartment id {Cmp(p, "security")} where all {{{Pinned(p, "fnfunc")}}}");
        yield return Grant("any connector of the enclave reads the logs' contents",
            p => $"allow any-user to read log-content in compartment id {Cmp(p, "security")} where all {{{Pinned(p, "serviceconnector")}}}");
        yield return Grant("an outside group pinned to an enclave compartment manages the database",
            p => $"allow group data-team to manage autonomous-databases in compartment id {Cmp(p, "database")} where all {{{Pinned(p, "fnfunc", "database")}}}");

        yield return Attack("the zone recipe drops one of the program's policies", "ENC-GOV-003", p =>
        {
            var recipe = p.Resource("tenancy-zone-recipe");
            var policies = (JsonArray)recipe.Get("securityPolicies")!.DeepClone();
            policies.RemoveAt(policies.Count - 1);
            recipe.Set("securityPolicies", policies);
            return p.Resource("tenancy-zone");
        });

        yield return Legitimate("a connector of the security compartment writes only the archive", p => Add(p, "iam-services",
            $"allow any-user to manage objects in compartment id {Cmp(p, "security")} where all {{{Pinned(p, "serviceconnector")}, " +
            $"target.bucket.name = '{p.Resource("oversight-archive-us-ashburn-1-bucket").Get("name")!.GetValue<string>()}', request.permission != 'OBJECT_DELETE'}}"));
        yield return Legitimate("a function of the enclave uses only the buckets key", p => Add(p, "iam-services",
            $"allow any-user to use keys in compartment id {Cmp(p, "security")} where all {{{Pinned(p, "fnfunc")}, target.key.id = '{p.Resource("keys-buckets-key").Json["id"]!.GetValue<string>()}'}}"));
    }
}
