using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Providers that sign in as someone the stack never declares (ENC-GOV-080), run another plugin version than the
/// program's (ENC-GOV-081) or act in another tenancy (ENC-GOV-022). The program's providers name only a region and the
/// stack's tenancy; who deploys is the deploying environment's API key.
/// </summary>
public sealed class ProviderIdentityAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("default provider signs in as another user", "ENC-GOV-080", p => Default(p).Set("userOcid", "ocid1.user.oc1..aaaaaaaaparentcoadmin"));
        yield return Attack("home provider with its own API key fingerprint", "ENC-GOV-080", p => p.Resource("regions-home").Set("fingerprint", "12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0"));
        yield return Attack("standby provider reads a parent-company key file", "ENC-GOV-080", p => p.Resource("regions-standby").Set("privateKeyPath", "/home/parentco/.oci/key.pem"));
        yield return Attack("default provider reads a parent-company profile", "ENC-GOV-080", p => Default(p).Set("configFileProfile", "PARENTCO"));
        yield return Attack("home provider signs in as an instance principal", "ENC-GOV-080", p => p.Resource("regions-home").Set("auth", "InstancePrincipal"));
        yield return Attack("default provider exchanges a token of another domain", "ENC-GOV-080", p => Default(p).Set("tokenExchangeDomainUrl", "https://idcs-parentco.identity.oraclecloud.com"));
        yield return Attack("default provider pinned to an older plugin", "ENC-GOV-081", p => Default(p).Set("version", "4.19.0"));
        yield return Attack("standby provider pinned to another major version", "ENC-GOV-081", p => p.Resource("regions-standby").Set("version", "5.0.0"));
        yield return Attack("home provider in another tenancy", "ENC-GOV-022", p => p.Resource("regions-home").Set("tenancyOcid", "ocid1.tenancy.oc1..aaaaaaaaexampleothertenancy"));
        yield return Legitimate("home provider says ApiKey explicitly", p => p.Resource("regions-home").Set("auth", "ApiKey"));
        yield return Legitimate("standby provider pinned to the program's plugin", p => p.Resource("regions-standby").Set("version", "4.20.0"));
    }

    private static ResourceEdit Default(Prod p) => p.Resource("default_4_20_0");
}
