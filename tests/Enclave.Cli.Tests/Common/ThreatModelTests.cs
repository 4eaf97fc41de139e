using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Common;

/// <summary>docs/threat-model.md and the rule catalogue do not contradict each other: every rule id it cites exists
/// (as `enclave rules --format markdown` prints it), every row names a control, a test and what lies outside the
/// program, and every isolation test class it cites exists.</summary>
public partial class ThreatModelTests
{
    private static string RepoFile(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", relative));

    [GeneratedRegex(@"ENC-[A-Z]+-[0-9]+")]
    private static partial Regex RuleId();

    private static IReadOnlyList<string[]> Rows() =>
        [.. File.ReadAllLines(RepoFile("docs/threat-model.md"))
            .Where(l => Regex.IsMatch(l, @"^\| [0-9]+ \|"))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())];

    [Fact]
    public async Task Every_rule_id_in_the_threat_model_is_in_the_catalogue()
    {
        using var h = new CheckHarness();
        var (code, catalogue, _) = await h.Run("rules", "--format", "markdown");
        Assert.Equal(0, code);
        var cited = Rows().SelectMany(r => RuleId().Matches(r[3]).Select(m => m.Value)).Distinct().ToList();
        Assert.NotEmpty(cited);
        var missing = cited.Where(id => !catalogue.Contains($"\n## {id}\n", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "threat model cites rules the catalogue lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_names_a_control_a_test_and_what_the_program_cannot_reach()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 15, $"{rows.Count} threats");
        foreach (var r in rows)
        {
            Assert.True(r.Length == 6, $"row {r[0]} has {r.Length} cells");
            Assert.Contains("`", r[2], StringComparison.Ordinal);          // a file of the program
            Assert.Matches(@"`[A-Za-z]+Tests", r[4]);                     // an isolation test
            Assert.Contains("→", r[5], StringComparison.Ordinal);          // what is outside → the operational control
        }
    }

    [Fact]
    public void Every_isolation_test_class_it_cites_exists()
    {
        var classes = Rows().SelectMany(r => Regex.Matches(r[4], @"`([A-Za-z]+Tests)").Select(m => m.Groups[1].Value)).Distinct();
        foreach (var c in classes)
            Assert.True(Directory.EnumerateFiles(RepoFile("tests"), c + ".cs", SearchOption.AllDirectories).Any(), $"no test class {c}");
    }
}
