using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;
using Enclave.Policy.Inputs;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12.2: every file input is a regular file or '-'. A FIFO hung the gate forever; /dev/zero and /dev/urandom grew
/// it to 4 GB. Each is now refused at once: exit 3, one line naming the path and what is valid.
/// </summary>
public class NonRegularInputTests
{
    private static readonly string Compliant = SpecialFiles.CheckFixture("compliant-preview.json");

    private static async Task<string> Refused(CheckHarness h, params string[] args)
    {
        var (code, stdout, stderr) = await SpecialFiles.Bounded(h.Run(args));
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("enclave: error: ", line);
        return line;
    }

    public static TheoryData<string[]> InputOptions => new()
    {
        { new[] { "check", "--state", "{0}" } },
        { new[] { "check", "--preview-json", "{0}" } },
        { new[] { "check", "--plan", "{0}" } },
        { new[] { "check", "--preview-json", "{1}", "--waivers", "{0}" } },
        { new[] { "access", "dev", "--state", "{0}" } },
        { new[] { "diff", "{1}", "{0}" } },
        { new[] { "diff", "{0}", "{1}" } },
        { new[] { "diff", "--preview-json", "{0}" } },
        { new[] { "check", "--event-log", "{0}" } },
        { new[] { "diff", "--event-log", "{0}" } },
        { new[] { "access", "dev", "--event-log", "{0}" } },
    };

    private static string[] Fill(string[] args, string path) =>
        [.. args.Select(a => a.Replace("{0}", path).Replace("{1}", Compliant))];

    [Theory]
    [MemberData(nameof(InputOptions))]
    public async Task A_fifo_is_refused_at_once_instead_of_hanging(string[] args)
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        var fifo = SpecialFiles.Fifo(Path.Combine(h.Repo, "input.fifo"));
        var line = await Refused(h, Fill(args, fifo));
        Assert.Contains($"{fifo}: is a named pipe (FIFO), not a regular file; expected", line);
        Assert.Contains("pass '-'", line);
    }

    [Theory]
    [MemberData(nameof(InputOptions))]
    public async Task Devices_are_refused_before_a_byte_is_read(string[] args)
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        foreach (var device in new[] { "/dev/zero", "/dev/urandom" })
            Assert.Contains($"{device}: is a device, not a regular file; expected", await Refused(h, Fill(args, device)));
    }

    [Fact]
    public async Task A_link_to_a_device_is_judged_by_what_it_points_at()
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        var link = SpecialFiles.LinkTo(Path.Combine(h.Repo, "state.json"), "/dev/zero");
        Assert.Contains("state.json: is a device", await Refused(h, "check", "--state", link));
    }

    [Fact]
    public async Task A_link_to_a_regular_file_is_read()
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        // A link of the user's own (outside any checkout) is followed; one in the checkout must stay inside it.
        var mine = Directory.CreateTempSubdirectory("enclave-mine-").FullName;
        try
        {
            var link = SpecialFiles.LinkTo(Path.Combine(mine, "preview.json"), Compliant);
            var (code, _, stderr) = await h.Run("check", "--preview-json", link);
            Assert.True(code == ExitCodes.Ok, stderr);
            File.Copy(Compliant, Path.Combine(h.Repo, "preview.json"));
            var inside = SpecialFiles.LinkTo(Path.Combine(h.Repo, "latest.json"), "preview.json");
            var (code2, _, stderr2) = await h.Run("check", "--preview-json", inside);
            Assert.True(code2 == ExitCodes.Ok, stderr2);
        }
        finally { Directory.Delete(mine, recursive: true); }
    }

    [Fact]
    public async Task A_committed_link_out_of_the_checkout_is_refused_for_every_input_and_its_file_never_quoted()
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        var outside = Directory.CreateTempSubdirectory("enclave-foreign-").FullName;
        try
        {
            // Neither JSON nor YAML: a loader's error would quote it at its first line.
            var secret = Path.Combine(outside, "credentials");
            File.WriteAllText(secret, "aws_secret_access_key = s3cr3t{{\n");
            var link = SpecialFiles.LinkTo(Path.Combine(h.Repo, "input.txt"), secret);
            foreach (var args in InputOptions)
            {
                var line = await Refused(h, Fill(args, link));
                Assert.Contains($"{link}: is reached through the symbolic link {link} in {h.Repo}, which leads out of it", line);
                Assert.DoesNotContain("s3cr3t", line);
            }
        }
        finally { Directory.Delete(outside, recursive: true); }
    }

    [Fact]
    public async Task A_directory_is_refused_naming_what_is_valid()
    {
        using var h = new CheckHarness();
        Assert.Contains("is a directory; expected a JSON file", await Refused(h, "check", "--state", h.Repo));
        Assert.Contains("is a directory; expected a YAML waiver file", await Refused(h, "check", "--preview-json", Compliant, "--waivers", h.Repo));
    }

    [Fact]
    public async Task Standard_input_is_read_with_dash()
    {
        using var h = new CheckHarness();
        using var _ = InputFile.RedirectStdin(() => File.OpenRead(Compliant));
        var (code, stdout, stderr) = await h.Run("check", "--preview-json", "-");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("PASSED", stdout);
    }

    [Fact]
    public async Task Zeros_on_standard_input_are_refused_at_the_first_read()
    {
        using var h = new CheckHarness();
        var zeros = new EndlessStream(0);
        using var _ = InputFile.RedirectStdin(() => zeros);
        Assert.Contains("-: binary content (NUL bytes)", await Refused(h, "check", "--state", "-"));
        Assert.True(zeros.Served <= 1 << 20, $"read {zeros.Served} bytes of zeros before refusing");
    }

    [Fact]
    public async Task Endless_text_on_standard_input_stops_at_the_size_cap()
    {
        using var h = new CheckHarness();
        var text = new EndlessStream((byte)'y');
        using var _ = InputFile.RedirectStdin(() => text);
        Assert.Contains("-: larger than the 1 MiB limit for a YAML waiver file (set ENCLAVE_MAX_YAML_BYTES to raise it)",
            await Refused(h, "check", "--preview-json", Compliant, "--waivers", "-"));
        Assert.True(text.Served <= (1 << 20) + (1 << 16), $"read {text.Served} bytes past a 1 MiB cap");
    }

    [Fact]
    public async Task Standard_input_feeds_one_input_only()
    {
        using var h = new CheckHarness();
        using var _ = InputFile.RedirectStdin(() => File.OpenRead(Compliant));
        Assert.Contains("-: standard input is already used by another input", await Refused(h, "diff", "-", "-"));
    }
}
