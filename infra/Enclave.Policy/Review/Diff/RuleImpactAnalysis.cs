using System.Collections.Immutable;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// Compares two policy verdicts per (rule, resource): what the change newly breaks, what it fixes, and what it
/// leaves undecidable. Resources are matched by <see cref="UrnKey"/> like the diff itself.
/// </summary>
public static class RuleImpactAnalysis
{
    private enum State { Clear, Undetermined, Failing }

    public static ImmutableArray<RuleImpact> Compare(PolicySummary before, PolicySummary after)
    {
        var b = Index(before);
        var a = Index(after);
        var impacts = new List<RuleImpact>();
        foreach (var (key, head) in a)
        {
            var baseState = b.TryGetValue(key, out var was) ? was.State : State.Clear;
            if (head.State == State.Failing && baseState != State.Failing) impacts.Add(Impact(ImpactKind.NewlyFailing, head));
        }
        foreach (var (key, old) in b)
        {
            if (old.State != State.Failing) continue;
            var headState = a.TryGetValue(key, out var now) ? now.State : State.Clear;
            if (headState == State.Undetermined) impacts.Add(Impact(ImpactKind.NowUndetermined, old));
            else if (headState == State.Clear) impacts.Add(Impact(ImpactKind.NewlyPassing, old));
        }
        return impacts
            .OrderBy(i => i.Kind)
            .ThenByDescending(i => i.Severity)
            .ThenBy(i => i.RuleId, StringComparer.Ordinal)
            .ThenBy(i => i.Urn, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private sealed record Entry(State State, List<PolicyFinding> Findings);

    private static Dictionary<(string Rule, string Urn), Entry> Index(PolicySummary summary)
    {
        var map = new Dictionary<(string, string), Entry>();
        foreach (var f in summary.Findings)
        {
            var state = f.IsViolation ? State.Failing : f.Verdict == Verdict.Undetermined && !f.Suppressed ? State.Undetermined : State.Clear;
            var key = (f.RuleId, UrnKey.Of(f.Urn));
            // The worst state wins; its findings are the ones a report quotes.
            if (!map.TryGetValue(key, out var entry) || state > entry.State) map[key] = new Entry(state, [f]);
            else if (state == entry.State) entry.Findings.Add(f);
        }
        return map;
    }

    private static RuleImpact Impact(ImpactKind kind, Entry e)
    {
        var f = e.Findings[0];
        var messages = e.Findings.Select(x => x.Message).Distinct().ToImmutableArray();
        return new RuleImpact(kind, f.RuleId, f.Title, f.Severity, f.Enforcement, f.Urn, messages);
    }
}
