using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-080: an OCI provider carries no identity of its own. The program's providers name only a region and the
/// stack's tenancy (ENC-GOV-022): who deploys is the deploying environment's API-key identity (the gatekeepers' CI),
/// which the tenancy rule and the IAM rules judge. A provider in the state or preview that names a user, a key, a
/// config-file profile, a token exchange or another auth method signs in as someone the stack config never
/// declares (a parent-company user, an instance of another tenancy), and the gate cannot tell whose tenancy that
/// identity lives in. An allow-list of settings, so a new identity setting fails until judged.
/// </summary>
public sealed class ProvidersSignInAsDeployer : SinkRuleBase
{
    /// <summary>
    /// The provider inputs that may appear: where it deploys and how it behaves, never who it is (and what the engine
    /// itself adds: the analyzer hands a provider over with its id and urn).
    /// </summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "id", "urn", "region", "tenancyOcid", "version", "pluginDownloadURL", "__internal", "disableAutoRetries", "retryDurationSeconds",
        "ignoreDefinedTags", "dualStackEndpointEnabled", "realmSpecificServiceEndpointTemplateEnabled", "auth",
    };

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-080", "Providers sign in only as the deploying environment", Severity.Critical, Enforcement.Mandatory,
        "A provider that names its own user, key, config-file profile, token exchange or an auth method other than the API key deploys as an identity the stack config never declares: a parent-company user or another tenancy's instance would create and change the enclave's resources, and nothing the gate reads says whose identity that is.",
        "Remove userOcid, fingerprint, privateKey*, configFileProfile, token-exchange and workload-identity settings from the provider, and auth unless it is ApiKey: the deploying environment (the gatekeepers' CI) supplies the identity.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var provider in context.Graph.OfType(OciTypes.Provider))
        {
            var a = new Assessment();
            foreach (var (key, value) in provider.Inputs.Entries)
            {
                if (value.IsNull) continue;
                if (!Allowed.Contains(key))
                    a.Require(Truth.False, $"no {key}", whenViolated: $"sets {key}: an identity (or a setting) the stack never declares");
                else if (key == "auth")
                    a.Require(value.Test(v => string.Equals(v.AsString(), "ApiKey", StringComparison.OrdinalIgnoreCase)),
                        "auth is ApiKey", whenViolated: $"auth is {value}: it signs in as whatever identity that method yields, not the deploying API key");
            }
            if (a.IsEmpty) a.Require(Truth.True, "names no identity of its own");
            sink.Judge(provider.Urn, provider.Label, a);
        }
    }
}
