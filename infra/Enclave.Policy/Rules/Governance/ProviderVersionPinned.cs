using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-081: an OCI provider runs the plugin version the program declares (<see cref="OciTypes.ProviderVersion"/>,
/// the Pulumi.Oci package version of Directory.Packages.props; a test keeps the two equal). The gate's rules read
/// that version's wire names and defaults; another version (an older one with a known flaw, a newer one whose
/// defaults or names moved) deploys resources the gate judged under different semantics. A provider that names no
/// version runs the program's.
/// </summary>
public sealed class ProviderVersionPinned : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-081", "OCI providers run the plugin version the program declares", Severity.High, Enforcement.Mandatory,
        "The gate judges properties by the wire names and defaults of the provider version the program is built with; a provider pinned to another version applies the same state with other defaults, other names or old flaws, so what was judged is not what is deployed.",
        $"Remove version from the provider, or set it to {OciTypes.ProviderVersion} (the Pulumi.Oci version of Directory.Packages.props).")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var provider in context.Graph.OfType(OciTypes.Provider))
        {
            var version = provider.Input("version");
            var outcome = version.IsNull ? Truth.True : version.EqualsString(OciTypes.ProviderVersion);
            sink.Judge(provider.Urn, outcome, $"{provider.Label}: plugin {OciTypes.ProviderVersion}",
                $"{provider.Label}: plugin version {version} is not the program's {OciTypes.ProviderVersion}",
                $"{provider.Label}: plugin version {version} not known until deploy");
        }
    }
}
