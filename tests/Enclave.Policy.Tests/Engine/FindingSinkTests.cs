using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// Rules may yield findings (RuleBase, the old API other engineers write against) or write them into the evaluator's
/// sink (SinkRuleBase): both must give the same report, and a sink rule must still give its findings as objects.
/// </summary>
public class FindingSinkTests
{
    private static readonly Graph.ResourceGraph Graph = CompliantEnclave.Build().Build();

    private static IEnumerable<(string, string, FindingStatus, string, string, bool)> Rows(PolicyReport report) =>
        report.Findings.Select(f => (f.RuleId, f.Urn, f.Status, f.Finding.Message, string.Join("|", f.Finding.Evidence), f.Finding.Unreadable));

    [Fact]
    public void A_rule_that_yields_and_the_same_rule_writing_into_the_sink_give_the_same_report()
    {
        var yielded = PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, rules: [new Yielding()]);
        var written = PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, rules: [new Writing()]);
        Assert.Equal(Rows(yielded), Rows(written));
        // Every verdict and both kinds of evidence are exercised, and the undetermined ones fail closed (an offline graph).
        Assert.Contains(written.Findings, f => f.Status == FindingStatus.Fail && f.Finding.Unreadable);
        Assert.Contains(written.Findings, f => f.Status == FindingStatus.Fail && !f.Finding.Unreadable);
        Assert.Contains(written.Findings, f => f.Finding.Evidence.Length == 1);
        Assert.Equal(4 * Graph.Resources.Length, written.Findings.Length);
    }

    // Finding's record equality compares evidence arrays by reference: compare what they hold.
    private static (string, string, Verdict, string, string, bool) Row(Finding f) =>
        (f.RuleId, f.Urn, f.Verdict, f.Message, string.Join("|", f.Evidence), f.Unreadable);

    [Fact]
    public void A_sink_rule_still_gives_its_findings_as_objects_in_the_order_it_writes_them()
    {
        var context = new RuleContext(Graph, CompliantEnclave.Policy);
        var objects = new Writing().Evaluate(context).Select(Row).ToList();
        var yielded = new Yielding().Evaluate(context).Select(Row).ToList();
        Assert.Equal(yielded, objects);
        Assert.Equal(4 * Graph.Resources.Length, objects.Count);
    }

    [Fact]
    public void Every_catalogue_rule_gives_the_evaluator_what_it_gives_as_objects()
    {
        // The evaluator reads each rule through the sink; tools and the tests read Evaluate(context). Undetermined
        // findings are kept as such (warn) so the two can be compared finding for finding.
        var broken = CompliantEnclave.Build();
        broken.Add(OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        broken.With("flow-data", "retentionDuration", 30);
        foreach (var graph in new[] { Graph, broken.Build() })
        {
            var context = new RuleContext(graph, CompliantEnclave.Policy);
            var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, undetermined: UndeterminedMode.Warn);
            var byRule = report.Findings.ToLookup(f => f.RuleId);
            foreach (var rule in RuleCatalogue.All)
            {
                var expected = rule.Evaluate(context).Select(f => (f.Urn, f.Verdict, f.Message, string.Join("|", f.Evidence)))
                    .Order().ToList();
                var reported = byRule[rule.Info.Id].Select(f => (f.Urn, f.Finding.Verdict, f.Finding.Message, string.Join("|", f.Finding.Evidence)))
                    .Order().ToList();
                Assert.True(expected.SequenceEqual(reported), rule.Info.Id);
            }
        }
    }

    [Fact]
    public void A_sink_rule_that_throws_or_writes_for_another_rule_is_reported_by_its_id()
    {
        var thrown = Assert.Throws<RuleEvaluationException>(() =>
            PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, rules: [new Throwing()]));
        Assert.Equal("ENC-GOV-995", thrown.RuleId);
        var foreign = Assert.Throws<RuleEvaluationException>(() =>
            PolicyEvaluator.Evaluate(Graph, CompliantEnclave.Policy, rules: [new Foreign()]));
        Assert.Equal("ENC-GOV-994", foreign.RuleId);
        Assert.Contains("ENC-GOV-001", foreign.InnerException!.Message);
    }

    private static readonly RuleInfo Info = new("ENC-GOV-993", "sink", Severity.High, Enforcement.Mandatory, "r", "f");

    /// <summary>Per resource: a pass with evidence, a failure, an undetermined finding, and a judged assessment.</summary>
    private sealed class Yielding : RuleBase
    {
        public override RuleInfo Info => FindingSinkTests.Info;

        public override IEnumerable<Finding> Evaluate(RuleContext context)
        {
            foreach (var node in context.Graph.Resources)
            {
                yield return Pass(node.Urn, $"{node.Label}: fine", [node.Name]);
                yield return Fail(node.Urn, "broken");
                yield return Undetermined(node.Urn, $"{node.Label}: not known");
                yield return Judge(node.Urn, node.Label, new Assessment().Require(Truth.False, "a requirement").Require(Truth.True, "another"));
            }
        }
    }

    private sealed class Writing : SinkRuleBase
    {
        public override RuleInfo Info => FindingSinkTests.Info;

        public override void Evaluate(RuleContext context, FindingSink sink)
        {
            var a = new Assessment();
            foreach (var node in context.Graph.Resources)
            {
                sink.Pass(node.Urn, $"{node.Label}: fine", [node.Name]);
                sink.Fail(node.Urn, "broken");
                sink.Undetermined(node.Urn, $"{node.Label}: not known");
                sink.Judge(node.Urn, node.Label, a.Clear().Require(Truth.False, "a requirement").Require(Truth.True, "another"));
            }
        }
    }

    private sealed class Throwing : SinkRuleBase
    {
        public override RuleInfo Info { get; } = new("ENC-GOV-995", "t", Severity.Low, Enforcement.Advisory, "r", "m");

        public override void Evaluate(RuleContext context, FindingSink sink)
        {
            sink.Pass(context.Graph.Resources[0].Urn, "first");
            throw new InvalidOperationException("boom");
        }
    }

    private sealed class Foreign : SinkRuleBase
    {
        public override RuleInfo Info { get; } = new("ENC-GOV-994", "t", Severity.Low, Enforcement.Advisory, "r", "m");

        public override void Evaluate(RuleContext context, FindingSink sink) => sink.Add(new Finding("ENC-GOV-001", context.Graph.Resources[0].Urn, Verdict.Pass, "x"));
    }
}
