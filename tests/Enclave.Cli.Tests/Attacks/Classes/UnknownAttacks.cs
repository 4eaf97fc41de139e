using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Values a deployed state should never hold as unknown (a hand-edited or half-written export): every one a
/// mandatory rule reads makes that rule undetermined, and in a state that fails closed on the changed resource.
/// (In a preview the same unknowns are values the cloud computes at deploy time and stay advisory: not attacks.)
/// </summary>
public sealed class UnknownAttacks : AttackClass
{
    private static readonly (string Rule, string Resource, string Path)[] Unknowns =
    [
        ("ENC-STO-001", "storage-user-data", "accessType"),
        ("ENC-STO-003", "storage-user-data", "versioning"),
        ("ENC-DB-002", "database-adb", "isMtlsConnectionRequired"),
        ("ENC-DB-006", "database-adb", "whitelistedIps"),
        ("ENC-DB-007", "database-adb", "isFreeTier"),
        ("ENC-NET-001", "network-data", "prohibitPublicIpOnVnic"),
        ("ENC-NET-009", "network-bastion", "maxSessionTtlInSeconds"),
        ("ENC-NET-009", "network-bastion", "clientCidrBlockAllowLists"),
        ("ENC-KMS-001", "keys-database-key", "isAutoRotationEnabled"),
        ("ENC-LOG-003", "tenancy-audit", "retentionPeriodDays"),
        ("ENC-GOV-002", "tenancy-cloud-guard", "status"),
        ("ENC-REG-001", "regions-standby", "region"),
        ("ENC-IAM-004", "iam-operators", "statements"),
    ];

    private static readonly (string Rule, string Resource, string Key)[] References =
    [
        ("ENC-DB-001", "database-adb", "subnetId"),
        ("ENC-DB-003", "database-adb", "kmsKeyId"),
        ("ENC-STO-002", "storage-user-data", "kmsKeyId"),
        ("ENC-DB-003", "database-adb-standby", "kmsKeyId"),
    ];

    public override IEnumerable<AttackCase> Cases()
    {
        foreach (var (rule, resource, path) in Unknowns)
            yield return Attack($"{resource}.{path} unknown in a deployed state", rule, p => p.Resource(resource).Unknown(path), Forms.Export);
        // A reference input whose lineage (property dependencies) is dropped too: nothing says which resource it names.
        foreach (var (rule, resource, key) in References)
            yield return Attack($"{resource}.{key} unknown with no lineage in a deployed state", rule,
                p => p.Resource(resource).Unknown(key).WithoutLineage(key), Forms.Export);
    }
}
