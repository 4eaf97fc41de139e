using Enclave.Policy;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Render;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// The fixtures carry <see cref="Fixture.PlantedSecret"/> in secret values (as plaintext from --show-secrets and as
/// ciphertext). Every plan and diff format of every input kind must show the secret only as a marker.
/// </summary>
public class SecretLeakTests
{
    private static readonly IReadOnlyList<Policy.Rules.IRule> Rules = [new OpenIngressRule()];

    private static PolicySummary Verdict(Policy.Graph.ResourceGraph g) => PolicyVerdicts.Evaluate(g, new PolicyContext(), rules: Rules);

    public static TheoryData<string> Inputs => new() { "export-base.json", "export-head.json", "preview-update.json" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void No_plan_format_contains_a_planted_secret(string fixture)
    {
        var graph = ArtifactLoader.Load(Fixture.Path(fixture));
        var plan = PlanDocument.Create(graph, Verdict(graph));
        var outputs = new[] { PlanJsonWriter.Write(plan), PlanTextRenderer.Render(plan), PlanMarkdownRenderer.Render(plan) };
        Assert.All(outputs, o => Assert.DoesNotContain(Fixture.PlantedSecret, o));
        Assert.All(outputs, o => Assert.Contains("secret", o));
    }

    [Fact]
    public void No_diff_format_of_two_exports_contains_a_planted_secret()
    {
        var before = ArtifactLoader.Load(Fixture.Path("export-base.json"));
        var after = ArtifactLoader.Load(Fixture.Path("export-head.json"));
        var diff = DiffEngine.Compare(before, after, new DiffOptions("export-base.json", "export-head.json", Verdict(before), Verdict(after)));
        Assert.Contains(diff.Changes, c => c.Name == "db-ingress");
        AssertClean(diff);
    }

    [Fact]
    public void No_review_format_of_a_preview_contains_a_planted_secret()
    {
        var preview = PreviewLoader.Load(Fixture.Path("preview-update.json"));
        var diff = PreviewReview.Build(preview, new DiffOptions("state", "preview",
            Verdict(PreviewReview.BeforeGraph(preview)), Verdict(PreviewReview.AfterGraph(preview))));
        Assert.Contains(diff.Changes, c => c.Name == "adb" && c.Properties.Any(p => p.Path == "adminPassword"));
        AssertClean(diff);
    }

    private static void AssertClean(ReviewDiff diff)
    {
        var outputs = new[]
        {
            DiffMarkdownRenderer.Render(diff), DiffMarkdownRenderer.Render(diff, 2_000, "full.md"),
            DiffTextRenderer.Render(diff), DiffJsonWriter.Write(diff),
        };
        Assert.All(outputs, o => Assert.DoesNotContain(Fixture.PlantedSecret, o));
    }
}
