using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Changes a careful engineer makes that tighten the enclave: the gate must let every one of them through.</summary>
public sealed class HardeningChanges : AttackClass
{
    public override string Name => "Legitimate";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Legitimate("shorter bastion sessions", p => p.Resource("network-bastion").Set("maxSessionTtlInSeconds", 3600));
        yield return Legitimate("upper-case region name on the standby provider",
            p => p.Resource("regions-standby").Set("region", "US-PHOENIX-1"));
        yield return Legitimate("longer database backup retention", p => p.Resource("database-adb").Set("backupRetentionPeriodInDays", 90));
    }
}
