using Enclave.Policy.Engine;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// A defect in the evaluator's own bookkeeping (judging, waiving, charging and keeping a finding the rule wrote) is the
/// gate's, not the running rule's: reported as <see cref="GateFaultException"/>, never under the rule's id, and never a
/// partial report. The defect is provoked through the waiver lookup, with a waiver whose URN glob is missing (one the
/// waiver file loader never makes): the lookup throws inside the sink while the rule itself is sound.
/// </summary>
public class GateFaultTests
{
    private static readonly Graph.ResourceGraph Graph = CompliantEnclave.Build().Build();

    // Not a governance id: governance rules are never waived, so the sink would not look a waiver up.
    private static readonly RuleInfo Info = new("ENC-NET-989", "sound", Severity.Low, Enforcement.Advisory, "r", "m");

    private static WaiverSet Broken => new([new Waiver(Info.Id, null!, "reason", new DateOnly(2026, 12, 31)) { MatchesMany = true }], "waivers.yaml");

    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void A_defect_of_the_sink_is_the_gates_error_not_the_rules()
    {
        var e = Assert.Throws<GateFaultException>(() =>
            PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, Broken, Today, rules: [new Sound()]));
        Assert.Equal(Info.Id, e.RuleId);
        Assert.StartsWith($"the gate's evaluator failed while recording a finding of rule {Info.Id} (a defect of the gate, not of the rule): ", e.Message);
        Assert.IsType<ArgumentNullException>(e.InnerException);
    }

    [Fact]
    public void A_rule_that_swallows_the_sinks_defect_does_not_hide_it()
    {
        // The rule goes on (and writes no more); its findings are incomplete, so nothing may be judged.
        var e = Assert.Throws<GateFaultException>(() =>
            PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, Broken, Today, rules: [new Swallowing()]));
        Assert.Equal(Info.Id, e.RuleId);
    }

    [Fact]
    public void The_same_rule_without_the_defect_is_judged_and_its_own_throw_stays_its_own()
    {
        var report = PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, today: Today, rules: [new Sound()]);
        Assert.Equal(FindingStatus.Fail, Assert.Single(report.Findings).Status);
        var own = Assert.Throws<RuleEvaluationException>(() =>
            PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, Broken, Today, rules: [new ThrowsFirst()]));
        Assert.Equal(Info.Id, own.RuleId);
    }

    /// <summary>One failure (a finding the sink looks a waiver up for).</summary>
    private sealed class Sound : SinkRuleBase
    {
        public override RuleInfo Info => GateFaultTests.Info;

        public override void Evaluate(RuleContext context, FindingSink sink) => sink.Fail(context.Graph.Resources[0].Urn, "broken");
    }

    private sealed class Swallowing : SinkRuleBase
    {
        public override RuleInfo Info => GateFaultTests.Info;

        public override void Evaluate(RuleContext context, FindingSink sink)
        {
            try { sink.Fail(context.Graph.Resources[0].Urn, "broken"); }
            catch (Exception) { /* a rule that should not catch everything, but does */ }
        }
    }

    private sealed class ThrowsFirst : SinkRuleBase
    {
        public override RuleInfo Info => GateFaultTests.Info;

        public override void Evaluate(RuleContext context, FindingSink sink) => throw new InvalidOperationException("the rule's own defect");
    }
}
