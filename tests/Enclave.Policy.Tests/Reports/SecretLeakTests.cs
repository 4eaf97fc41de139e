using Enclave.Policy.Graph;
using System.Text;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Reports;

/// <summary>A secret exported with --show-secrets appears in no output of any format.</summary>
public class SecretLeakTests
{
    [Fact]
    public void Plaintext_secret_in_an_export_never_appears_in_any_report()
    {
        var g = CompliantEnclave.Build();
        g.Add(Enclave.Policy.Graph.OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), displayName = GraphBuilder.Secret });
        var json = PulumiJson.Export(g, secretPlaintext: CompliantEnclave.SecretPlaintext);
        Assert.Contains(CompliantEnclave.SecretPlaintext, json);

        var graph = ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), "export.json").Graph;
        var set = new ReportSet([PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy)]);
        IReportWriter[] writers = [new JsonReportWriter(), new SarifReportWriter(), new JUnitReportWriter(), new MarkdownReportWriter()];
        foreach (var writer in writers)
        {
            var output = new StringWriter();
            writer.Write(set, output);
            Assert.DoesNotContain(CompliantEnclave.SecretPlaintext, output.ToString());
            Assert.DoesNotContain("ZmFicmljYXRlZA", output.ToString());  // nor ciphertext
        }
        var access = DataAccessReport.Build(graph, CompliantEnclave.Policy);
        Assert.DoesNotContain(CompliantEnclave.SecretPlaintext, string.Join("\n", access.Rows));
    }
}
