using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>
/// A key lives in the vault its <c>managementEndpoint</c> names, not where its provider points: a key whose endpoint is
/// another vault's (a Frankfurt vault, the parent company's vault) is created there, with its material and its
/// disable/delete switches in the hands of that vault's owner, while it still encrypts the enclave's database and
/// buckets. Every key and key version names a vault of this stack.
/// </summary>
public sealed class KeysInStackVaults : SinkRuleBase
{
    private const string Endpoint = "managementEndpoint";
    private static readonly string[] Types = [OciTypes.Key, OciTypes.KeyVersion];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-051", "Keys live in the stack's own vaults", Severity.Critical, Enforcement.Mandatory,
        "A key's managementEndpoint decides which vault (region, tenancy, owner) holds it; one pointing at a vault outside the stack keeps the enclave's encryption keys where the gatekeepers neither control nor see them, and possibly outside the US.",
        "Set managementEndpoint from a vault of this stack (vault.ManagementEndpoint).");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var endpoints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var someUnknown = false;
        foreach (var vault in g.OfType(OciTypes.Vault))
        {
            if (vault[Endpoint].AsString() is { } e) endpoints.Add(e.Trim().TrimEnd('/'));
            else someUnknown = true;
        }
        foreach (var type in Types)
            foreach (var key in g.OfType(type))
            {
                var value = key.Input(Endpoint);
                Truth inStack;
                if (value.AsString() is { } text)
                    inStack = endpoints.Contains(text.Trim().TrimEnd('/')) ? Truth.True : someUnknown ? Truth.Unknown : Truth.False;
                else if (value.IsNull) continue;  // the provider's own vault default does not exist: the API requires it
                else inStack = key.PropertyDependencies.TryGetValue(Endpoint, out var deps) &&
                    deps.Any(u => g.ByUrn(u) is { } d && d.IsType(OciTypes.Vault)) ? Truth.True : Truth.Unknown;
                sink.Judge(key.Urn, inStack,
                    $"{key.Label}: held by a vault of this stack",
                    $"{key.Label}: {Endpoint} {value} is no vault of this stack; the key would live in someone else's vault",
                    $"{key.Label}: {Endpoint} {value} cannot be matched to a vault of this stack yet");
            }
    }
}
