using System.Runtime.CompilerServices;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Common;

/// <summary>The text report when stdout is not a terminal: one finding per line, never wrapped (URNs stay greppable).</summary>
public class PlainTextReportTests
{
    private static string CheckFixture(string name, [CallerFilePath] string here = "") =>
        CheckHarness.Fixture(name, Path.Combine(Path.GetDirectoryName(here)!, "..", "Check", "CheckHarness.cs"));

    [Fact]
    public async Task A_long_urn_stays_whole_on_the_findings_single_line()
    {
        using var h = new CheckHarness();
        var longName = "igw-" + string.Concat(Enumerable.Repeat("very-long-gateway-name-", 8)) + "end";
        var preview = h.Write("long.json", File.ReadAllText(CheckFixture("internet-gateway-preview.json"))
            .Replace("InternetGateway::igw\"", $"InternetGateway::{longName}\"", StringComparison.Ordinal));

        var (code, stdout, _) = await h.Run("check", "--preview-json", preview);

        Assert.Equal(ExitCodes.Violations, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("ENC-NET-002", StringComparison.Ordinal));
        Assert.True(line.Length > 160, line);
        Assert.StartsWith("BLOCKING ", line, StringComparison.Ordinal);
        Assert.Contains($"internetGateway:InternetGateway::{longName}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\x1b', stdout); // no ANSI escapes either
    }
}
