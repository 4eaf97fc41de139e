using System.Text;
using CsCheck;
using Enclave.Cli;
using Enclave.Cli.Common;
using Enclave.Escaping;
using Enclave.Policy.Inputs;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// The command line as an attacker writes it: every command, every flag, in any order and number, with hostile
/// values (wrong-format files, look-alike stack names, control characters, huge numbers, '-' with a hostile standard
/// input, a directory, a missing file). Whatever the arguments, `enclave` answers with a documented exit code (never
/// 70, the internal error), and nothing it prints carries a raw control, ANSI or bidi character.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class CommandLineFuzzTests : IDisposable
{
    private static readonly string[] Commands = ["check", "diff", "access", "plan", "rules", "stacks", "config", "bogus"];

    private static readonly string[] Flags =
    [
        "--state", "--preview-json", "--event-log", "--plan", "--waivers", "--format", "-f", "--output", "-o", "--fail-on",
        "--severity", "--rule", "--stack", "--waiver-max-days", "--comment-limit", "--undetermined", "--soft-fail",
        "--expect-no-changes", "--against", "--repo", "--ref-types", "--help", "--", "-",
    ];

    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-fuzz-cli-").FullName;
    private readonly string[] _values;

    public CommandLineFuzzTests()
    {
        File.WriteAllText(Path.Combine(_repo, "Pulumi.yaml"), "name: us-data-enclave\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"), "config: {}\n");
        var waivers = Path.Combine(_repo, "waivers.yaml");
        File.WriteAllText(waivers, "waivers:\n  - rule: enc-net-004\n    urn: \"*\u200b\"\n    critical: 'true'\n    reason: r\n    expires: 2026-01-01\n");
        _values =
        [
            .. Directory.GetFiles(Path.Combine(Corpus.Root, "tests/Enclave.Cli.Tests/Check/Fixtures"), "*.json"),
            .. Directory.GetFiles(Path.Combine(Corpus.Root, "tests/Enclave.Policy.Tests/Fixtures/pulumi-testdata"), "*.json"),
            waivers, Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"), Path.Combine(_repo, "Pulumi.yaml"), _repo,
            Path.Combine(_repo, "absent.json"),
            "-", "", "dev", "prod", "pr\u043Ed", "dev\u200B", "\u001b[32mOK\u001b[0m", "\u202egnp.json", "a\nb", "99999999999",
            "-1", "0", "1e999", "-0", "json", "sarif", "junit", "markdown", "mermaid", "text", "critical", "CRITICAL", "warn",
            "block", "ENC-NET-004", "enc-net-004", "git:", "git:--upload-pack=touch", "git:HEAD", new string('x', 5000),
            "/dev/null", "/dev/zero",
        ];
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    /// <summary>Where --output may point: only places of this run's own (a value from the list could be a fixture of the repository).</summary>
    private string[] Outputs => [Path.Combine(_repo, "report.txt"), Path.Combine(_repo, "out", "report.txt"), "-", "", "/dev/null", _repo];

    [Fact]
    public void Any_command_line_ends_in_a_documented_exit_code_and_prints_nothing_raw() =>
        Fuzz.Run(Gen.Select(Gen.OneOfConst(Commands), Gen.Select(Gen.OneOfConst(Flags), Gen.Int[0, int.MaxValue]).Array[0, 6],
                Gen.OneOf(Gen.Const(""), Corpus.Mutated("{\"steps\": []}", "waivers: []\n", "{\"version\": 3, \"deployment\": {}}"))),
            300, sample => Check(Arguments(sample.Item1, sample.Item2), sample.Item3),
            sample => string.Join(" ", Arguments(sample.Item1, sample.Item2)));

    /// <summary>Each flag with a value drawn from the hostile list (the seed picks it), the repository pinned.</summary>
    private string[] Arguments(string command, (string Flag, int Pick)[] flags) =>
        [command, .. flags.SelectMany(f => f.Pick % 4 == 0 ? [f.Flag] : new[] { f.Flag, Value(f.Flag, f.Pick) }),
            .. command is "check" or "access" or "plan" or "diff" ? new[] { "--repo", _repo } : []];

    private string Value(string flag, int pick) =>
        flag is "--output" or "-o" ? Outputs[pick % Outputs.Length] : _values[pick % _values.Length];

    private static void Check(string[] args, string stdin)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        using (InputFile.RedirectStdin(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin))))
            code = CliApp.RunAsync(args, CliServices.Default, stdout, stderr).WaitAsync(Fuzz.HangLimit).GetAwaiter().GetResult();
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations or ExitCodes.UsageOrConfig or ExitCodes.InputUnreadable or 4,
            $"exit {code}: {SafeText.Escape(stderr.ToString(), 600)}");
        foreach (var text in new[] { stdout.ToString(), stderr.ToString() })
            Assert.True(ReferenceEquals(SafeText.Document(text), text), $"raw control or bidi character in: {SafeText.Escape(text, 600)}");
    }
}
