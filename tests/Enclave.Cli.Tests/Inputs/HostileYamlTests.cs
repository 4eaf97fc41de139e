using System.Text;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12.1 end to end: the YAML files a pull request can change (waivers, stack configs) cannot crash, hang or
/// balloon `enclave check`; each hostile shape is one line naming file, line and limit.
/// </summary>
public sealed class HostileYamlTests : IDisposable
{
    private static readonly string Compliant = SpecialFiles.CheckFixture("compliant-preview.json");
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-yaml-").FullName;

    public HostileYamlTests()
    {
        File.WriteAllText(Path.Combine(_repo, "Pulumi.yaml"), "name: us-data-enclave\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev]\n");  // the declared stacks (StackInventory)
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private async Task<(int Code, string Line)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => CheckHarness.Today);
        var code = await SpecialFiles.Bounded(CliApp.RunAsync([.. args, "--repo", _repo], services, stdout, stderr));
        Assert.Equal("", stdout.ToString());
        return (code, Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private string Stack(string content)
    {
        File.WriteAllText(Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"), content);
        return "dev";
    }

    [Fact]
    public async Task A_deeply_nested_waiver_file_is_a_config_error_not_a_crash()
    {
        var waivers = Path.Combine(_repo, "waivers.yaml");
        File.WriteAllText(waivers, "waivers:\n" + new string('[', 60_000));
        var (code, line) = await Run("check", "--preview-json", Compliant, "--waivers", waivers);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal($"enclave: error: {waivers}:2: nested deeper than 64 levels (the limit for YAML input)", line);
    }

    [Fact]
    public async Task An_alias_bomb_in_a_stack_config_is_refused_at_its_line()
    {
        var stack = Stack("config:\n" + string.Concat(HostileYaml().Split('\n').Select(l => l.Length == 0 ? "" : "  " + l + "\n")));
        var (code, line) = await Run("check", stack);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.StartsWith("enclave: error: stacks/Pulumi.dev.yaml:6:", line);
        Assert.EndsWith("aliases expand to more than 100000 nodes (the limit for YAML input; anchors referring to anchors multiply)", line);
    }

    private static string HostileYaml()
    {
        var sb = new StringBuilder("us-data-enclave:l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
            sb.Append($"us-data-enclave:l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        return sb.ToString();
    }

    [Fact]
    public async Task A_deeply_nested_stack_config_value_is_refused_at_its_line()
    {
        var stack = Stack("config:\n  us-data-enclave:network: " + new string('[', 50_000) + "\n");
        var (code, line) = await Run("check", stack);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("enclave: error: stacks/Pulumi.dev.yaml:2:90: nested deeper than 64 levels (the limit for YAML input)", line);
    }

    [Fact]
    public async Task A_multi_document_stack_config_is_refused_at_the_second_document()
    {
        var stack = Stack("config: {}\n---\nconfig: {}\n");
        var (code, line) = await Run("check", stack);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("enclave: error: stacks/Pulumi.dev.yaml:2:1: holds several YAML documents; expected one", line);
    }

    [Fact]
    public async Task A_stack_config_over_the_size_cap_is_refused_before_parsing()
    {
        var stack = Stack("config:\n  us-data-enclave:pad: \"" + new string('x', 2 << 20) + "\"\n");
        var (code, line) = await Run("check", stack);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("enclave: error: stacks/Pulumi.dev.yaml: larger than the 1 MiB limit for a YAML stack config (Pulumi.<stack>.yaml) " +
                     "(set ENCLAVE_MAX_YAML_BYTES to raise it)", line);
    }

    [Fact]
    public async Task A_waiver_file_over_the_size_cap_is_refused_before_parsing()
    {
        var waivers = Path.Combine(_repo, "waivers.yaml");
        File.WriteAllText(waivers, "# " + new string('x', 2 << 20) + "\n");
        var (code, line) = await Run("check", "--preview-json", Compliant, "--waivers", waivers);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("larger than the 1 MiB limit for a YAML waiver file", line);
    }
}
