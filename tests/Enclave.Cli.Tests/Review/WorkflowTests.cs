using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Enclave.Cli.Tests.Review;

/// <summary>The example workflow for users (.github/workflows/enclave.yml) is valid YAML with the jobs it promises.</summary>
public partial class WorkflowTests
{
    private static readonly string WorkflowPath = RepoFile.Path(".github/workflows/enclave.yml");

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(WorkflowPath);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static List<YamlMappingNode> Steps(YamlMappingNode root, string job) =>
        ((YamlSequenceNode)Map(Map(root, "jobs"), job)["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    [Fact]
    public void Triggers_on_pull_requests_and_pushes_to_main()
    {
        var on = Map(Load(), "on");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")));
        var branches = (YamlSequenceNode)Map(on, "push")["branches"];
        Assert.Equal(["main"], branches.Children.Select(b => ((YamlScalarNode)b).Value));
    }

    [Fact]
    public void Pull_requests_run_the_tests_the_gate_with_sarif_and_the_diff_of_each_stack()
    {
        var root = Load();
        Assert.Contains(Steps(root, "test"), s => Scalar(s, "run") == "dotnet test Infrastructure.sln");

        var review = Steps(root, "review");
        Assert.Equal("github.event_name == 'pull_request'", Scalar(Map(Map(root, "jobs"), "review"), "if"));
        var check = review.Single(s => Scalar(s, "run")?.Contains("$ENCLAVE check --format sarif --output enclave.sarif") == true);
        var upload = review.Single(s => Scalar(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.Equal("enclave.sarif", Scalar(Map(upload, "with"), "sarif_file"));
        var diff = review.Single(s => Scalar(s, "run")?.Contains("diff git:${{ github.event.pull_request.base.sha }} git:${{ github.sha }} --stack \"$stack\"") == true);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", Scalar(diff, "run"));
        Assert.True(review.IndexOf(check) < review.IndexOf(upload) && review.IndexOf(upload) < review.IndexOf(diff));
        Assert.Equal("0", Scalar(Map(review[0], "with"), "fetch-depth"));
    }

    [Fact]
    public void Main_runs_preview_and_up_with_the_real_cli_and_its_secrets()
    {
        var root = Load();
        var deploy = (YamlMappingNode)Map(root, "jobs")["deploy"];
        var env = Map(deploy, "env");
        Assert.Equal("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}", Scalar(env, "PULUMI_CONFIG_PASSPHRASE"));
        Assert.Equal("${{ secrets.PULUMI_BACKEND_URL }}", Scalar(env, "PULUMI_BACKEND_URL"));
        var steps = Steps(root, "deploy");
        Assert.Contains(steps, s => Scalar(s, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
        Assert.Single(steps, s => Scalar(s, "run")?.Contains("pulumi preview") == true);
        Assert.Single(steps, s => Scalar(s, "run")?.Contains("pulumi up") == true);
    }

    [Fact]
    public void Main_applies_exactly_the_preview_the_gate_judged()
    {
        var root = Load();
        var deploy = (YamlMappingNode)Map(root, "jobs")["deploy"];
        Assert.Equal("true", Scalar(Map(deploy, "env"), "PULUMI_EXPERIMENTAL"));  // update plans are a preview feature
        var steps = Steps(root, "deploy");
        int Index(Func<string, bool> match) => steps.FindIndex(s => Scalar(s, "run") is { } run && match(run));

        var preview = Index(r => r.Contains("pulumi preview") && r.Contains("--save-plan plan.json") && r.Contains("--json > preview.json"));
        var gate = Index(r => r.Contains("$ENCLAVE check --preview-json preview.json"));
        var up = Index(r => r.Contains("pulumi up") && r.Contains("--plan plan.json"));
        Assert.True(preview >= 0 && gate > preview && up > gate, "preview --save-plan, then the gate on that preview, then up --plan");
        // No second preview between the gate and up: what up applies is what the gate saw.
        Assert.Equal(1, steps.Count(s => Scalar(s, "run")?.Contains("pulumi preview") == true));
        // Nor an action-run preview or up beside them (the action only installs the CLI).
        Assert.DoesNotContain(steps, s => Scalar(s, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true &&
                                          s.Children.ContainsKey(new YamlScalarNode("with")));
    }

    [Fact]
    public void Every_secret_the_workflow_uses_is_explained_in_the_docs()
    {
        var docs = File.ReadAllText(RepoFile.Path("docs/review-workflow.md"));
        var secrets = SecretReference().Matches(File.ReadAllText(WorkflowPath)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.Contains($"`{s}`", docs));
    }

    [GeneratedRegex(@"secrets\.([A-Z0-9_]+)")]
    private static partial Regex SecretReference();
}
