using System.Globalization;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// The gate's verdicts and reports must not depend on the machine's locale (LANG): under th-TH (Thai Buddhist
/// calendar) a waiver "expires 2026-09-30" was reported as expiring on 2569-09-30, in the JSON report's
/// <c>evaluatedOn</c> and <c>expires</c> too, and an expired waiver's finding named a date 543 years away. Under tr-TR
/// (dotless i) a culture-sensitive comparison would see "ENC-IAM" and "enc-ıam" differently.
/// </summary>
public class ReportCultureTests
{
    private static string RenderAll(CultureInfo culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var g = CompliantEnclave.Build();
            g.Add(OciTypes.NatGateway, "nat", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
            var waivers = WaiverLoader.Parse(
                "- { rule: ENC-NET-004, urn: '*::nat', reason: 'mirror until Q3', expires: 2026-09-30 }\n" +
                "- { rule: ENC-NET-004, urn: '*::old', reason: 'expired one', expires: 2026-05-01 }\n", "waivers.yaml");
            var report = PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy, waivers, new DateOnly(2026, 6, 1));
            var set = new ReportSet([report]);
            var sw = new StringWriter();
            foreach (IReportWriter writer in new IReportWriter[] { new JsonReportWriter(), new SarifReportWriter(null), new JUnitReportWriter(), new MarkdownReportWriter() })
            {
                writer.Write(set, sw);
                sw.WriteLine();
            }
            return sw.ToString();
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous; }
    }

    [Theory]
    [InlineData("th-TH")] // Thai Buddhist calendar: year 2569
    [InlineData("ar-SA")] // Um Al Qura calendar, Arabic digits
    [InlineData("tr-TR")] // dotless i
    [InlineData("de-DE")] // decimal comma, '.' thousands
    public void Every_report_reads_the_same_under_any_culture(string name)
    {
        var invariant = RenderAll(CultureInfo.InvariantCulture);
        Assert.Contains("2026-09-30", invariant);
        Assert.Contains("2026-06-01", invariant);
        Assert.Equal(invariant, RenderAll(CultureInfo.GetCultureInfo(name)));
    }
}
