using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Tests.Plan;

public class PlanRenderingTests
{
    private static PlanDocument OpenPlan()
    {
        var graph = EnclaveGraph.Base().Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0")).Build();
        return PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, new PolicyContext(), rules: [new OpenIngressRule()]));
    }

    /// <summary>A key-input line without its tree drawing.</summary>
    private static string Detail(string line) => line.TrimStart(' ', '│').Trim();

    [Fact]
    public void Text_shows_the_component_tree_with_key_inputs_markers_and_the_verdict()
    {
        var text = PlanTextRenderer.Render(OpenPlan());
        var lines = text.Split('\n');

        Assert.Equal("pulumi:pulumi:Stack  us-data-enclave-prod", lines.Single(l => l.Contains("pulumi:pulumi:Stack")));
        // The VCN sits under the network component, which sits under the stack.
        var network = Array.FindIndex(lines, l => l.Contains("enclave:network:Network  network"));
        var vcn = Array.FindIndex(lines, l => l.Contains("oci:Core/vcn:Vcn  vcn"));
        Assert.True(network > 0 && vcn > network);
        Assert.StartsWith("├── ", lines[network]);
        Assert.StartsWith("│   ", lines[vcn]);
        Assert.Contains(lines, l => Detail(l) == "cidrBlock: \"10.30.0.0/16\"");
        Assert.Contains(lines, l => Detail(l) == "prohibitPublicIpOnVnic: true");
        Assert.Contains(lines, l => Detail(l) == "adminPassword: [secret]");
        Assert.Contains(lines, l => Detail(l) == "subnetId: (known after apply)");
        Assert.Contains(lines, l => l.Contains("oci:Database/autonomousDatabase:AutonomousDatabase  adb  [protected]"));

        Assert.Contains("Policy verdict: FAIL (1 mandatory, 0 advisory violations)", text);
        Assert.Contains("Violations by severity: critical 1, high 0, medium 0, low 0", text);
        Assert.Contains($"CRITICAL {OpenIngressRule.Id} No NSG ingress from the internet", text);
        Assert.True(text.IndexOf("Policy verdict", StringComparison.Ordinal) > text.IndexOf("oci:Kms/key:Key", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_carries_the_same_content_for_a_pull_request()
    {
        var md = PlanMarkdownRenderer.Render(OpenPlan());
        Assert.Contains("## Enclave plan: `prod`", md);
        Assert.Contains("**Policy: ❌ fail**", md);
        Assert.Contains("  - `oci:Core/vcn:Vcn` **vcn**: `cidrBlock` = `\"10.30.0.0/16\"`", md);
        Assert.Contains("`adminPassword` = `[secret]`", md);
        Assert.Contains("`subnetId` = `(known after apply)`", md);
        Assert.Contains($"| `{OpenIngressRule.Id}` | critical | fail |", md);
    }
}
