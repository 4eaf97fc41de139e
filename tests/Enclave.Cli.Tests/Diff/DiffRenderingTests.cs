using System.Text.Json;
using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Render;

namespace Enclave.Cli.Tests.Diff;

public class DiffRenderingTests
{
    /// <summary>A pull request that deletes the protected database, opens the database NSG, and makes routine changes.</summary>
    internal static ReviewDiff MixedChange(int extraBuckets = 0)
    {
        var before = EnclaveGraph.Base();
        var after = EnclaveGraph.Base()
            .Remove("adb")
            .Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0"))
            .Set("vcn", "cidrBlock", PropertyValue.Of("10.40.0.0/16"))
            .Set("data", "prohibitPublicIpOnVnic", PropertyValue.Of(false))
            .Set("audit-archive", "versioning", PropertyValue.Of("Enabled"));
        for (var i = 0; i < extraBuckets; i++)
            after.Add("oci:ObjectStorage/bucket:Bucket", $"tenant-export-{i:D5}", PropertyValue.Map(
                ("name", PropertyValue.Of($"usde-prod-tenant-export-{i:D5}")),
                ("accessType", PropertyValue.Of("NoPublicAccess")),
                ("kmsKeyId", PropertyValue.Unknown)));
        IReadOnlyList<Policy.Rules.IRule> rules = [new OpenIngressRule()];
        var b = before.Build();
        var a = after.Build();
        return DiffEngine.Compare(b, a, new DiffOptions("git:main", "git:feature",
            PolicyVerdicts.Evaluate(b, new PolicyContext(), rules: rules), PolicyVerdicts.Evaluate(a, new PolicyContext(), rules: rules)));
    }

    private static int At(string text, string needle)
    {
        var i = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(i >= 0, $"missing: {needle}");
        return i;
    }

    [Fact]
    public void Markdown_puts_counts_then_destructive_then_rule_impact_then_the_rest()
    {
        var md = DiffMarkdownRenderer.Render(MixedChange());
        Assert.Contains("| 0 | 2 | 2 | 1 | 4 |", md); // create, update, replace, delete, unchanged
        var counts = At(md, "| create | update | replace | delete | unchanged |");
        var destructive = At(md, "### Deletes and replacements of protected or data-bearing resources (1)");
        var adb = At(md, "**`-` delete** `oci:Database/autonomousDatabase:AutonomousDatabase` **adb** · **protected** · **data-bearing**");
        var rules = At(md, "### Changes that newly violate or newly satisfy a rule (1)");
        var nsg = At(md, $"- ❌ newly failing `{OpenIngressRule.Id}` (critical, mandatory)");
        var rest = At(md, "### Other changes (3)");
        Assert.True(counts < destructive && destructive < adb && adb < rules && rules < nsg && nsg < rest);
        Assert.Contains("| `source` | `\"10.30.2.0/24\"` | `\"0.0.0.0/0\"` |", md);
        Assert.Contains("| `cidrBlock` *(forces replacement)* | `\"10.30.0.0/16\"` | `\"10.40.0.0/16\"` |", md);
        // Within "other": replace before update, grouped by type.
        Assert.True(At(md, "#### replace `oci:Core/subnet:Subnet` (1)") < At(md, "#### update `oci:ObjectStorage/bucket:Bucket` (1)"));
        Assert.Contains($"**Policy:** 1 newly failing ({OpenIngressRule.Id})", md);
    }

    [Fact]
    public void Text_follows_the_same_order()
    {
        var text = DiffTextRenderer.Render(MixedChange());
        Assert.Contains("Resources: 0 to create, 2 to update, 2 to replace, 1 to delete, 4 unchanged", text);
        var adb = At(text, "-  oci:Database/autonomousDatabase:AutonomousDatabase  adb (delete) [protected] [data-bearing]");
        var nsg = At(text, $"rule {OpenIngressRule.Id} newly failing (critical, mandatory)");
        var vcn = At(text, "+- oci:Core/vcn:Vcn  vcn (replace)");
        Assert.True(adb < nsg && nsg < vcn);
        Assert.Contains("~ source: \"10.30.2.0/24\" => \"0.0.0.0/0\"", text);
        Assert.Contains("~ cidrBlock: \"10.30.0.0/16\" => \"10.40.0.0/16\"  (forces replacement)", text);
    }

