using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Collects a resource's requirements with their three-valued outcomes and turns them into one finding: any false
/// requirement fails (naming every one that failed), else any unknown one leaves the finding undetermined, else it passes.
/// </summary>
public sealed class Assessment
{
    // The violation text is kept as given and only phrased when a requirement fails (most pass).
    private readonly List<(Truth Outcome, string Requirement, string? Violation)> _items = [];

    /// <param name="requirement">What must hold, phrased as a statement (e.g. "isMtlsConnectionRequired is true").</param>
    /// <param name="whenViolated">How to say it when it does not hold (e.g. "… admits the whole internet"); a
    /// requirement phrased as a negation reads backwards after "not met:", so such callers say what is wrong.</param>
    public Assessment Require(Truth outcome, string requirement, string? whenViolated = null)
    {
        _items.Add((outcome, requirement, whenViolated));
        return this;
    }

    public Truth Outcome
    {
        get
        {
            var outcome = Truth.True;
            foreach (var i in _items) outcome = outcome.And(i.Outcome);
            return outcome;
        }
    }

    /// <summary>True when nothing was required yet.</summary>
    public bool IsEmpty => _items.Count == 0;

    public Finding ToFinding(string ruleId, string urn, string subject, IEnumerable<string>? details = null)
    {
        var evidence = details?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        // The message names every failed requirement, else every unknown one, else every one (in the order given).
        var verdict = Outcome switch { Truth.False => Verdict.Fail, Truth.Unknown => Verdict.Undetermined, _ => Verdict.Pass };
        var named = new List<string>(_items.Count);
        foreach (var (outcome, requirement, violation) in _items)
        {
            if (verdict == Verdict.Fail && outcome == Truth.False) named.Add(violation ?? $"required but not met: {requirement}");
            else if (verdict == Verdict.Undetermined && outcome == Truth.Unknown) named.Add(requirement);
            else if (verdict == Verdict.Pass) named.Add(requirement);
        }
        var prefix = verdict == Verdict.Undetermined ? "not known until deploy: " : null;
        return new Finding(ruleId, urn, verdict, FindingText.Joined(subject, prefix, named), evidence);
    }
}
