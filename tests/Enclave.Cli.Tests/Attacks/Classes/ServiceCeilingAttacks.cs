using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-IAM-051: the enclave's own service principals held to what the enclave needs from them. Cloud Guard and Object
/// Storage pass ENC-IAM-040 as the enclave's principals, so a wider grant to them passed the gate before this rule.
/// </summary>
public sealed class ServiceCeilingAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";

    public override string Name => "ServiceCeiling";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("Cloud Guard may use every key of the tenancy", "ENC-IAM-051",
            p => Add(p, "iam-services-root", "allow service cloudguard to use keys in tenancy"));
        yield return Attack("Cloud Guard may manage the buckets", "ENC-IAM-051",
            p => Add(p, "iam-services-root", "allow service cloudguard to manage buckets in tenancy"));
        yield return Attack("Object Storage may manage the objects", "ENC-IAM-051",
            p => Add(p, "iam-services", $"allow service objectstorage-us-ashburn-1 to manage objects in compartment id {Cmp(p, "database")}"));
        yield return Attack("Object Storage may manage the vaults", "ENC-IAM-051",
            p => Add(p, "iam-services", $"allow service objectstorage-us-ashburn-1 to manage vaults in compartment id {Cmp(p, "security")}"));
        yield return Legitimate("Cloud Guard reads the tenancy's resources (as Oracle documents)",
            p => Add(p, "iam-services-root", "allow service cloudguard to read all-resources in tenancy"));
    }

    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
