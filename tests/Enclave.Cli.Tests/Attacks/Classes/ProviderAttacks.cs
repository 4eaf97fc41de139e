using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Resources whose region the state does not tell: never assumed to be the deployment region (issue 10 part 1), so a
/// deployed state in which a copy's region cannot be told fails closed on that copy.
/// </summary>
public sealed class ProviderAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the standby database's provider is not in the state", "ENC-REG-002", p =>
        {
            var standby = p.Resource("database-adb-standby");
            standby.Json["provider"] = "urn:pulumi:prod::us-data-enclave::pulumi:providers:oci::elsewhere::0d6f3c52-3a51-4d43-a9a8-0a4b3f0e9c11";
            return standby;
        }, Forms.Export);
        yield return Attack("the primary database's default provider is not in the state", "ENC-REG-002", p =>
        {
            p.Remove("default_4_20_0");
            return p.Resource("database-adb").Urn;
        }, Forms.Export);
    }
}
