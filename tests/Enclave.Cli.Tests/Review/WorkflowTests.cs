using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// The example workflow for users (.github/workflows/enclave.yml) is valid YAML with the jobs it promises and the
/// review properties docs/review-workflow.md describes (issue 14.6; .ci/actionlint.sh lints its syntax).
/// </summary>
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
        var diff = review.Single(s => Scalar(s, "run")?.Contains("diff \"git:$BASE_SHA\" \"git:$GITHUB_SHA\" --stack \"$stack\"") == true);
        Assert.Equal("${{ github.event.pull_request.base.sha }}", Scalar(Map(diff, "env"), "BASE_SHA"));
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
    public void The_verdict_step_runs_even_when_an_earlier_step_failed()
    {
        var fail = Steps(Load(), "review").Single(s => Scalar(s, "name") == "Fail on policy violations");
        Assert.StartsWith("always() &&", Scalar(fail, "if"));
    }

    [Fact]
    public void A_fork_pull_request_skips_the_sarif_upload_its_read_only_token_cannot_do()
    {
        var upload = Steps(Load(), "review").Single(s => Scalar(s, "name") == "Upload SARIF");
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", Scalar(upload, "if"));
    }

    [Fact]
    public void A_stack_the_pull_request_adds_gets_its_full_plan_instead_of_a_failed_diff()
    {
        var run = Steps(Load(), "review").Select(s => Scalar(s, "run")).Single(r => r?.Contains("$ENCLAVE diff") == true)!;
        Assert.Contains("if git cat-file -e \"$BASE_SHA:$file\"", run);
        Assert.Contains("$ENCLAVE plan \"$stack\" --format markdown", run);
    }

    [Fact]
    public void The_deploy_job_selects_or_creates_the_stack_before_the_preview()
    {
        var steps = Steps(Load(), "deploy");
        var select = steps.FindIndex(s => Scalar(s, "run") == "pulumi stack select \"${{ matrix.stack }}\" --create");
        var preview = steps.FindIndex(s => Scalar(s, "run")?.Contains("pulumi preview") == true);
        Assert.True(select >= 0 && select < preview, "pulumi stack select --create, then the preview");
    }

    /// <summary>One S3 backend URL form (Pulumi's DIY-backend form for S3-compatible stores) wherever it is written.</summary>
    [Fact]
    public void Every_doc_writes_the_state_backend_url_in_the_same_form()
    {
        var files = new[] { "README.md", "docs/deploy.md", "docs/review-workflow.md", ".github/workflows/enclave.yml" };
        var urls = files.SelectMany(f => BackendUrl().Matches(File.ReadAllText(RepoFile.Path(f))).Select(m => (File: f, Url: m.Value))).ToList();
        Assert.All(files, f => Assert.Contains(urls, u => u.File == f));
        Assert.Single(urls.Select(u => u.Url).Distinct());
        Assert.Matches(@"^s3://[a-z-]+\?endpoint=<namespace>\.compat\.objectstorage\.us-ashburn-1\.oraclecloud\.com&region=us-ashburn-1&s3ForcePathStyle=true$", urls[0].Url);
    }

    [Fact]
    public void Every_secret_the_workflow_uses_is_explained_in_the_docs()
    {
        var docs = File.ReadAllText(RepoFile.Path("docs/review-workflow.md"));
        var secrets = SecretReference().Matches(File.ReadAllText(WorkflowPath)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.Contains($"`{s}`", docs));
    }

    [GeneratedRegex(@"s3://[^\s""'`|]+")]
    private static partial Regex BackendUrl();

    [GeneratedRegex(@"secrets\.([A-Z0-9_]+)")]
    private static partial Regex SecretReference();
}
