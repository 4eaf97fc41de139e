using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// The JSON report is exactly the layout <see cref="Utf8JsonWriter"/> gives the document (indented, the relaxed
/// encoder): consumers diff reports between runs and versions, and any writer that skips the field-by-field path for
/// speed (a per-rule byte template was tried and withdrawn, bench/RESULTS.md) must keep commas, new lines, indentation
/// and escaping byte for byte. The report must equal itself parsed and written again with the report's options.
/// </summary>
public class JsonReportLayoutTests
{
    private static string Canonical(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            doc.WriteTo(w);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static string Render(ReportSet set)
    {
        var sw = new StringWriter();
        new JsonReportWriter().Write(set, sw);
        return sw.ToString();
    }

    private static PolicyReport Report(GraphOrigin origin, WaiverSet? waivers = null)
    {
        var g = CompliantEnclave.Build();
        // Plain findings, and findings about resources whose names need escaping or are not ASCII.
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.Add(OciTypes.NatGateway, "nat", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.Add(OciTypes.InternetGateway, "igw\"q\\\u001b[31m", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.Add(OciTypes.InternetGateway, "igw-\u00e9\ud83d\ude00\u202e", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.Add(OciTypes.InternetGateway, "igw-<&>'+`", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        // An unknown: undetermined in a preview, failed closed (unreadable) in a state.
        g.With("data", "prohibitPublicIpOnVnic", GraphBuilder.Unknown);
        return PolicyEvaluator.Evaluate(g.Build(origin: origin), CompliantEnclave.Policy, waivers, new DateOnly(2026, 6, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_finding_is_laid_out_and_escaped_exactly_as_the_json_writer_does(bool softFail)
    {
        var waivers = WaiverLoader.Parse("- { rule: ENC-NET-004, urn: '*::nat', reason: 'mirror \"until\" Q3', expires: 2026-09-30 }", "waivers.yaml");
        var set = new ReportSet([Report(GraphOrigin.Preview, waivers), Report(GraphOrigin.State)], SoftFail: softFail);
        var json = Render(set);

        Assert.Equal(Canonical(json), json);
        // Every kind of finding was in it: passes, blocking failures, undetermined, unreadable, suppressed, escapes.
        Assert.Contains("\"status\": \"pass\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"undetermined\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"suppressed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unreadable\": true", json, StringComparison.Ordinal);
        Assert.Contains(softFail ? "\"blocking\": false" : "\"blocking\": true", json, StringComparison.Ordinal);
        Assert.Contains("igw\\\"q\\\\\\u001B[31m", json, StringComparison.Ordinal);
        Assert.Contains("igw-<&>'+`", json, StringComparison.Ordinal);
        // And each reads back as the finding it was made from.
        using var doc = JsonDocument.Parse(json);
        var stacks = doc.RootElement.GetProperty("stacks").EnumerateArray().ToList();
        for (var s = 0; s < stacks.Count; s++)
        {
            var written = stacks[s].GetProperty("findings").EnumerateArray().ToList();
            var made = set.Reports[s].Findings;
            Assert.Equal(made.Length, written.Count);
            for (var i = 0; i < made.Length; i++)
            {
                Assert.Equal(made[i].RuleId, written[i].GetProperty("ruleId").GetString());
                Assert.Equal(made[i].Urn, written[i].GetProperty("urn").GetString());
                Assert.Equal(made[i].Finding.Message, written[i].GetProperty("message").GetString());
                Assert.Equal(made[i].Status.ToString().ToLowerInvariant(), written[i].GetProperty("status").GetString());
                Assert.Equal(set.Blocks(made[i]), written[i].GetProperty("blocking").GetBoolean());
                Assert.Equal(made[i].Finding.Unreadable, written[i].TryGetProperty("unreadable", out var u) && u.GetBoolean());
            }
        }
    }
}
