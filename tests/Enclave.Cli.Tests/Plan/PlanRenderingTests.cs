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

    [Fact]
    public void Text_reads_like_pulumi_preview_diff_with_the_tree_key_inputs_summary_and_verdict()
    {
        var text = PlanTextRenderer.Render(OpenPlan());
        var lines = text.Split('\n');

        Assert.StartsWith("Previewing update (prod), offline:", text);
        Assert.Equal("+ pulumi:pulumi:Stack: (create)", lines.Single(l => l.Contains("pulumi:pulumi:Stack")));
        // The VCN sits under the network component, which sits under the stack: four columns per level, Pulumi's glyph first.
        var network = Array.IndexOf(lines, "    + enclave:network:Network: (create)");
        var vcn = Array.IndexOf(lines, "        + oci:Core:Vcn: (create)");
        Assert.True(network > 0 && vcn > network, text);
        Assert.Equal("            [name=vcn]", lines[vcn + 1]);
        Assert.Contains("            cidrBlock: \"10.30.0.0/16\"", lines);
        Assert.Contains(lines, l => l.Trim() == "prohibitPublicIpOnVnic: true");
        Assert.Contains(lines, l => l.Trim() == "adminPassword           : [secret]");
        Assert.Contains(lines, l => l.Trim() == "subnetId                : (known after apply)");
        Assert.Contains("[name=adb] [protected]", text);

        // Pulumi's closing block, then the verdict.
        Assert.Contains("\nResources:\n    + 9 to create\n\n", text);
        Assert.Contains("Policy verdict: FAIL (1 mandatory, 0 advisory violations)", text);
        Assert.Contains("Violations by severity: critical 1, high 0, medium 0, low 0", text);
        Assert.Contains($"CRITICAL {OpenIngressRule.Id} No NSG ingress from the internet", text);
        Assert.True(text.IndexOf("Policy verdict", StringComparison.Ordinal) > text.IndexOf("Resources:", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', text); // no colour unless asked for
    }

    [Fact]
    public void Colour_marks_the_operation_glyphs_and_the_verdict_only_when_asked()
    {
        var view = PlanView.Build(OpenPlan());
        var plain = PlanTextRenderer.Render(view, new PlanTextOptions(Color: false));
        var colour = PlanTextRenderer.Render(view, new PlanTextOptions(Color: true));
        Assert.Contains("\u001b[32m+ \u001b[0mpulumi:pulumi:Stack: (create)", colour); // create is green
        Assert.Contains("\u001b[31mFAIL\u001b[0m", colour);
        // Colour adds escape sequences and nothing else.
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(colour, "\u001b\\[[0-9;]*m", ""));
    }

    [Fact]
    public void Markdown_carries_the_same_content_for_a_pull_request()
    {
        var md = PlanMarkdownRenderer.Render(OpenPlan());
        Assert.Contains("## Enclave plan: `prod`", md);
        Assert.Contains("**Policy: ❌ fail**", md);
        Assert.Contains("**Resources:** `+` 9 to create", md);
        Assert.Contains("    - `+` `oci:Core/vcn:Vcn` **vcn**: `cidrBlock` = `\"10.30.0.0/16\"`", md);
        Assert.Contains("`adminPassword` = `[secret]`", md);
        Assert.Contains("`subnetId` = `(known after apply)`", md);
        Assert.Contains($"| `{OpenIngressRule.Id}` | critical | fail |", md);
    }
}
