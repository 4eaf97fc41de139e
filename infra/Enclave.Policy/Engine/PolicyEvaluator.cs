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
        // What the findings keep is bounded by the file they judge, charged as they are made (FindingBudget).
        var meter = (budget ?? FindingBudget.Default).For(graph.InputBytes, graph.Source);
        var sink = new ReportSink(graph, waiverSet.UsableOn(graph), date, undetermined, meter, findings, keepPasses);
        foreach (var rule in ruleSet)
        {
            // Each rule writes straight into the sink (no list per rule to copy ~700k findings through, and no finding
            // object for a rule that writes its fields); a defect of the rule's own code is reported as that rule's, one
            // of the sink's bookkeeping as the gate's (GateFaultException).
            sink.Start(rule.Info);
            try { rule.Evaluate(context, sink); }
            // Over a work budget is a hostile input, not a defect of the rule: it reaches the caller as it is; a finding
            // for another rule is already reported as this rule's (ReportSink). A rule that caught the sink's fault and
            // then threw something else still ends as the gate's fault.
            catch (Exception e) when (e is not AccessBudgetException and not RuleEvaluationException and not GateFaultException)
            {
                throw sink.Fault ?? (Exception)new RuleEvaluationException(rule.Info.Id, e);
            }
            // A rule that swallowed the sink's fault has lost findings: nothing is judged.
            if (sink.Fault is { } fault) throw fault;
        }
        return sink.Passed;
    }

    /// <summary>
    /// The evaluator's <see cref="FindingSink"/>: each finding a rule writes is judged (fail closed, waived, charged to the
    /// budget) and kept as a <see cref="ReportedFinding"/>, the report's value form.
    /// </summary>
    private sealed class ReportSink(ResourceGraph graph, WaiverSet usable, DateOnly date, UndeterminedMode undetermined,
        FindingBudget.Meter? meter, PooledBuffer<ReportedFinding> findings, bool keepPasses) : FindingSink("")
    {
        private RuleInfo _rule = null!;
        private bool _blocks;
        private bool _waivable;
        private ReportedFinding.Judged[] _judgedAs = [];

        /// <summary>Plain passes only counted (<c>keepPasses</c> false).</summary>
        public int Passed { get; private set; }

        /// <summary>The sink's own defect, kept even if the running rule catches what Write threw.</summary>
        public GateFaultException? Fault { get; private set; }

        public void Start(RuleInfo rule)
        {
            _rule = rule;
            RuleId = rule.Id;
            _blocks = FailClosed.Blocks(rule, graph.Origin, undetermined);
            _waivable = WaiverPolicy.IsWaivable(rule);
            _judgedAs = ReportedFinding.Judged.For(rule);
        }

        protected override void Write(string ruleId, string urn, Verdict verdict, FindingText text, ImmutableArray<string> details, bool unreadable)
        {
            if (!ReferenceEquals(ruleId, _rule.Id) && ruleId != _rule.Id)
                throw new RuleEvaluationException(_rule.Id, new InvalidOperationException($"emitted a finding for {ruleId}"));
            // From here on the code is the gate's, not the rule's: its defect is the gate's (a budget passed is not one).
            try { Record(urn, verdict, text, details, unreadable); }
            catch (Exception e) when (e is not AccessBudgetException) { throw Fault = new GateFaultException(_rule.Id, e); }
        }

        private void Record(string urn, Verdict verdict, FindingText text, ImmutableArray<string> details, bool unreadable)
        {
            // The report keeps the finding's fields (ReportedFinding); a finding that fails closed (FailClosed.Apply) is
            // written as such without a copy of an object.
            if (verdict == Verdict.Undetermined && _blocks)
                (verdict, text, unreadable) = (Verdict.Fail, FailClosed.Unreadable(text, graph.Origin), true);
            var waiver = verdict != Verdict.Pass && _waivable ? usable.Find(_rule.Id, urn, date) : null;
            meter?.Charge(text, details);
            // A pass is never waived (no waiver is looked up for it): a plain pass.
            if (!keepPasses && verdict == Verdict.Pass)
            {
                Passed++;
                return;
            }
            findings.Add(new ReportedFinding(_judgedAs, _rule.Id, urn, verdict, text, details, unreadable, waiver));
        }
    }
}
