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

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("mermaid")]
    public async Task Every_rendering_is_the_same_bytes_on_every_run(string format)
    {
        Assert.Equal(await Render("prod", format), await Render("prod", format));
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
