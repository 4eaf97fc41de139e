using System.Text;
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
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            var all = set.Reports.SelectMany(r => r.Findings).ToList();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "enclave check");
            w.WriteAttributeString("tests", all.Count.ToString());
            w.WriteAttributeString("failures", all.Count(f => f.Status == FindingStatus.Fail).ToString());
            w.WriteAttributeString("skipped", all.Count(f => f.Status is FindingStatus.Undetermined or FindingStatus.Suppressed).ToString());
            foreach (var report in set.Reports)
            foreach (var group in report.Findings.GroupBy(f => f.RuleId))
            {
                var rule = group.First().Rule;
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", SafeText.Escape($"{report.Stack}: {rule.Id} {rule.Title}"));
                w.WriteAttributeString("tests", group.Count().ToString());
                w.WriteAttributeString("failures", group.Count(f => f.Status == FindingStatus.Fail).ToString());
                w.WriteAttributeString("skipped", group.Count(f => f.Status is FindingStatus.Undetermined or FindingStatus.Suppressed).ToString());
                foreach (var f in group)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("name", $"[{rule.Id}] {rule.Title}");
                    w.WriteAttributeString("classname", SafeText.Escape(f.Urn));
                    w.WriteAttributeString("time", "0");
                    switch (f.Status)
                    {
                        case FindingStatus.Fail:
                            w.WriteStartElement("failure");
                            w.WriteAttributeString("message", SafeText.Escape(f.Finding.Message));
                            w.WriteAttributeString("type", $"{rule.Severity} {rule.Enforcement}");
                            w.WriteString(string.Join("\n", f.Finding.Evidence.Prepend(f.Finding.Message).Select(l => SafeText.Escape(l))
                                .Append($"Remediation: {rule.Remediation}")));
                            w.WriteEndElement();
                            break;
                        case FindingStatus.Undetermined:
                            w.WriteStartElement("skipped");
                            w.WriteAttributeString("message", $"undetermined: {SafeText.Escape(f.Finding.Message)}");
                            w.WriteEndElement();
                            break;
                        case FindingStatus.Suppressed:
                            w.WriteStartElement("skipped");
                            w.WriteAttributeString("message", $"suppressed until {f.Waiver!.Expires:yyyy-MM-dd}: {SafeText.Escape(f.Waiver.Reason)} ({SafeText.Escape(f.Finding.Message)})");
                            w.WriteEndElement();
                            break;
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        output.WriteLine(new UTF8Encoding(false).GetString(buffer.ToArray()));
    }
}
