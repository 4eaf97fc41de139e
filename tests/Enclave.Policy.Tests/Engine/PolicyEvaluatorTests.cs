using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Engine;

public class PolicyEvaluatorTests
{
    private static GraphBuilder Broken()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.With("flow-data", "retentionDuration", 30);  // advisory, low
        return g;
    }

    [Fact]
    public void Catalogue_is_sorted_unique_and_complete_with_metadata()
    {
        var ids = RuleCatalogue.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(RuleCatalogue.All, r =>
        {
            Assert.Matches(@"^ENC-(REG|IAM|IDN|NET|DB|STO|LOG|KMS|GOV)-\d{3}$", r.Info.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Rationale));
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Remediation));
        });
        // R1–R20 of the reference, by the ids that implement them.
        foreach (var id in new[] { "ENC-REG-001", "ENC-IAM-001", "ENC-IAM-002", "ENC-IAM-003", "ENC-IAM-004", "ENC-IAM-005", "ENC-IAM-006",
                     "ENC-NET-001", "ENC-NET-002", "ENC-NET-005", "ENC-NET-006", "ENC-DB-001", "ENC-STO-001", "ENC-LOG-001", "ENC-LOG-003",
                     "ENC-GOV-002", "ENC-GOV-003", "ENC-LOG-004", "ENC-KMS-001", "ENC-GOV-004", "ENC-NET-009", "ENC-NET-007" })
            Assert.NotNull(RuleCatalogue.Find(id));
    }

    [Fact]
    public void Rules_from_any_folder_are_discovered()
    {
        var namespaces = RuleCatalogue.All.Select(r => r.GetType().Namespace).Distinct().ToList();
        Assert.Contains("Enclave.Policy.Rules.Iam", namespaces);
        Assert.Contains("Enclave.Policy.Rules.Governance", namespaces);
        Assert.True(namespaces.Count >= 8, string.Join(", ", namespaces));
    }

    [Fact]
    public void Report_counts_by_severity_and_status_and_gates_on_mandatory_rules()
    {
        // No declared log retention: a short-kept log is the advisory ENC-LOG-005 alone (ENC-LOG-080 needs a declaration).
        var report = PolicyEvaluator.Evaluate(Broken().Build(), CompliantEnclave.Policy with { LogRetentionDays = null }, today: new DateOnly(2026, 6, 1));
        Assert.Equal(2, report.Totals.Fail);
        Assert.Equal(1, report.CountsBySeverity[Severity.Critical].Fail);
        Assert.Equal(1, report.CountsBySeverity[Severity.Low].Fail);
        Assert.Equal(report.Findings.Length, report.Totals.Total);
        Assert.True(report.HasMandatoryViolations);
        Assert.True(report.HasViolationsAtOrAbove(Severity.Critical));
        Assert.True(report.FailsGate(null, softFail: false));
        Assert.False(report.FailsGate(null, softFail: true));
    }

    [Fact]
    public void Advisory_violations_fail_only_when_the_threshold_reaches_them()
    {
        var g = CompliantEnclave.Build();
        g.With("flow-data", "retentionDuration", 30);
        var report = PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy with { LogRetentionDays = null });
        Assert.False(report.HasMandatoryViolations);
        // Once the stack declares its retention, the same log blocks (ENC-LOG-080).
        Assert.True(PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy).HasMandatoryViolations);
        Assert.False(report.FailsGate(null, false));
        Assert.False(report.FailsGate(Severity.Medium, false));
        Assert.True(report.FailsGate(Severity.Low, false));
    }

    [Fact]
    public void Findings_are_in_a_deterministic_order()
    {
        var a = PolicyEvaluator.Evaluate(Broken().Build(), CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1));
        var b = PolicyEvaluator.Evaluate(Broken().Build(idsKnown: true), CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1));
        Assert.Equal(a.Findings.Select(f => (f.RuleId, f.Urn, f.Finding.Message)), b.Findings.Select(f => (f.RuleId, f.Urn, f.Finding.Message)));
        Assert.Equal(a.Findings.Select(f => (f.RuleId, f.Urn)), a.Findings.Select(f => (f.RuleId, f.Urn)).OrderBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Urn, StringComparer.Ordinal));
    }

    [Fact]
    public void Several_findings_of_one_rule_on_one_resource_are_in_message_order_and_equal_ones_keep_emission_order()
    {
        var graph = CompliantEnclave.Build().Build();
        var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, rules: [new ChattyRule()]);
        var urns = graph.Resources.Select(n => n.Urn).Order(StringComparer.Ordinal).Take(2).ToArray();
        Assert.Equal(
            [(urns[0], "a", "first"), (urns[0], "a", "second"), (urns[0], "b", ""), (urns[0], "c", ""), (urns[1], "a", "")],
            report.Findings.Select(f => (f.Urn, f.Finding.Message, string.Join("", f.Finding.Evidence))));
    }

    [Fact]
    public void Findings_on_urns_the_graph_lacks_or_holds_in_other_strings_still_sort_by_rule_urn_and_message()
    {
        // The report ranks URNs by graph position; findings about other URNs (the stack, a deleted resource) and
        // URNs built anew by a rule must land exactly where ordinal order puts them.
        var graph = CompliantEnclave.Build().Build();
        var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, rules: [new ScatteredRule("ENC-GOV-997"), new ScatteredRule("ENC-GOV-996")]);
        var expected = report.Findings.Select(f => (f.RuleId, f.Urn, f.Finding.Message))
            .OrderBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Urn, StringComparer.Ordinal).ThenBy(x => x.Message, StringComparer.Ordinal);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Urn, f.Finding.Message)));
        Assert.Equal(2 * (graph.Resources.Length + 5), report.Findings.Length);
    }

    /// <summary>A finding on every resource (half of them through a copy of the URN) and on URNs the graph lacks, in scrambled order.</summary>
    private sealed class ScatteredRule(string id) : RuleBase
    {
        public override RuleInfo Info { get; } = new(id, "scattered", Severity.Low, Enforcement.Advisory, "r", "f");

        public override IEnumerable<Finding> Evaluate(RuleContext context)
        {
            var urns = context.Graph.Resources.Select(n => n.Urn).ToArray();
            var foreign = new[] { "", "zzz", urns[0] + "-gone", urns[^1] + "x", urns[urns.Length / 2] + "\0" };
            var all = urns.Select((u, i) => i % 2 == 0 ? new string(u.AsSpan()) : u).Concat(foreign).ToArray();
            for (var i = 0; i < all.Length; i++)
            {
                var u = all[(i * 7919) % all.Length];
                yield return Pass(u, i % 3 == 0 ? "b" : "a");
            }
        }
    }

    /// <summary>Emits, for the two ordinally smallest URNs in reverse order, messages out of order with a duplicate.</summary>
    private sealed class ChattyRule : RuleBase
    {
        public override RuleInfo Info { get; } = new("ENC-GOV-998", "chatty", Severity.Low, Enforcement.Advisory, "r", "f");

        public override IEnumerable<Finding> Evaluate(RuleContext context)
        {
            var urns = context.Graph.Resources.Select(n => n.Urn).Order(StringComparer.Ordinal).Take(2).ToArray();
            yield return Pass(urns[1], "a");
            yield return Pass(urns[0], "c");
            yield return Pass(urns[0], "a", ["first"]);
            yield return Pass(urns[0], "b");
            yield return Pass(urns[0], "a", ["second"]);
        }
    }

    [Fact]
    public void A_rule_that_throws_is_reported_by_id_not_as_a_partial_report()
    {
        var e = Assert.Throws<RuleEvaluationException>(() =>
            PolicyEvaluator.Evaluate(CompliantEnclave.Build().Build(), CompliantEnclave.Policy, rules: [new ThrowingRule()]));
        Assert.Equal("ENC-GOV-999", e.RuleId);
    }

    [Fact]
    public void Rule_context_gives_unknown_for_inputs_of_a_trimmed_preview_step()
    {
        var node = ResourceNode.Create("urn:pulumi:dev::p::oci:Core/subnet:Subnet::s", OciTypes.Subnet, "s") with { InputsUnknown = true };
        var graph = new ResourceGraph("dev", "p", GraphOrigin.Preview, [node]);
        var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, rules: [RuleCatalogue.Find("ENC-NET-001")!]);
        Assert.Equal(FindingStatus.Undetermined, report.Findings.Single().Status);
    }

    private sealed class ThrowingRule : IRule
    {
        public RuleInfo Info { get; } = new("ENC-GOV-999", "t", Severity.Low, Enforcement.Advisory, "r", "m");
        public IEnumerable<Finding> Evaluate(RuleContext context) => throw new InvalidOperationException("boom");
    }
}
