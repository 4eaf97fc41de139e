using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>R13 / CIS 4.13: every subnet is covered by a VCN flow log (on the subnet or its VCN).</summary>
public sealed class SubnetFlowLogs : RuleBase
{
    private static readonly string[] Targets = [OciTypes.Subnet, OciTypes.Vcn];

    public override RuleInfo Info { get; } = new(
        "ENC-LOG-001", "Every subnet has a flow log", Severity.Medium, Enforcement.Mandatory,
        "Flow logs are the record of every packet accepted or rejected; without them a breach of the network boundary leaves no evidence.",
        "Declare a Logging.Log with configuration.source {service: flowlogs, category: all, resource: <subnet id>} for every subnet.",
        Cis: "4.13");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var g = context.Graph;
        var isFlow = g.OfType(OciTypes.Log).Select(l => (Log: l, IsFlow: ServiceLogs.Is(l, "flowlogs", "all")))
            .Where(x => x.IsFlow != Truth.False).ToDictionary<(ResourceNode Log, Truth IsFlow), ResourceNode, Truth>(x => x.Log, x => x.IsFlow, ReferenceEqualityComparer.Instance);
        var index = new ServiceLogs.Index(isFlow.Keys);
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        var vcnById = vcns.Where(v => v.Id.AsString() is not null).ToDictionary(v => v.Id.AsString()!, StringComparer.Ordinal);
        foreach (var subnet in g.OfType(OciTypes.Subnet))
        {
            var vcn = subnet.Input("vcnId").AsString() is { } vcnId && vcnById.TryGetValue(vcnId, out var byId) ? byId
                : References.Resolve(g, subnet, "vcnId", subnet.Input("vcnId"), vcns).FirstOrDefault();
            var candidates = index.Candidates(subnet);
            if (vcn is not null) candidates = candidates.Concat(index.Candidates(vcn)).Distinct(ReferenceEqualityComparer.Instance).Cast<ResourceNode>();
            var covered = candidates.Any(log => isFlow[log].And(
                ServiceLogs.Covers(g, log, subnet, Targets).Or(vcn is null ? Truth.False : ServiceLogs.Covers(g, log, vcn, Targets))));
            yield return covered switch
            {
                Truth.True => Pass(subnet.Urn, $"{subnet.Label}: flow log present"),
                Truth.False => Fail(subnet.Urn, $"{subnet.Label}: no flow log covers it"),
                _ => Undetermined(subnet.Urn, $"{subnet.Label}: flow-log coverage not known until deploy"),
            };
        }
    }
}
