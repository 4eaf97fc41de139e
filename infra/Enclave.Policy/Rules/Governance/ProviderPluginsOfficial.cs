using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-030: every provider plugin comes from Pulumi's own source. A provider with <c>pluginDownloadURL</c> (the
/// resource option, or a provider input of that name; newer engines keep it under <c>__internal</c>) makes
/// <c>pulumi up</c> download and run a binary from that server with the deployment's OCI credentials: it can create,
/// copy or open anything and report back whatever state it likes, so no rule on the state could see it.
/// </summary>
public sealed class ProviderPluginsOfficial : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-030", "Provider plugins come only from Pulumi's own source", Severity.Critical, Enforcement.Mandatory,
        "A provider plugin runs inside the deployment with its cloud credentials; one fetched from another server (pluginDownloadURL) can do anything in the tenancy and write a state that passes every other rule.",
        "Remove pluginDownloadURL (resource option or provider input); install the official plugins (docs/deploy.md) and pin them with the package versions.")
    {
        Scope = RuleScope.Resource,
    };

    /// <summary>Download sources that are Pulumi's own (the default when none is given).</summary>
    private static readonly string[] Official = ["github://api.github.com/pulumi", "https://github.com/pulumi/"];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var node in context.Graph.Resources)
        {
            if (!node.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)) continue;
            var a = new Assessment();
            foreach (var url in (PropertyValue[])[node.Input("pluginDownloadURL"), node.Input("__internal")["pluginDownloadURL"]])
            {
                if (url.IsNull) continue;
                a.Require(url.Test(v => v.AsString() is { } s && (s.Length == 0 || Official.Any(o => s.StartsWith(o, StringComparison.Ordinal)))),
                    $"plugin download URL {url} is Pulumi's own",
                    whenViolated: $"downloads its plugin from {url}, not from Pulumi's own source");
            }
            if (a.IsEmpty) a.Require(Truth.True, "the plugin comes from Pulumi's own source");
            sink.Judge(node.Urn, node.Label, a);
        }
    }
}
