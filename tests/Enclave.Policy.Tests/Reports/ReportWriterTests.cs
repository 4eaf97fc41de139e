using System.Text.Json;
using System.Xml.Linq;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Reports;

public class ReportWriterTests
{
    private static ReportSet Set(Severity? failOn = null, bool softFail = false)
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.Add(OciTypes.NatGateway, "nat", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.With("data", "prohibitPublicIpOnVnic", GraphBuilder.Unknown);
        var waivers = WaiverLoader.Parse("- { rule: ENC-NET-004, urn: '*::nat', reason: 'mirror until Q3', expires: 2026-09-30 }", "waivers.yaml");
        // A preview: its unknown (a value computed at deploy time) is reported as undetermined, not failed closed.
        var report = PolicyEvaluator.Evaluate(g.Build(origin: GraphOrigin.Preview), CompliantEnclave.Policy, waivers, new DateOnly(2026, 6, 1));
        return new ReportSet([report], failOn, softFail);
    }

    private static string Render(IReportWriter writer, ReportSet set)
    {
        var sw = new StringWriter();
        writer.Write(set, sw);
        return sw.ToString();
    }

    [Fact]
    public void Json_messages_written_part_by_part_read_back_as_the_whole_message()
    {
        // Messages kept in parts are streamed a part at a time; quotes, escapes, controls and a surrogate pair in a
        // resource's name (a part of many messages) must come out exactly as the concatenated message.
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.InternetGateway, "igw\"q\\\u001b[31m\u00e9\ud83d\ude00", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        var report = PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy, null, new DateOnly(2026, 6, 1));
        using var doc = JsonDocument.Parse(Render(new JsonReportWriter(), new ReportSet([report])));
        var written = doc.RootElement.GetProperty("stacks")[0].GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString()).ToList();

        Assert.Equal(report.Findings.Select(f => f.Finding.Message), written);
        Assert.Contains(written, m => m!.Contains("igw\"q\\\u001b[31m\u00e9\ud83d\ude00", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_help_links_point_at_the_rules_anchor_of_the_committed_catalogue()
    {
        const string docs = "https://github.com/example/us-data-enclave/blob/main/docs/rules.md";
        using var doc = JsonDocument.Parse(Render(new SarifReportWriter(docs), Set()));
        var driver = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Assert.Equal(docs, driver.GetProperty("informationUri").GetString());
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
            Assert.Equal($"{docs}#{rule.GetProperty("id").GetString()!.ToLowerInvariant()}", rule.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Sarif_writes_no_relative_help_link()
    {
        // SARIF requires helpUri/informationUri to be absolute; a relative one is dropped, help.text remains.
        using var doc = JsonDocument.Parse(Render(new SarifReportWriter("docs/rules.md"), Set()));
        var driver = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Assert.False(driver.TryGetProperty("informationUri", out _));
        Assert.All(driver.GetProperty("rules").EnumerateArray(), rule =>
        {
            Assert.False(rule.TryGetProperty("helpUri", out _));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
        });
    }

    [Fact]
    public void Sarif_is_structurally_what_github_code_scanning_accepts()
    {
        using var doc = JsonDocument.Parse(Render(new SarifReportWriter((string?)null), Set()));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("enclave", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalogue.All.Length, rules.Count);
        foreach (var rule in rules)
        {
            Assert.Matches("^ENC-", rule.GetProperty("id").GetString());
            Assert.Matches("^[A-Z][A-Za-z0-9]*$", rule.GetProperty("name").GetString());
            foreach (var text in new[] { "shortDescription", "fullDescription", "help" })
                Assert.False(string.IsNullOrEmpty(rule.GetProperty(text).GetProperty("text").GetString()));
            Assert.False(rule.TryGetProperty("helpUri", out _), "no dead link when the documentation's address is unknown");
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var severity = double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(severity, 0, 10);
        }
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var ruleId = r.GetProperty("ruleId").GetString()!;
            Assert.Equal(ruleId, rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray());
            Assert.Equal("stacks/Pulumi.dev.yaml", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            var urn = Assert.Single(location.GetProperty("logicalLocations").EnumerateArray()).GetProperty("fullyQualifiedName").GetString()!;
            Assert.StartsWith("urn:pulumi:dev::", urn);
            Assert.Equal(SarifReportWriter.Fingerprint(ruleId, urn), r.GetProperty("partialFingerprints").GetProperty("enclaveFinding/v1").GetString());
        }
        var igw = results.Single(r => r.GetProperty("ruleId").GetString() == "ENC-NET-002");
        Assert.Equal("error", igw.GetProperty("level").GetString());
        var waived = results.Single(r => r.GetProperty("ruleId").GetString() == "ENC-NET-004");
        var suppression = Assert.Single(waived.GetProperty("suppressions").EnumerateArray());
        Assert.Contains("mirror until Q3", suppression.GetProperty("justification").GetString());
        var undetermined = results.Single(r => r.GetProperty("ruleId").GetString() == "ENC-NET-001");
        Assert.Equal(("review", "note"), (undetermined.GetProperty("kind").GetString(), undetermined.GetProperty("level").GetString()));
    }

    [Fact]
    public void Fingerprints_are_stable_per_rule_and_urn() =>
        Assert.Equal(SarifReportWriter.Fingerprint("ENC-NET-002", "urn:x"), SarifReportWriter.Fingerprint("ENC-NET-002", "urn:x"));

    [Fact]
    public void Junit_has_a_testcase_per_finding_with_failures_and_skips()
    {
        var set = Set();
        var xml = XDocument.Parse(Render(new JUnitReportWriter(), set));
        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(set.Reports[0].Findings.Length, cases.Count);
        Assert.Equal(set.Reports[0].Totals.Fail, cases.Count(c => c.Element("failure") is not null));
        Assert.Equal(set.Reports[0].Totals.Undetermined + set.Reports[0].Totals.Suppressed, cases.Count(c => c.Element("skipped") is not null));
        var igw = cases.Single(c => c.Attribute("name")!.Value.StartsWith("[ENC-NET-002]") && c.Element("failure") is not null);
        Assert.EndsWith("::igw", igw.Attribute("classname")!.Value);
        Assert.Equal(cases.Count.ToString(), xml.Root!.Attribute("tests")!.Value);
    }

    [Fact]
    public void Json_is_versioned_deterministic_and_marks_blocking_findings()
    {
        var first = Render(new JsonReportWriter(), Set());
        Assert.Equal(first, Render(new JsonReportWriter(), Set()));
        using var doc = JsonDocument.Parse(first);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.False(doc.RootElement.GetProperty("gate").GetProperty("passed").GetBoolean());
        var stack = Assert.Single(doc.RootElement.GetProperty("stacks").EnumerateArray());
        var findings = stack.GetProperty("findings").EnumerateArray().ToList();
        var igw = findings.Single(f => f.GetProperty("ruleId").GetString() == "ENC-NET-002" && f.GetProperty("status").GetString() == "fail");
        Assert.True(igw.GetProperty("blocking").GetBoolean());
        var nat = findings.Single(f => f.GetProperty("ruleId").GetString() == "ENC-NET-004" && f.GetProperty("status").GetString() == "suppressed");
        Assert.Equal("mirror until Q3", nat.GetProperty("waiver").GetProperty("reason").GetString());
        Assert.Equal(stack.GetProperty("summary").GetProperty("fail").GetInt32(), findings.Count(f => f.GetProperty("status").GetString() == "fail"));
    }

    [Fact]
    public void Soft_fail_passes_the_gate_but_keeps_the_findings()
    {
        using var doc = JsonDocument.Parse(Render(new JsonReportWriter(), Set(softFail: true)));
        Assert.True(doc.RootElement.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("stacks")[0].GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("status").GetString() == "fail" && !f.GetProperty("blocking").GetBoolean());
    }

    [Fact]
    public void Markdown_lists_blocking_violations_first_and_folds_the_rest()
    {
        var md = Render(new MarkdownReportWriter(), Set());
        Assert.StartsWith("## enclave check: FAILED", md);
        Assert.Contains("| blocking | critical | ENC-NET-002", md);
        Assert.Contains("<details><summary>Undetermined", md);
        Assert.Contains("<details><summary>Suppressed by waivers: 1</summary>", md);
        Assert.True(md.IndexOf("ENC-NET-002", StringComparison.Ordinal) < md.IndexOf("<details>", StringComparison.Ordinal));
    }

    // The shared escaper writes the line break and ESC as \n and \u001b; the Markdown escaper then escapes that
    // backslash (so the reader sees "\n", not a Markdown escape of "n") and the | and [ that would start structure.
    [Fact]
    public void Markdown_cells_escape_pipes_and_newlines() =>
        Assert.Equal("a \\| b\\\\nc \\\\u001b\\[1m", MarkdownReportWriter.Cell("a | b\nc \u001b[1m"));
}
