using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Reports;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// ENCLAVE_RULES_URI, the address SARIF help links point at, is checked at start-up like every other variable the CLI
/// reads. The variable is process-wide, so these run in the serial collection.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class RulesUriVariableTests
{
    [Theory]
    [InlineData("docs/rules.md")]            // relative: SARIF needs an absolute URI
    [InlineData("/dev/zero")]                // a path, not an address
    [InlineData("file:///etc/passwd")]       // not http(s)
    [InlineData("https://exa\u001b[31mmple")] // not a URI at all, with an escape sequence
    public async Task An_unusable_address_is_a_usage_error_not_links_silently_dropped(string value)
    {
        // Before: exit 1 with a SARIF report without any helpUri, and not a word about why.
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.RunWith(SarifReportWriter.RulesUriVariable, value,
            "check", "--state", CheckHarness.Fixture("compliant-export.json"), "--stack", "dev", "--format", "sarif");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.StartsWith("enclave: error: ENCLAVE_RULES_URI=", stderr, StringComparison.Ordinal);
        Assert.Contains("expected the absolute http(s) address of the committed docs/rules.md", stderr, StringComparison.Ordinal);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.DoesNotContain('\u001b', stderr);
    }

    [Fact]
    public async Task An_address_with_credentials_is_refused_without_echoing_them()
    {
        // Before: https://ci:hunter2@… was written into every rule's helpUri of the SARIF uploaded to code scanning.
        using var h = new CheckHarness();
        var (code, stdout, stderr) = await h.RunWith(SarifReportWriter.RulesUriVariable, "https://ci:hunter2@github.com/o/r/blob/main/docs/rules.md",
            "check", "--state", CheckHarness.Fixture("compliant-export.json"), "--stack", "dev", "--format", "sarif");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("ENCLAVE_RULES_URI: the address holds credentials", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stderr + stdout, StringComparison.Ordinal);
        Assert.Null(new SarifReportWriter("https://ci:hunter2@github.com/o/r/blob/main/docs/rules.md").RulesUri);
    }

    [Fact]
    public async Task An_absolute_address_links_every_rule()
    {
        using var h = new CheckHarness();
        const string docs = "https://github.com/o/r/blob/main/docs/rules.md";
        var (code, stdout, _) = await h.RunWith(SarifReportWriter.RulesUriVariable, docs,
            "check", "--state", CheckHarness.Fixture("compliant-export.json"), "--stack", "dev", "--format", "sarif");
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, stdout);
        Assert.Contains($"\"helpUri\": \"{docs}#enc-", stdout, StringComparison.Ordinal);
    }
}
