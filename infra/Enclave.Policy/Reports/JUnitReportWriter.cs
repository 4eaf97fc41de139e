using System.Globalization;
using System.Xml;
using Enclave.Escaping;
using Enclave.Policy.Engine;

namespace Enclave.Policy.Reports;

/// <summary>
/// JUnit XML for CI dashboards: a test suite per stack and rule, a test case per finding (rule × resource);
/// violations carry a <c>failure</c>, undetermined and suppressed findings are <c>skipped</c> with the reason.
/// The document is UTF-8 and says so in its declaration (written through a <see cref="StringWriter"/> it used to claim
/// UTF-16, which XML parsers reject for UTF-8 bytes). Text from the inputs (stack names, URNs, messages, reasons)
/// goes through the shared escaper, which also keeps out the characters XML 1.0 forbids.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public void Write(ReportSet set, TextWriter output)
    {
        // Streamed into the output (a 10k-resource report of 80,000 failures is 130 MB of XML: buffered, then copied
        // into a string, it took 890 MB). Written to a TextWriter, XmlWriter would declare the writer's encoding
        // (UTF-16 for a StringWriter), so the declaration is ours: the bytes that reach a file are UTF-8.
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n", CloseOutput = false };
        using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "enclave check");
            w.WriteAttributeString("tests", set.Reports.Sum(r => r.Findings.Length).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", set.Reports.Sum(r => r.Totals.Fail).ToString(CultureInfo.InvariantCulture));
            // The common schema (Jenkins' junit-10.xsd, what CI dashboards read) has no "skipped" on <testsuites>
            // and requires "errors": a rule that throws stops the run (exit 70), so there are never errors here.
            w.WriteAttributeString("errors", "0");
            foreach (var report in set.Reports)
            {
                // Findings are sorted by rule id: each rule's are one run of the array (no grouping copy of them all).
                var findings = report.Findings;
                for (var start = 0; start < findings.Length;)
                {
                    var end = start + 1;
                    while (end < findings.Length && findings[end].RuleId == findings[start].RuleId) end++;
                    WriteSuite(w, report, findings.AsSpan(start, end - start));
                    start = end;
                }
            }
            w.WriteEndElement();
        }
        output.WriteLine();
    }

    private static void WriteSuite(XmlWriter w, PolicyReport report, ReadOnlySpan<ReportedFinding> group)
    {
        var rule = group[0].Rule;
        int failures = 0, skipped = 0;
        foreach (var f in group)
        {
            if (f.Status == FindingStatus.Fail) failures++;
            else if (f.Status is FindingStatus.Undetermined or FindingStatus.Suppressed) skipped++;
        }
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", SafeText.Escape($"{report.Stack}: {rule.Id} {rule.Title}"));
        w.WriteAttributeString("tests", group.Length.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        foreach (var f in group)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("name", $"[{rule.Id}] {rule.Title}");
            w.WriteAttributeString("classname", SafeText.Escape(f.Urn));
            w.WriteAttributeString("time", "0");
            switch (f.Status)
            {
                case FindingStatus.Fail:
                    var message = f.Finding.Message;
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", SafeText.Escape(message));
                    w.WriteAttributeString("type", $"{rule.Severity} {rule.Enforcement}");
                    w.WriteString(SafeText.Escape(message));
                    foreach (var line in f.Finding.Evidence) { w.WriteString("\n"); w.WriteString(SafeText.Escape(line)); }
                    w.WriteString($"\nRemediation: {rule.Remediation}");
                    w.WriteEndElement();
                    break;
                case FindingStatus.Undetermined:
                    w.WriteStartElement("skipped");
                    w.WriteAttributeString("message", $"undetermined: {SafeText.Escape(f.Finding.Message)}");
                    w.WriteEndElement();
                    break;
                case FindingStatus.Suppressed:
                    w.WriteStartElement("skipped");
                    w.WriteAttributeString("message", $"suppressed until {f.Waiver!.Expires.Iso()}: {SafeText.Escape(f.Waiver.Reason)} ({SafeText.Escape(f.Finding.Message)})");
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
