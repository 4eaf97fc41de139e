using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Enclave.Cli.Tests.Common;

/// <summary>
/// The rules mutation run (mutation/rules.json) leaves rule metadata out of the score with
/// `ignore-methods: RuleInfo.ctor`, which Stryker matches only where the type is written at the call. A rule that
/// writes its Info as a target-typed `new(…)` puts its id and prose back into the score as false survivors.
/// </summary>
public class RuleInfoSpellingTests
{
    private static string RepoDir(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", relative));

    [Fact]
    public void Every_rule_names_RuleInfo_where_it_builds_its_metadata()
    {
        var targetTyped = new Regex(@"RuleInfo\s+Info\s*\{\s*get;\s*\}\s*=\s*new\s*\(");
        var offenders = Directory.EnumerateFiles(RepoDir("infra/Enclave.Policy/Rules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => targetTyped.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoDir("."), f))
            .ToList();

        Assert.True(offenders.Count == 0,
            "write `Info { get; } = new RuleInfo(…)` (not `new(…)`) so the mutation run ignores the metadata: " + string.Join(", ", offenders));
    }
}
