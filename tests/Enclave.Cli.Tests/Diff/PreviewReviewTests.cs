using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Render;

namespace Enclave.Cli.Tests.Diff;

public class PreviewReviewTests
{
    private static ReviewDiff Review()
    {
        var preview = PreviewLoader.Load(Fixture.Path("preview-update.json"));
        IReadOnlyList<Policy.Rules.IRule> rules = [new OpenIngressRule()];
        return PreviewReview.Build(preview, new DiffOptions("current state", "preview-update.json",
            PolicyVerdicts.Evaluate(PreviewReview.BeforeGraph(preview), new PolicyContext(), rules: rules),
            PolicyVerdicts.Evaluate(PreviewReview.AfterGraph(preview), new PolicyContext(), rules: rules)));
    }

    [Fact]
    public void Each_step_keeps_the_operation_the_engine_decided()
    {
        var diff = Review();
        Assert.Equal(1, diff.Unchanged);
        var ops = diff.Changes.ToDictionary(c => c.Name, c => c.Op);
        Assert.Equal(new Dictionary<string, ChangeOp>
        {
            ["app-sl"] = ChangeOp.Update,
            ["adb"] = ChangeOp.Update,
            ["igw"] = ChangeOp.Create,
            ["app"] = ChangeOp.Replace,
            ["audit-archive"] = ChangeOp.Delete,
        }, ops);
    }

    [Fact]
    public void Detailed_diff_paths_show_old_and_new_values_from_the_states()
    {
        var sl = Review().Changes.Single(c => c.Name == "app-sl");
        var p = Assert.Single(sl.Properties);
        Assert.Equal(("ingressSecurityRules[0].source", "10.30.2.0/24", "0.0.0.0/0"), (p.Path, p.Before!.AsString(), p.After!.AsString()));
    }

    [Fact]
    public void A_changed_secret_reads_secret_to_secret()
    {
        var adb = Review().Changes.Single(c => c.Name == "adb");
        var p = Assert.Single(adb.Properties);
        Assert.True(p.Before!.IsSecret && p.After!.IsSecret);
        Assert.Contains("~ adminPassword: [secret] => [secret]", DiffTextRenderer.Render(Review()));
    }

    [Fact]
    public void The_unknown_sentinel_reads_known_after_apply()
    {
        var igw = Review().Changes.Single(c => c.Name == "igw");
        Assert.True(igw.Properties.Single(p => p.Path == "compartmentId").After!.IsUnknown);
        Assert.Contains("| `compartmentId` | `(known after apply)` |", DiffMarkdownRenderer.Render(Review()));
    }

    [Fact]
    public void A_replace_lists_its_values_and_what_forces_it()
    {
        var app = Review().Changes.Single(c => c.Name == "app");
        Assert.NotEqual(PreviewReview.NoValuesNote, app.Note);
        Assert.Equal([("cidrBlock", false), ("prohibitPublicIpOnVnic", true)], app.Properties.Select(p => (p.Path, p.ForcesReplacement)));
        Assert.Contains("~ prohibitPublicIpOnVnic: true => false", DiffTextRenderer.Render(Review()));
    }

    /// <summary>A replace whose states were cut out of the preview is no longer reviewed as "values not in the input": Pulumi always writes them, so the file is refused.</summary>
    [Fact]
    public void A_replace_without_states_is_refused()
    {
        var trimmed = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Fixture.Path("preview-update.json")),
            @"""oldState"": \{ ""urn"": ""[^""]*Subnet::app""[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n", "");
        Assert.DoesNotContain("Subnet::app\", \"custom\"", trimmed);
        var e = Assert.Throws<ArtifactLoadException>(() => PreviewLoader.Parse(System.Text.Encoding.UTF8.GetBytes(trimmed), "trimmed.json"));
        Assert.Contains("the \"replace\" step of \"urn:pulumi:prod::us-data-enclave::oci:Core/subnet:Subnet::app\" has no \"newState\"", e.Message);
    }

    [Fact]
    public void The_protected_bucket_delete_comes_first()
    {
        var md = DiffMarkdownRenderer.Render(Review());
        var bucket = md.IndexOf("**`-` delete** `oci:ObjectStorage/bucket:Bucket` **audit-archive** · **protected** · **data-bearing**", StringComparison.Ordinal);
        Assert.True(bucket > 0);
        Assert.True(bucket < md.IndexOf("### Other changes", StringComparison.Ordinal));
    }
}
