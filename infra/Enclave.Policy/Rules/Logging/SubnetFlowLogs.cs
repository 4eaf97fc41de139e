using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>R13 / CIS 4.13: every subnet is covered by a VCN flow log (on the subnet or its VCN).</summary>
public sealed class SubnetFlowLogs : SinkRuleBase
{
    private static readonly string[] Targets = [OciTypes.Subnet, OciTypes.Vcn];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-001", "Every subnet has a flow log", Severity.Medium, Enforcement.Mandatory,
        "Flow logs are the record of every packet accepted or rejected; without them a breach of the network boundary leaves no evidence.",
        "Declare a Logging.Log with configuration.source {service: flowlogs, category: all, resource: <subnet id>} for every subnet.",
        Cis: "4.13");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var index = new ServiceLogs.Index(g.OfType(OciTypes.Log), source => IsFlow(source) != Truth.False);
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        // Two VCNs of one artifact can claim one id (two resources adopting one cloud object, or a hand-made file): such an
        // id names no VCN for certain (null), and only a flow log on the subnet itself covers the subnet.
        var vcnById = vcns.Where(v => v.Id.AsString() is not null).GroupBy(v => v.Id.AsString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Skip(1).Any() ? null : g.First(), StringComparer.Ordinal);
        var candidates = new List<ServiceLogs.Candidate>();
        foreach (var subnet in g.OfType(OciTypes.Subnet))
        {
            var vcn = subnet.Input("vcnId").AsString() is { } vcnId && vcnById.TryGetValue(vcnId, out var byId) ? byId
                : References.Resolve(g, subnet, "vcnId", subnet.Input("vcnId"), vcns).FirstOrDefault();
            index.Candidates(candidates, subnet, vcn);
            switch (Covered(g, subnet, vcn, candidates))
            {
                case Truth.True: sink.Pass(subnet.Urn, $"{subnet.Label}: flow log present"); break;
                case Truth.False: sink.Fail(subnet.Urn, $"{subnet.Label}: no flow log covers it"); break;
                default: sink.Undetermined(subnet.Urn, $"{subnet.Label}: flow-log coverage not known until deploy"); break;
            }
        }
    }

    private static Truth IsFlow(LogSource source) => source.Is("flowlogs", "all");

    /// <summary>Does one of the candidate flow logs cover the subnet or its VCN (three-valued OR over them)?</summary>
    private static Truth Covered(ResourceGraph g, ResourceNode subnet, ResourceNode? vcn, List<ServiceLogs.Candidate> candidates)
    {
        var covered = Truth.False;
        foreach (var log in candidates)
        {
            var covers = ServiceLogs.Covers(g, log, subnet, Targets);
            if (covers != Truth.True && vcn is not null) covers = covers.Or(ServiceLogs.Covers(g, log, vcn, Targets));
            covered = covered.Or(IsFlow(log.Source).And(covers));
            if (covered == Truth.True) break;
        }
        return covered;
    }
}
