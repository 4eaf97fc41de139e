using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Engine;

/// <summary>Runs the rule catalogue over one stack's graph and applies waivers.</summary>
public static class PolicyEvaluator
{
    /// <param name="today">The date waivers are judged against (defaults to the UTC date).</param>
    /// <param name="rules">The rules to run (defaults to <see cref="RuleCatalogue.All"/>).</param>
    /// <param name="undetermined">Whether undecided findings of mandatory rules fail closed (<see cref="FailClosed"/>).</param>
    /// <param name="budget">What the findings may keep for the graph's file (defaults to <see cref="FindingBudget.Default"/>).</param>
    /// <exception cref="FindingBudgetException">The findings would pass the budget.</exception>
    public static PolicyReport Evaluate(ResourceGraph graph, PolicyContext policy, WaiverSet? waivers = null,
        DateOnly? today = null, IReadOnlyList<IRule>? rules = null, UndeterminedMode undetermined = UndeterminedMode.Block,
        FindingBudget? budget = null)
    {
        var date = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        // A fresh glob-matching budget per judgement: globs and URNs both come from a pull request (GlobWorkBudget).
        var waiverSet = (waivers ?? WaiverSet.Empty).ForJudgement();
        var ruleSet = rules ?? RuleCatalogue.All;
        // The catalogue makes ~7 findings per resource (a rule about one): sized for that, the buffer is rented once
        // instead of grown (and copied) a dozen times per run.
        using var findings = new PooledBuffer<ReportedFinding>(Math.Max(1024, graph.Resources.Length * Math.Min(8, ruleSet.Count)));
        Gather(graph, policy, waiverSet, date, ruleSet, undetermined, budget, findings, keepPasses: true);
        var infos = ruleSet.Select(r => r.Info).OrderBy(i => i.Id, StringComparer.Ordinal).ToImmutableArray();
        return new PolicyReport(graph, infos, findings, date, waiverSet);
    }

    /// <summary>
    /// As <see cref="Evaluate"/>, for a verdict that lists only what is not a plain pass (a diff's or plan's summary):
    /// the findings that are not plain passes, in report order, and how many plain passes there were. A large state's
    /// ~760k passes are counted as they are made instead of kept until the report is sorted: kept, every collection
    /// of the rule run copied and marked them (a diff judges two such states). Every finding is still charged to the
    /// budget, so the same file is refused at the same finding as by <see cref="Evaluate"/>.
    /// </summary>
    internal static (ImmutableArray<ReportedFinding> NotPassed, int Passed) EvaluateNotPassed(ResourceGraph graph,
        PolicyContext policy, WaiverSet? waivers = null, DateOnly? today = null, IReadOnlyList<IRule>? rules = null,
        UndeterminedMode undetermined = UndeterminedMode.Block, FindingBudget? budget = null)
    {
        var date = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var waiverSet = (waivers ?? WaiverSet.Empty).ForJudgement();
        using var findings = new PooledBuffer<ReportedFinding>(Math.Max(1024, graph.Resources.Length * 2));
        var passed = Gather(graph, policy, waiverSet, date, rules ?? RuleCatalogue.All, undetermined, budget, findings, keepPasses: false);
        // A subset of the production order sorts to the same sequence as the whole report filtered (the order's last
        // key is the production index).
        return (FindingOrder.Sort(findings.Items, findings.Count, graph), passed);
    }

    /// <summary>Runs every rule into <paramref name="findings"/>; returns how many plain passes were only counted (none when kept).</summary>
    private static int Gather(ResourceGraph graph, PolicyContext policy, WaiverSet waiverSet, DateOnly date, IReadOnlyList<IRule> ruleSet,
        UndeterminedMode undetermined, FindingBudget? budget, PooledBuffer<ReportedFinding> findings, bool keepPasses)
    {
        var context = new RuleContext(graph, policy) { Waivers = waiverSet, Today = date };
        var usable = waiverSet.UsableOn(graph);
        // What the findings keep is bounded by the file they judge, charged as they are made (FindingBudget).
        var meter = (budget ?? FindingBudget.Default).For(graph.InputBytes, graph.Source);
        var passed = 0;
        foreach (var rule in ruleSet)
        {
            // Read straight from the rule's sequence (no list per rule to copy ~700k findings through); only the
            // rule's own code is inside the try, so a defect is reported as that rule's.
            using var produced = Start(rule, context);
            var blocks = FailClosed.Blocks(rule.Info, graph.Origin, undetermined);
            var waivable = WaiverPolicy.IsWaivable(rule.Info);
            var judgedAs = ReportedFinding.Judged.For(rule.Info);
            while (Next(rule, produced, out var judged))
            {
                if (!ReferenceEquals(judged.RuleId, rule.Info.Id) && judged.RuleId != rule.Info.Id)
                    throw new RuleEvaluationException(rule.Info.Id, new InvalidOperationException($"emitted a finding for {judged.RuleId}"));
                // The report keeps the finding's fields (ReportedFinding), so the rule's object dies young; a finding
                // that fails closed (FailClosed.Apply) is written as such without a copy of the object.
                var (verdict, text, unreadable) = (judged.Verdict, judged.Text, judged.Unreadable);
                if (verdict == Verdict.Undetermined && blocks)
                    (verdict, text, unreadable) = (Verdict.Fail, FailClosed.Unreadable(text, graph.Origin), true);
                var waiver = verdict != Verdict.Pass && waivable ? usable.Find(rule.Info.Id, judged.Urn, date) : null;
                meter?.Charge(text, judged.Details);
                // A pass is never waived (no waiver is looked up for it): a plain pass.
                if (!keepPasses && verdict == Verdict.Pass)
                {
                    passed++;
                    continue;
                }
                findings.Add(new ReportedFinding(judgedAs, rule.Info.Id, judged.Urn, verdict, text, judged.Details, unreadable, waiver));
            }
        }
        return passed;
    }

    private static IEnumerator<Finding> Start(IRule rule, RuleContext context)
    {
        try { return rule.Evaluate(context).GetEnumerator(); }
        // Over a work budget is a hostile input, not a defect of the rule: it reaches the caller as it is.
        catch (Exception e) when (e is not AccessBudgetException) { throw new RuleEvaluationException(rule.Info.Id, e); }
    }

    /// <summary>Moves to the rule's next finding (false at the end).</summary>
    private static bool Next(IRule rule, IEnumerator<Finding> produced, out Finding judged)
    {
        try
        {
            var more = produced.MoveNext();
            judged = more ? produced.Current : null!;
            return more;
        }
        catch (Exception e) when (e is not AccessBudgetException) { throw new RuleEvaluationException(rule.Info.Id, e); }
    }
}
