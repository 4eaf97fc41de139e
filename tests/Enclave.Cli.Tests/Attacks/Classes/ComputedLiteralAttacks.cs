using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// A flag, access type, region, CIDR or port the program computes from another resource's output: unknown in the
/// preview the gate judges, whatever it becomes at `pulumi up`. Unknown references stay advisory in a preview (the
/// cloud assigns ids at deploy time); these never do (ENC-GOV-007), in a preview as much as in a state.
/// </summary>
public sealed class ComputedLiteralAttacks : AttackClass
{
    private const string Rule = "ENC-GOV-007";

    private static readonly (string Resource, string Path, string What)[] Settings =
    [
        ("storage-user-data", "accessType", "the user-data bucket's access type"),
        ("storage-user-data", "versioning", "the user-data bucket's versioning"),
        ("database-adb", "isMtlsConnectionRequired", "the database mTLS flag"),
        ("network-data", "prohibitPublicIpOnVnic", "the data subnet's public-IP flag"),
        ("network-data", "cidrBlock", "the data subnet's CIDR"),
        ("network-db-from-app", "tcpOptions", "an NSG rule's ports"),
        ("network-bastion", "clientCidrBlockAllowLists", "the bastion allow-list"),
        ("network-bastion", "maxSessionTtlInSeconds", "the bastion session length"),
        ("regions-standby", "region", "the standby provider's region"),
        ("network-data-flow-log", "isEnabled", "the data flow log's switch"),
        ("tenancy-audit", "retentionPeriodDays", "the audit retention"),
        ("keys-database-key", "isAutoRotationEnabled", "the database key's rotation"),
    ];

    public override IEnumerable<AttackCase> Cases()
    {
        foreach (var (resource, path, what) in Settings)
            yield return Attack($"{what} computed from another resource", Rule, p => p.Resource(resource).Unknown(path));
        yield return Attack("a computed access type with --undetermined warn still blocks", Rule,
            p => p.Resource("storage-user-data").Unknown("accessType")) with { Arguments = ["--undetermined", "warn"] };
    }
}
