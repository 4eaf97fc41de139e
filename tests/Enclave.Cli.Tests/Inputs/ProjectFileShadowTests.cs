using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Round 5 (hostile): Pulumi looks for its project file as Pulumi.json, then Pulumi.yaml, then Pulumi.yml. A pull
/// request that added a Pulumi.json (another main, local provider plugins, another stack folder) beside our
/// Pulumi.yaml passed `enclave check` (exit 0, the gate judged Pulumi.yaml) while Pulumi would deploy from the JSON.
/// The gate now finds the project file Pulumi's way and refuses a JSON one (exit 2, one line naming it).
/// </summary>
public sealed class ProjectFileShadowTests : IDisposable
{
    private const string ShadowProject =
        """{"name": "us-data-enclave", "runtime": "dotnet", "main": "evil/", "stackConfigDir": "elsewhere", "plugins": {"providers": [{"name": "oci", "path": "./oci-plugin"}]}}""";

    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-project-").FullName;

    public ProjectFileShadowTests()
    {
        // The real project and dev stack, which pass the gate as they are.
        File.Copy(RepoFile.Path("Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev]\n");  // the declared stacks (StackInventory)
        File.Copy(RepoFile.Path("stacks/Pulumi.dev.yaml"), Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"));
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private async Task<(int Code, string Stderr)> Run(params string[] args)
    {
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1));
        var code = await CliApp.RunAsync([.. args, "--repo", _repo], services, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "dev")]
    [InlineData("stacks")]
    public async Task A_Pulumi_json_beside_Pulumi_yaml_is_refused_instead_of_judging_the_yaml(params string[] command)
    {
        File.WriteAllText(Path.Combine(_repo, "Pulumi.json"), ShadowProject);
        var (code, stderr) = await Run(command);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("enclave: error: Pulumi.json: Pulumi reads a project file in the order Pulumi.json, Pulumi.yaml, Pulumi.yml", line);
        Assert.Contains("remove it and keep the project in Pulumi.yaml", line);
    }

    [Fact]
    public async Task A_Pulumi_json_that_links_elsewhere_or_is_empty_is_refused_too()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "Pulumi.json"), Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"));
        Assert.Equal(ExitCodes.UsageOrConfig, (await Run("check", "dev")).Code);
        File.Delete(Path.Combine(_repo, "Pulumi.json"));
        File.WriteAllText(Path.Combine(_repo, "Pulumi.json"), "");
        Assert.Equal(ExitCodes.UsageOrConfig, (await Run("check", "dev")).Code);
    }

    [Fact]
    public async Task A_directory_named_Pulumi_json_is_skipped_as_Pulumi_skips_it()
    {
        // Pulumi takes only a file (or a link to one) as its project: the gate agrees and still judges Pulumi.yaml.
        Directory.CreateDirectory(Path.Combine(_repo, "Pulumi.json"));
        var (code, stderr) = await Run("check", "dev");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_Pulumi_yml_alone_is_the_project_as_Pulumi_reads_it()
    {
        // Pulumi.yml was read by the config loader but not found by the root search (--repo said "no Pulumi.yaml").
        File.Move(Path.Combine(_repo, "Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yml"));
        File.Move(Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"), Path.Combine(_repo, "stacks", "Pulumi.dev.yml"));
        var (code, stderr) = await Run("check", "dev");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
    }
}