    [Fact]
    public void Json_is_versioned_ordered_for_review_and_stable()
    {
        var json = DiffJsonWriter.Write(MixedChange());
        Assert.Equal(json, DiffJsonWriter.Write(MixedChange()));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(("enclave-diff", 1), (root.GetProperty("kind").GetString(), root.GetProperty("formatVersion").GetInt32()));
        Assert.Equal(1, root.GetProperty("counts").GetProperty("delete").GetInt32());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(5, changes.Count);
        Assert.Equal(("destructive", "adb"), (changes[0].GetProperty("section").GetString(), changes[0].GetProperty("name").GetString()));
        Assert.Equal(("rule-impact", OpenIngressRule.Id), (changes[1].GetProperty("section").GetString(),
            changes[1].GetProperty("ruleIds")[0].GetString()));
        var impact = root.GetProperty("ruleImpacts")[0];
        Assert.Equal(("newly-failing", OpenIngressRule.Id), (impact.GetProperty("kind").GetString(), impact.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void A_large_diff_is_cut_to_the_comment_limit_with_a_note_and_keeps_the_most_important_changes()
    {
        var diff = MixedChange(extraBuckets: 1500);
        var full = DiffMarkdownRenderer.Render(diff);
        Assert.True(full.Length > CommentBudget.DefaultLimit);
        Assert.Contains("tenant-export-01499", full);

        var comment = DiffMarkdownRenderer.Render(diff, CommentBudget.DefaultLimit, "enclave-diff.md");
        Assert.True(comment.Length <= CommentBudget.DefaultLimit, $"{comment.Length} characters");
        Assert.Contains("**Report truncated** to fit a pull-request comment (60,000 characters)", comment);
        Assert.Contains("The full report is in `enclave-diff.md`.", comment);
        Assert.Contains("| 1500 | 2 | 2 | 1 | 4 |", comment);
        Assert.Contains("**adb**", comment);
        Assert.Contains(OpenIngressRule.Id, comment);
        Assert.DoesNotContain("tenant-export-01499", comment);

        var text = DiffTextRenderer.Render(diff, CommentBudget.DefaultLimit, null);
        Assert.True(text.Length <= CommentBudget.DefaultLimit);
        Assert.Contains("!! Report truncated to 60,000 characters", text);
        Assert.Contains("--output FILE", text);
    }

    [Fact]
    public void A_small_diff_is_never_cut()
    {
        var diff = MixedChange();
        Assert.Equal(DiffMarkdownRenderer.Render(diff), DiffMarkdownRenderer.Render(diff, CommentBudget.DefaultLimit, "x.md"));
    }

    [Fact]
    public void Secrets_and_unknowns_render_as_markers_in_every_format()
    {
        var head = EnclaveGraph.Base().Set("audit-archive", "namespace", PropertyValue.Secret).Set("vcn", "dnsLabel", PropertyValue.Unknown);
        var diff = DiffEngine.Compare(EnclaveGraph.Base().Build(), head.Build());
        Assert.Contains("| `namespace` *(forces replacement)* | `\"usdeexample\"` | `[secret]` |", DiffMarkdownRenderer.Render(diff));
        Assert.Contains("~ dnsLabel: \"usdeprod\" => (known after apply)", DiffTextRenderer.Render(diff));
        var json = DiffJsonWriter.Write(diff);
        Assert.Contains("\"$enclave\": \"secret\"", json);
        Assert.Contains("\"$enclave\": \"unknown\"", json);
    }
}
