using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>Data-bearing resources (database, buckets, vaults, keys, log groups, logs) carry Pulumi's protect flag.</summary>
public sealed class DataBearingProtected : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-001", "Data-bearing resources are protected from deletion", Severity.High, Enforcement.Mandatory,
        "A refactor or a `pulumi destroy` must never delete the database, its keys or the audit evidence; `protect` makes the engine refuse.",
        "Set `protect: true` (CustomResourceOptions.Protect) on the database, buckets, vaults, keys, log groups and logs.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var node in context.Graph.Resources.Where(n => OciTypes.DataBearing.Contains(n.Type)))
            if (node.Protect) sink.Pass(node.Urn, $"{node.Label}: protected");
            else sink.Fail(node.Urn, $"{node.Label}: not protected; a destroy or rename would delete it");
    }
}
