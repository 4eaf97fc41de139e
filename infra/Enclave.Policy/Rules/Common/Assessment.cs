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
        var failed = _items.Where(i => i.Outcome == Truth.False).Select(i => i.Violation ?? $"required but not met: {i.Requirement}").ToList();
        var unknown = _items.Where(i => i.Outcome == Truth.Unknown).Select(i => i.Requirement).ToList();
        var evidence = details?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        if (failed.Count > 0)
            return new Finding(ruleId, urn, Verdict.Fail, $"{subject}: {string.Join("; ", failed)}", evidence);
        if (unknown.Count > 0)
            return new Finding(ruleId, urn, Verdict.Undetermined,
                $"{subject}: not known until deploy: {string.Join("; ", unknown)}", evidence);
        return new Finding(ruleId, urn, Verdict.Pass, _items.Count == 1 ? $"{subject}: {_items[0].Requirement}"
            : $"{subject}: {string.Join("; ", _items.Select(i => i.Requirement))}", evidence);
    }
}
