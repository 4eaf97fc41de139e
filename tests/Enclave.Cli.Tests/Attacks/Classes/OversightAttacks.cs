using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Blinding the oversight: logs, audit retention, Cloud Guard, keys and vault placement.</summary>
public sealed class OversightAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("audit retention cut to 90 days", "ENC-LOG-003", p => p.Resource("tenancy-audit").Set("retentionPeriodDays", 90));
        yield return Attack("data subnet flow log deleted", "ENC-LOG-001", p =>
        {
            p.Remove("network-data-flow-log");
            return p.Resource("network-data").Urn;
        });
        yield return Attack("standby app subnet flow log deleted", "ENC-LOG-001", p =>
        {
            p.Remove("network-standby-app-flow-log");
            return p.Resource("network-standby-app").Urn;
        });
        yield return Attack("Cloud Guard disabled", "ENC-GOV-002", p => p.Resource("tenancy-cloud-guard").Set("status", "DISABLED"));
        yield return Attack("database key rotation switched off", "ENC-KMS-001", p => p.Resource("keys-database-key").Set("isAutoRotationEnabled", false));
        yield return Attack("Phoenix logs key rotation switched off", "ENC-KMS-001", p => p.Resource("keys-us-phoenix-1-logs-key").Set("isAutoRotationEnabled", false));
        yield return Attack("buckets key rotated every two years", "ENC-KMS-001", p => p.Resource("keys-buckets-key").Set("autoKeyRotationDetails.rotationIntervalInDays", 730));
        yield return Attack("vault moved to the application compartment", "ENC-KMS-002",
            p => p.Resource("keys-vault").Set("compartmentId", p.Resource("storage-user-data").Inputs["compartmentId"]!.GetValue<string>()));
        yield return Attack("archive write log deleted", "ENC-STO-004", p =>
        {
            p.Remove("oversight-archive-us-ashburn-1-archive-bucket-write-log");
            return p.Resource("oversight-archive-us-ashburn-1-bucket").Urn;
        });
        yield return Attack("policy-change alerts disabled", "ENC-LOG-004", p => p.Resource("oversight-us-ashburn-1-policy-changes").Set("isEnabled", false));
        yield return Attack("archive connector deleted", "ENC-LOG-002", p =>
        {
            p.Remove("oversight-archive-us-ashburn-1-connector");
            return p.Resource("network-data-flow-log").Urn;
        });
        yield return Attack("data flow log unprotected from deletion", "ENC-GOV-001", p =>
        {
            var log = p.Resource("network-data-flow-log");
            log.Json.Remove("protect");
            return log;
        });
    }
}
