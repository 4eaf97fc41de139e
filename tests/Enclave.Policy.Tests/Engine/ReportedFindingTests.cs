using System.Collections.Immutable;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// A report keeps its findings' fields, not the rule's objects (ReportedFinding), and a finding that fails closed is
/// cut from its parts: what a user reads must be what the rule said, cut exactly as one string would be.
/// </summary>
public class ReportedFindingTests
{
    private static readonly RuleInfo Mandatory = new("ENC-X-2", "t", Severity.High, Enforcement.Mandatory, "r", "m");

    [Fact]
    public void A_reported_finding_reads_back_as_the_finding_the_rule_made()
    {
        var waiver = new Waiver("ENC-X-2", "urn:*", "accepted", new DateOnly(2026, 2, 1));
        var withEvidence = new Finding("ENC-X-2", "urn:a", Verdict.Fail, "open", ["hop 1", "hop 2"]);
        var otherRule = new Finding("ENC-OTHER", "urn:b", Verdict.Undetermined, "unknown") { Unreadable = true };

        var evidence = new ReportedFinding(Mandatory, withEvidence, waiver);
        var odd = new ReportedFinding(Mandatory, otherRule);

        Assert.Equal(withEvidence, evidence.Finding);
        Assert.Equal(new[] { "hop 1", "hop 2" }, evidence.Finding.Evidence.ToArray());
        Assert.Same(waiver, evidence.Waiver);
        Assert.Equal(FindingStatus.Suppressed, evidence.Status);
        Assert.Equal("ENC-OTHER", odd.Finding.RuleId);
        Assert.True(odd.Finding.Unreadable);
        Assert.Equal(FindingStatus.Undetermined, odd.Status);
        Assert.Equal(new ReportedFinding(Mandatory, withEvidence, waiver), evidence);
        Assert.NotEqual(odd, evidence);
    }

    [Theory]
    [InlineData(1000, 1000)]
    [InlineData(1500, 1500)]
    [InlineData(2047, 10)]
    [InlineData(2046, 2040)]
    public void A_long_message_that_fails_closed_is_cut_as_the_whole_string_would_be(int first, int second)
    {
        // Two parts (a label and a long list, as an IAM finding has), each within a part's limit, the second starting
        // with a surrogate pair so that the cut may fall inside it.
        var head = new string('a', first);
        var tail = "\ud83d\ude00" + new string('b', second);
        var finding = new Finding("ENC-X-2", "urn:a", Verdict.Undetermined, Parts(head, tail));

        var message = FailClosed.Apply(Mandatory, finding, GraphOrigin.State, UndeterminedMode.Block).Message;

        var whole = head + tail;
        var keep = whole.Length <= FindingText.MaxPartLength ? whole.Length
            : char.IsHighSurrogate(whole[FindingText.MaxPartLength - 1]) ? FindingText.MaxPartLength - 1 : FindingText.MaxPartLength;
        var said = keep == whole.Length ? whole : whole[..keep] + $"… [{whole.Length - keep} more characters]";
        Assert.StartsWith("could not be read: " + said + " (blocks: a deployed state holds every value", message);
    }

    private static FindingText Parts(string head, string tail)
    {
        FindingTextBuilder text = $"{head}{tail}";
        return text.ToText();
    }

    [Fact]
    public void An_evaluated_report_keeps_no_evidence_it_was_not_given()
    {
        var graph = new ResourceGraph("s", "p", GraphOrigin.Plan, [ResourceNode.Create("urn:pulumi:s::p::oci:Core/vcn:Vcn::a", "oci:Core/vcn:Vcn", "a")]);
        var report = new PolicyReport(graph, [Mandatory],
            [new ReportedFinding(Mandatory, new Finding("ENC-X-2", graph.Resources[0].Urn, Verdict.Pass, "ok", ImmutableArray<string>.Empty))],
            new DateOnly(2026, 1, 15), WaiverSet.Empty);

        var f = Assert.Single(report.Findings);
        Assert.False(f.Finding.Details.IsDefault);
        Assert.Empty(f.Finding.Evidence);
    }
}
