using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Round 5 (hostile), end to end: a comment a reviewer reads as one line, "# reviewed by the gatekeepers", followed by
/// U+2028 and `us-data-enclave:parentCompartmentOcid: …` placed the dev enclave under another compartment (its
/// policies inherited into the enclave) and `enclave check dev` passed: YAML readers, Pulumi's too, end the line at
/// U+2028; a diff view does not. Now exit 2, one line naming file, line, column and the character. Likewise a stack
/// config saved as UTF-16, which git shows as a binary file.
/// </summary>
public sealed class HiddenLineTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-hidden-").FullName;

    public HiddenLineTests()
    {
        File.Copy(RepoFile.Path("Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev]\n");  // the declared stacks (StackInventory)
        File.Copy(RepoFile.Path("stacks/Pulumi.dev.yaml"), Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"));
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public async Task A_stack_config_rewritten_as_utf16_is_refused_as_git_shows_it_as_binary()
    {
        // The same content in UTF-16 passed `check dev` (exit 0) while `git diff` printed "Binary files differ".
        var file = Path.Combine(_repo, "stacks", "Pulumi.dev.yaml");
        File.WriteAllText(file, File.ReadAllText(file), new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1));
        var code = await CliApp.RunAsync(["check", "dev", "--repo", _repo], services, new StringWriter(), stderr);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.StartsWith("enclave: error: stacks/Pulumi.dev.yaml: UTF-16 text, which git and code review show as a binary file",
            Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u0085')]
    public async Task A_key_hidden_after_a_line_separator_in_a_comment_is_refused(char separator)
    {
        var file = Path.Combine(_repo, "stacks", "Pulumi.dev.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.FindIndex(l => l.StartsWith("  oci:region:", StringComparison.Ordinal)) + 1;
        lines.Insert(at, $"  # reviewed by the gatekeepers{separator}  us-data-enclave:parentCompartmentOcid: " +
                         "ocid1.compartment.oc1..aaaaaaaaparentcompanyshared000000000000000000000000000000000");
        File.WriteAllLines(file, lines);

        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1));
        var code = await CliApp.RunAsync(["check", "dev", "--repo", _repo], services, new StringWriter(), stderr);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"enclave: error: stacks/Pulumi.dev.yaml:{at + 1}:32: holds U+{(int)separator:X4}, a line break to YAML readers", line);
    }
}
