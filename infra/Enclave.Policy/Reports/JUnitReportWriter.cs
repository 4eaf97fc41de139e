using System.Xml;
using Enclave.Policy.Engine;

namespace Enclave.Policy.Reports;

/// <summary>
/// JUnit XML for CI dashboards: a test suite per stack and rule, a test case per finding (rule × resource);
/// violations carry a <c>failure</c>, undetermined and suppressed findings are <c>skipped</c> with the reason.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public void Write(ReportSet set, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, NewLineChars = "\n" };
        using var sw = new StringWriter();
        using (var w = XmlWriter.Create(sw, settings))
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
                w.WriteAttributeString("name", $"{report.Stack}: {rule.Id} {rule.Title}");
                w.WriteAttributeString("tests", group.Count().ToString());
                w.WriteAttributeString("failures", group.Count(f => f.Status == FindingStatus.Fail).ToString());
                w.WriteAttributeString("skipped", group.Count(f => f.Status is FindingStatus.Undetermined or FindingStatus.Suppressed).ToString());
                foreach (var f in group)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("name", $"[{rule.Id}] {rule.Title}");
                    w.WriteAttributeString("classname", f.Urn);
                    w.WriteAttributeString("time", "0");
                    switch (f.Status)
                    {
                        case FindingStatus.Fail:
                            w.WriteStartElement("failure");
                            w.WriteAttributeString("message", f.Finding.Message);
                            w.WriteAttributeString("type", $"{rule.Severity} {rule.Enforcement}");
                            w.WriteString(string.Join("\n", f.Finding.Evidence.Prepend(f.Finding.Message).Append($"Remediation: {rule.Remediation}")));
                            w.WriteEndElement();
                            break;
                        case FindingStatus.Undetermined:
                            w.WriteStartElement("skipped");
                            w.WriteAttributeString("message", $"undetermined: {f.Finding.Message}");
                            w.WriteEndElement();
                            break;
                        case FindingStatus.Suppressed:
                            w.WriteStartElement("skipped");
                            w.WriteAttributeString("message", $"suppressed until {f.Waiver!.Expires:yyyy-MM-dd}: {f.Waiver.Reason} ({f.Finding.Message})");
                            w.WriteEndElement();
                            break;
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        output.WriteLine(sw.ToString());
    }
}
