using System.Runtime.CompilerServices;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Common;

/// <summary>docs/rules.md (the target of SARIF help links) is exactly what `enclave rules --format markdown` prints.</summary>
public class RulesDocTests
{
    private static string RepoFile(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", relative));

    [Fact]
    public async Task Committed_rules_doc_matches_the_command_output()
    {
        using var h = new CheckHarness();

        var (code, stdout, _) = await h.Run("rules", "--format", "markdown");

        Assert.Equal(0, code);
        var committed = File.ReadAllText(RepoFile("docs/rules.md"));
        Assert.True(committed.ReplaceLineEndings("\n") == stdout.ReplaceLineEndings("\n"),
            "docs/rules.md is out of date: regenerate it with `dotnet run --project infra/Enclave.Cli -- rules --format markdown > docs/rules.md`");
        Assert.Contains("\n## ENC-NET-002\n", committed.ReplaceLineEndings("\n"), StringComparison.Ordinal); // the anchor help links use
    }
}
