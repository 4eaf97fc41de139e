using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-LOG-050: an oversight resource switched off but otherwise intact (a Cloud Guard target made INACTIVE still names
/// the enclave, its recipes and responder) looks like coverage to every rule that reads its wiring.
/// </summary>
public sealed class SwitchedOffOversightAttacks : AttackClass
{
    private const string Target = "tenancy-cloud-guard-target";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the Cloud Guard target made inactive", "ENC-LOG-050", p => p.Resource(Target).Set("state", "INACTIVE"));
        yield return Attack("the Cloud Guard target state in lower case inactive", "ENC-LOG-050", p => p.Resource(Target).Set("state", "inactive"));
        yield return Attack("the Cloud Guard target state hidden as a secret in a preview", "ENC-GOV-006", p => p.Resource(Target).Secret("state"), Forms.Preview);
        yield return Attack("the Cloud Guard target state hidden as a secret in the state", "ENC-LOG-050", p => p.Resource(Target).Secret("state"), Forms.Export);

        yield return Legitimate("the Cloud Guard target state spelt in lower case active", p => p.Resource(Target).Set("state", "active"));
        yield return Legitimate("the Cloud Guard target state left at its default", p => p.Resource(Target).Remove("state"));
    }
}
