using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// The stack configs and Pulumi.yaml a pull request can change go through the same opener: a FIFO or a link to a
/// device in stacks/ (git stores links) used to hang plain `enclave check`. An unreadable stack config is exit 3,
/// like every unreadable input; a readable one with wrong content stays exit 2 (README, exit codes).
/// </summary>
public sealed class StackFileInputTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-stackfile-").FullName;

    public StackFileInputTests()
    {
        File.WriteAllText(Path.Combine(_repo, "Pulumi.yaml"), "name: us-data-enclave\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev]\n");  // the declared stacks (StackInventory)
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private string StackFile(string stack) => Path.Combine(_repo, "stacks", $"Pulumi.{stack}.yaml");

    private async Task<(int Code, string Line)> Check(params string[] stacks)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1));
        var code = await SpecialFiles.Bounded(CliApp.RunAsync(["check", .. stacks, "--repo", _repo], services, stdout, stderr));
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (code, Assert.Single(lines));
    }

    [Fact]
    public async Task A_fifo_stack_config_is_unreadable_input()
    {
        if (!SpecialFiles.Supported) return;
        SpecialFiles.Fifo(StackFile("dev"));
        var (code, line) = await Check();
        Assert.Equal(ExitCodes.InputUnreadable, code);
        // No "pass '-'": no command reads a stack config from standard input (round 14).
        Assert.Equal("enclave: error: stacks/Pulumi.dev.yaml: is a named pipe (FIFO), not a regular file; expected a YAML stack config " +
                     "(Pulumi.<stack>.yaml)", line);
    }

    [Fact]
    public async Task A_stack_config_linked_to_a_device_is_unreadable_input()
    {
        if (!SpecialFiles.Supported) return;
        SpecialFiles.LinkTo(StackFile("dev"), "/dev/urandom");
        var (code, line) = await Check("dev");
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("stacks/Pulumi.dev.yaml: is a device, not a regular file", line);
    }

    [Fact]
    public async Task A_project_file_linked_to_a_device_is_unreadable_input()
    {
        if (!SpecialFiles.Supported) return;
        File.Delete(Path.Combine(_repo, "Pulumi.yaml"));
        SpecialFiles.LinkTo(Path.Combine(_repo, "Pulumi.yaml"), "/dev/zero");
        var (code, line) = await Check("dev");
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("Pulumi.yaml: is a device, not a regular file; expected a Pulumi.yaml project file", line);
    }

    [Fact]
    public async Task A_binary_stack_config_is_unreadable_input_but_bad_yaml_is_a_config_error()
    {
        File.WriteAllBytes(StackFile("dev"), [0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]);
        var (code, line) = await Check("dev");
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("stacks/Pulumi.dev.yaml: binary content", line);

        File.WriteAllText(StackFile("dev"), "config: [unclosed\n");
        (code, line) = await Check("dev");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("stacks/Pulumi.dev.yaml:", line);
    }

    [Fact]
    public async Task A_directory_named_like_a_stack_config_fails_check_instead_of_being_skipped()
    {
        // Round 3: `check` with no stack listed files only, so stacks/Pulumi.staging.yaml as a directory was left out
        // and the gate passed on the stacks it could read (with none left: "no stacks to check", exit 2).
        Directory.CreateDirectory(StackFile("staging"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [staging]\n");
        var (code, line) = await Check();
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("stacks/Pulumi.staging.yaml: is a directory", line);
    }

    [Fact]
    public async Task The_stacks_command_exits_3_for_an_unreadable_stack_config_as_check_does()
    {
        if (!SpecialFiles.Supported) return;
        SpecialFiles.Fifo(StackFile("dev"));
        var stdout = new StringWriter();
        var code = await SpecialFiles.Bounded(CliApp.RunAsync(["stacks", "--repo", _repo],
            new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1)), stdout, new StringWriter()));
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("dev", stdout.ToString());
    }
}
