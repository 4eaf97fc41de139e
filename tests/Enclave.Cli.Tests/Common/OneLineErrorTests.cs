using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;
using Enclave.Configuration;

namespace Enclave.Cli.Tests.Common;

/// <summary>Every `enclave` error is one line on stderr naming what was wrong and what is valid, exit 2.</summary>
public class OneLineErrorTests
{
    [Theory]
    [InlineData("--format xml: expected text, json, markdown or mermaid", "plan", "dev", "--format", "xml")]
    [InlineData("--format html: expected text, json, sarif, junit or markdown", "check", "--format", "html")]
    [InlineData("bogus: unknown command; expected plan, diff, check, rules, access, stacks or config", "bogus")]
    [InlineData("a command is required; expected plan, diff, check, rules, access, stacks or config")]
    [InlineData("plna: unknown command (did you mean plan?); expected plan, diff", "plna", "dev")]
    [InlineData("--fromat: unknown option (did you mean --format?)", "plan", "dev", "--fromat", "json")]
    [InlineData("--no-colour: unknown option (did you mean --no-color?)", "plan", "dev", "--no-colour")]
    [InlineData("<STACK>: required argument missing", "plan")]
    [InlineData("extra: unexpected argument", "plan", "dev", "extra")]
    // Round 14: numbers were "Cannot parse argument 'abc' for option … as expected type 'System.Nullable`1[System.Int32]'".
    [InlineData("--waiver-max-days abc: expected a whole number (see", "check", "--waiver-max-days", "abc")]
    [InlineData("--comment-limit 99999999999: expected a whole number from -2147483648 to 2147483647 (see", "diff", "a", "b", "--comment-limit", "99999999999")]
    public async Task Parse_errors_are_one_line_naming_the_option_and_what_is_valid(string expected, params string[] args)
    {
        using var h = new CheckHarness();

        var (code, stdout, stderr) = await h.Run(args);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"enclave: error: {expected}", line, StringComparison.Ordinal);
        Assert.Contains("--help'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_error_is_one_readable_line()
    {
        _ = new OfflineStackSource(); // registers the config error mapping
        var e = new ConfigurationException("dev",
            [new ConfigProblem("oci:region", "missing; expected the deployment region"),
             new ConfigProblem("us-data-enclave:homeRegion", "'eu-frankfurt-1' is not a US commercial region")]);

        var (code, message) = CliErrors.Describe(e);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("Configuration of stack 'dev' is invalid (2 problems): oci:region: missing; expected the deployment region; " +
                     "us-data-enclave:homeRegion: 'eu-frankfurt-1' is not a US commercial region", message);
    }
}
