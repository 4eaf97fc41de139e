using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Network;

namespace Enclave.Policy.Rules.Reachability;

/// <summary>Turns the paths a reachability rule judges into one finding per data target, hop by hop.</summary>
internal static class ReachabilityFindings
{
    /// <summary>Paths listed per finding; the rest are counted (a report must stay readable).</summary>
    public const int MaxListedPaths = 25;

    /// <param name="judged">Each path with whether it violates the rule (True), may violate it (Unknown) or is allowed (False).</param>
    /// <param name="from">How the origin reads in a sentence, e.g. "from the internet".</param>
    public static Finding For(string ruleId, ReachTarget target, IEnumerable<(ReachPath Path, Truth Violates)> judged, string from)
    {
        var open = new List<ReachPath>();
        var undetermined = new List<ReachPath>();
        var allowed = new List<ReachPath>();
        foreach (var (path, violates) in judged)
            (violates switch { Truth.True => open, Truth.Unknown => undetermined, _ => allowed }).Add(path);
        // Most targets have no path at all: no evidence to list.
        if (open.Count + undetermined.Count + allowed.Count == 0)
            return new Finding(ruleId, target.Urn, Verdict.Pass, $"{target.Label} is not reachable {from}", ImmutableArray<string>.Empty);

        var details = ImmutableArray.CreateBuilder<string>();
        AddLines(details, "open", open);
        AddLines(details, "undetermined", undetermined);
        AddLines(details, "allowed", allowed);
        if (open.Count > 0)
            return new Finding(ruleId, target.Urn, Verdict.Fail,
                $"{target.Label} is reachable {from} ({Count(open.Count, "open path")})", details.ToImmutable());
        if (undetermined.Count > 0)
            return new Finding(ruleId, target.Urn, Verdict.Undetermined,
                $"{target.Label} may be reachable {from}: {Count(undetermined.Count, "path")} depend on values known only after deploy",
                details.ToImmutable());
        return new Finding(ruleId, target.Urn, Verdict.Pass, $"{target.Label} is not reachable {from}", details.ToImmutable());
    }

    /// <summary>Policy values the analysis could not use make the rule undetermined for the whole stack.</summary>
    public static IEnumerable<Finding> Problems(string ruleId, RuleContext context, ReachabilityReport report, params string[] keys) =>
        report.Problems.Where(p => keys.Any(k => p.StartsWith(k + ":", StringComparison.Ordinal)))
            .Select(p => new Finding(ruleId, StackUrn(context.Graph), Verdict.Undetermined, p));

    private static void AddLines(ImmutableArray<string>.Builder details, string kind, List<ReachPath> paths)
    {
        var room = Math.Max(0, MaxListedPaths - details.Count);
        foreach (var path in paths.Take(room)) details.Add($"{kind}: {path}");
        if (paths.Count > room) details.Add($"… and {paths.Count - room} more {kind} path(s)");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string StackUrn(ResourceGraph graph) =>
        graph.OfType("pulumi:pulumi:Stack").FirstOrDefault()?.Urn
        ?? $"urn:pulumi:{graph.Stack}::{graph.Project}::pulumi:pulumi:Stack::{graph.Project}-{graph.Stack}";
}
