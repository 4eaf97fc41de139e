using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Golden;

/// <summary>
/// Issue 14.7: the text, Markdown and Mermaid plans of every shipped stack, byte-compared with the reviewed files in
/// tests/Enclave.Cli.Tests/Golden/. A change to the program, the config or a renderer that alters what a reviewer
/// reads fails here until the files are regenerated and the difference reviewed:
/// <c>ENCLAVE_UPDATE_GOLDEN=1 dotnet test tests/Enclave.Cli.Tests --filter FullyQualifiedName~Golden</c>
/// (then <c>git diff tests/Enclave.Cli.Tests/Golden</c>).
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class GoldenPlanTests
{
    public const string UpdateVariable = "ENCLAVE_UPDATE_GOLDEN";
    private static readonly string Root = RepoFile.Path("");

    public static TheoryData<string, string, string> Renderings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var stack in new[] { "dev", "staging", "prod" })
            foreach (var (format, extension) in new[] { ("text", "txt"), ("markdown", "md"), ("mermaid", "mmd") })
                data.Add(stack, format, extension);
        return data;
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public async Task Plan_rendering_matches_its_reviewed_golden_file(string stack, string format, string extension)
    {
        var actual = await Render(stack, format);
        var path = RepoFile.Path($"tests/Enclave.Cli.Tests/Golden/plan-{stack}.{extension}");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; create it with {UpdateVariable}=1 and review it");
        var expected = await File.ReadAllTextAsync(path);
        if (expected == actual) return;
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"plan {stack} --format {format} differs from {Path.GetFileName(path)} at line {line + 1}:\n" +
                    $"  golden: {(line < e.Length ? e[line] : "(end)")}\n  now:    {(line < a.Length ? a[line] : "(end)")}\n" +
                    $"If the change is intended, regenerate with {UpdateVariable}=1 dotnet test tests/Enclave.Cli.Tests --filter FullyQualifiedName~Golden and review the diff.");
    }

    /// <summary>Determinism of every format: the same bytes on a second run, under a culture with a decimal comma.</summary>
    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("mermaid")]
    [InlineData("json")]
    public async Task Every_rendering_is_the_same_bytes_on_every_run_and_in_every_culture(string format)
    {
        var first = await Render("prod", format);
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        string second;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            second = await Render("prod", format);
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public async Task The_text_plan_fits_80_columns_except_single_words_longer_than_a_line()
    {
        var text = await Render("prod", "text");
        Assert.Contains(text.Split('\n'), l => l.Length > 70); // long lines exist and were wrapped, not avoided
        foreach (var line in text.Split('\n').Where(l => l.Length > 80))
        {
            // Only a value that is one word (an OCID, an event type) may run past column 80: nothing to break it at.
            var value = line.Trim();
            var colon = value.IndexOf(": ", StringComparison.Ordinal);
            if (colon >= 0) value = value[(colon + 2)..];
            Assert.False(value.Trim().Contains(' ', StringComparison.Ordinal), $"a line that could wrap is {line.Length} columns: {line}");
        }
    }

    /// <summary>The README's excerpt of `plan prod` is the real output: its head and its tail, line for line.</summary>
    [Fact]
    public void The_readme_shows_the_real_start_and_end_of_plan_prod()
    {
        var readme = File.ReadAllText(RepoFile.Path("README.md"));
        var start = readme.IndexOf("```text\nPreviewing update (prod)", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```text block starting with the plan prod header");
        var block = readme[(start + "```text\n".Length)..readme.IndexOf("\n```", start + 7, StringComparison.Ordinal)].Split('\n');
        var cut = Array.IndexOf(block, "    …");
        Assert.True(cut > 20, "the excerpt shows the first screenful, then `    …`, then the end");
        var golden = File.ReadAllText(RepoFile.Path("tests/Enclave.Cli.Tests/Golden/plan-prod.txt")).TrimEnd('\n').Split('\n');
        Assert.Equal(golden[..cut], block[..cut]);
        Assert.Equal(golden[^(block.Length - cut - 1)..], block[(cut + 1)..]);
    }

    internal static async Task<string> Render(string stack, string format)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 11, 29));
        var code = await CliApp.RunAsync(["plan", stack, "--format", format, "--no-color", "--repo", Root], services, stdout, stderr);
        Assert.True(code == ExitCodes.Ok, $"plan {stack} exited {code}: {stderr}");
        return stdout.ToString();
    }
}
