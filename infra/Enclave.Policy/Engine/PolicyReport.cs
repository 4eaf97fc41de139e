using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Engine;

/// <summary>Counts of findings in each status.</summary>
public sealed record StatusCounts(int Pass, int Fail, int Undetermined, int Suppressed)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0);
    public int Total => Pass + Fail + Undetermined + Suppressed;

    internal StatusCounts Add(FindingStatus s) => s switch
    {
        FindingStatus.Pass => this with { Pass = Pass + 1 },
        FindingStatus.Fail => this with { Fail = Fail + 1 },
        FindingStatus.Undetermined => this with { Undetermined = Undetermined + 1 },
        _ => this with { Suppressed = Suppressed + 1 },
    };
}

/// <summary>
/// The verdict of every rule on one stack's graph. Findings are ordered by rule id, then URN, then message, so
/// two runs over the same input give byte-identical reports.
/// </summary>
public sealed class PolicyReport
{
    public PolicyReport(ResourceGraph graph, ImmutableArray<RuleInfo> rules, IEnumerable<ReportedFinding> findings,
        DateOnly evaluatedOn, WaiverSet waivers)
        : this(graph, rules, FindingOrder.Sort(findings, graph), evaluatedOn, waivers)
    {
    }

    /// <summary>The evaluator's report: its findings sorted straight out of the buffer they were gathered in.</summary>
    internal PolicyReport(ResourceGraph graph, ImmutableArray<RuleInfo> rules, PooledBuffer<ReportedFinding> findings,
        DateOnly evaluatedOn, WaiverSet waivers)
        : this(graph, rules, FindingOrder.Sort(findings.Items, findings.Count, graph), evaluatedOn, waivers)
    {
    }

    private PolicyReport(ResourceGraph graph, ImmutableArray<RuleInfo> rules, ImmutableArray<ReportedFinding> sorted,
        DateOnly evaluatedOn, WaiverSet waivers)
    {
        Stack = graph.Stack;
        Project = graph.Project;
        Origin = graph.Origin;
        Source = graph.Source;
        ResourceCount = graph.Resources.Length;
        Rules = rules;
        EvaluatedOn = evaluatedOn;
        Waivers = waivers;
        Findings = sorted;
        // Counted in arrays: a StatusCounts record per finding would allocate hundreds of thousands of them.
        var severities = Enum.GetValues<Severity>();
        var counts = new int[severities.Length, 4];
        var index = severities.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        // Each rule's row looked up once per run of its findings (they come rule by rule), not once per finding.
        RuleInfo? lastRule = null;
        var row = 0;
        foreach (var f in Findings)
        {
            if (!ReferenceEquals(f.Rule, lastRule)) row = index[(lastRule = f.Rule).Severity];
            counts[row, (int)f.Status]++;
        }
        var bySeverity = severities.ToDictionary(s => s, s => Counts(counts, index[s]));
        var total = StatusCounts.Zero;
        foreach (var c in bySeverity.Values)
            total = new StatusCounts(total.Pass + c.Pass, total.Fail + c.Fail, total.Undetermined + c.Undetermined, total.Suppressed + c.Suppressed);
        CountsBySeverity = bySeverity.ToImmutableSortedDictionary();
        Totals = total;
    }

    private static StatusCounts Counts(int[,] counts, int row) => new(
        counts[row, (int)FindingStatus.Pass], counts[row, (int)FindingStatus.Fail],
        counts[row, (int)FindingStatus.Undetermined], counts[row, (int)FindingStatus.Suppressed]);

    public string Stack { get; }
    public string Project { get; }
    public GraphOrigin Origin { get; }
    public string? Source { get; }
    public int ResourceCount { get; }
    /// <summary>Every rule that was evaluated, sorted by id.</summary>
    public ImmutableArray<RuleInfo> Rules { get; }
    public ImmutableArray<ReportedFinding> Findings { get; }
    /// <summary>The date waivers were judged against.</summary>
    public DateOnly EvaluatedOn { get; }
    public WaiverSet Waivers { get; }
    public ImmutableSortedDictionary<Severity, StatusCounts> CountsBySeverity { get; }
    public StatusCounts Totals { get; }

    /// <summary>Unsuppressed failures.</summary>
    public IEnumerable<ReportedFinding> Violations => Findings.Where(f => f.Status == FindingStatus.Fail);

    public bool HasViolationsAtOrAbove(Severity threshold) => Violations.Any(f => f.Severity >= threshold);

    public bool HasMandatoryViolations => Violations.Any(f => f.Rule.Enforcement == Enforcement.Mandatory);

    /// <summary>
    /// The gate: fails on any mandatory violation, or on any violation at or above <paramref name="failOn"/> when
    /// given; never with <paramref name="softFail"/>.
    /// </summary>
    public bool FailsGate(Severity? failOn, bool softFail) =>
        !softFail && (HasMandatoryViolations || (failOn is { } t && HasViolationsAtOrAbove(t)));
}
