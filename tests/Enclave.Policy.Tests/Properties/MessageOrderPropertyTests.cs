using CsCheck;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Properties;

/// <summary>
/// A rule's findings on one resource are listed by message in ordinal order, whatever parts each message was built
/// from (findings keep messages in parts and the report compares them part by part without joining them): the
/// order must be exactly that of the joined strings, equal messages in the order the rule gave them.
/// </summary>
public class MessageOrderPropertyTests
{
    private const string Urn = "urn:pulumi:s::p::oci:Core/vcn:Vcn::a";
    private static readonly RuleInfo Rule = new("ENC-X-001", "t", Severity.High, Enforcement.Mandatory, "r", "m");

    // Short strings over a small alphabet (with a surrogate half and an empty string), so prefixes and ties are common.
    private static readonly Gen<string> Piece = Gen.String[Gen.Char["ab:; \ud800z"], 0, 4];

    [Fact]
    public void Messages_built_from_any_parts_sort_as_their_ordinal_strings()
    {
        Piece.Array[1, 4].Array[0, 12].Sample(messages =>
        {
            var graph = new ResourceGraph("s", "p", GraphOrigin.Plan, [ResourceNode.Create(Urn, "oci:Core/vcn:Vcn", "a")]);
            var findings = messages.Select((parts, i) => new ReportedFinding(Rule,
                new Finding(Rule.Id, Urn, Verdict.Pass, i % 2 == 0 ? Join(parts) : new FindingText(string.Concat(parts))))).ToList();
            var report = new PolicyReport(graph, [Rule], findings, new DateOnly(2026, 1, 15), WaiverSet.Empty);
            var expected = messages.Select((parts, i) => (Text: string.Concat(parts), i))
                .OrderBy(x => x.Text, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.Text);
            Assert.Equal(expected, report.Findings.Select(f => f.Finding.Message));
        }, iter: 2000);
    }

    // Up to four parts, as a rule's interpolated message keeps them (FindingTextBuilder).
    private static FindingText Join(string[] parts)
    {
        FindingTextBuilder text = parts.Length switch
        {
            1 => $"{parts[0]}",
            2 => $"{parts[0]}{parts[1]}",
            3 => $"{parts[0]}{parts[1]}{parts[2]}",
            _ => $"{parts[0]}{parts[1]}{parts[2]}{parts[3]}",
        };
        return text.ToText();
    }
}
