using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-IAM-040 used to let outsiders inspect: names, OCIDs and metadata of the enclave's buckets, databases and
/// network are the intruder's map, and a grant that exists for an outsider is one word from a wider one. Any grant to a
/// principal that is neither a declared persona nor one of the enclave's own principals now fails.
/// </summary>
public sealed class OutsiderInspectAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";

    public override IEnumerable<AttackCase> Cases()
    {
        AttackCase Outsider(string name, string policy, Func<Prod, string> statement) =>
            Attack(name, "ENC-IAM-040", p => p.Resource(policy, PolicyType).Append("statements", statement(p)).Urn);

        yield return Outsider("another team inspects every resource of the tenancy", "iam-gatekeepers-root", _ => "allow group data-team to inspect all-resources in tenancy");
        yield return Outsider("another team lists the user-data buckets", "iam-operators", p => $"allow group data-team to inspect buckets in compartment id {Cmp(p, "app")}");
        yield return Outsider("any-user lists the enclave's compartments", "iam-operators", p => $"allow any-user to inspect compartments in compartment id {Cmp(p, "top")}");
        yield return Outsider("an undeclared dynamic group inspects the network", "iam-operators", p => $"allow dynamic-group ci-runners to inspect virtual-network-family in compartment id {Cmp(p, "network")}");
        yield return Outsider("a persona's name in the Default domain inspects the vaults", "iam-operators", p => $"allow group 'Default'/'usde-prod-gatekeepers' to inspect vaults in compartment id {Cmp(p, "security")}");
        yield return Outsider("another team inspects by permission", "iam-operators", p => $"allow group data-team to {{AUTONOMOUS_DATABASE_INSPECT}} in compartment id {Cmp(p, "database")}");
        yield return Legitimate("auditors inspect the tenancy's users", p =>
            p.Resource("iam-auditors-root", PolicyType).Append("statements",
                "allow group 'UsdsEnclave'/'usde-prod-auditors' to inspect users in tenancy where all {request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'}"));
    }

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
