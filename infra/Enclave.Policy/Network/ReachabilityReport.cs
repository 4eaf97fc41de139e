using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Network;

/// <summary>The open and undetermined paths from every origin to every data target of one graph.</summary>
public sealed class ReachabilityReport
{
    private readonly Dictionary<string, List<ReachPath>> _byTarget = new(StringComparer.Ordinal);

    public ReachabilityReport(ImmutableArray<ReachTarget> targets, ImmutableArray<Origin> origins,
        IReadOnlyList<ReachPath> paths, ImmutableArray<Cidr> approvedPrivateRanges, ImmutableArray<string> problems)
    {
        Targets = targets;
        Origins = origins;
        Paths = paths.ToImmutableArray();
        ApprovedPrivateRanges = approvedPrivateRanges;
        Problems = problems;
        foreach (var p in Paths)
        {
            if (!_byTarget.TryGetValue(p.Target.Urn, out var list)) _byTarget[p.Target.Urn] = list = [];
            list.Add(p);
        }
    }

    public ImmutableArray<ReachTarget> Targets { get; }

    public ImmutableArray<Origin> Origins { get; }

    /// <summary>Every open or undetermined path (closed ones are not listed).</summary>
    public ImmutableArray<ReachPath> Paths { get; }

    /// <summary>Gatekeeper ranges (gatekeeper CIDRs and on-prem ranges): the only sources allowed in privately.</summary>
    public ImmutableArray<Cidr> ApprovedPrivateRanges { get; }

    /// <summary>Policy-context values the analysis could not use (e.g. a malformed CIDR).</summary>
    public ImmutableArray<string> Problems { get; }

    public IEnumerable<ReachPath> PathsTo(ReachTarget target, OriginKind from) =>
        _byTarget.TryGetValue(target.Urn, out var list) ? list.Where(p => p.Origin.Kind == from) : [];

    /// <summary>Does every source of this path lie in the gatekeeper ranges? Unknown when its sources are not known.</summary>
    public Truth IsApproved(ReachPath path) =>
        path.Source is Cidr s ? TruthLogic.Of(Cidr.IsCoveredBy(s, ApprovedPrivateRanges)) : Truth.Unknown;

    private sealed record Cached(PolicyContext Policy, ReachabilityReport Report);

    private static readonly ConditionalWeakTable<ResourceGraph, Cached> Cache = new();

    /// <summary>
    /// The report for a rule context, computed once per graph and policy: the reachability rules share it, so
    /// the analysis runs once per check whatever the number of rules reading it.
    /// </summary>
    public static ReachabilityReport For(RuleContext context)
    {
        if (Cache.TryGetValue(context.Graph, out var cached) &&
            (ReferenceEquals(cached.Policy, context.Policy) || cached.Policy == context.Policy))
            return cached.Report;
        var report = ReachabilityAnalyzer.Analyze(context.Graph, context.Policy);
        Cache.AddOrUpdate(context.Graph, new Cached(context.Policy, report));
        return report;
    }
}
