using System.Text.Json;
using Enclave.Cli.Tests.Check;
using Enclave.Escaping;

namespace Enclave.Cli.Tests.Escaping;

/// <summary>
/// A policy statement the IAM parser rejects is quoted in its finding through the one terminal-safe escaper
/// (<see cref="SafeText"/>): a statement carrying ANSI escapes, bidi overrides, line breaks and a 10 MB token gives
/// one short line that shows them escaped, in the text report and in the JSON report's message alike.
/// </summary>
public sealed class IamParseErrorEscapingTests : IDisposable
{
    /// <summary>ANSI colour, CR LF then a fake line, a bidi override and isolate: an unreadable subject.</summary>
    private const string Payload = "\u001b[32mOK\u001b[0m\r\nFAKE\u202eLINE\u2066";

    private static readonly string Huge = new('x', 10_000_000);

    private readonly CheckHarness _h = new();

    public IamParseErrorEscapingTests() => _h.Source.Offline = _ => CheckHarness.WithPolicy([$"allow group ops to manage {Payload}{Huge} in tenancy"]);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task The_text_report_quotes_the_statement_escaped_and_capped_on_one_line()
    {
        var (code, stdout, stderr) = await _h.Run("check", "dev", "--format", "text");
        Assert.True(code == 1, $"exit {code}: {stderr}");
        Assert.True(stdout.Length < 100_000, $"the report grew to {stdout.Length} characters");
        var lines = stdout.Split('\n').Where(l => l.Contains("does not parse", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain(line, c => SafeText.IsUnsafe(c) && c != '\u001b' || c == '\r'));
        // The payload is shown, escaped, where the parser stopped; no part of it starts a line of its own.
        Assert.Contains(@"\u001b[32mOK\u001b[0m\r\nFAKE\u202eLINE\u2066xxx", stdout.Replace("\n", "").Replace(" ", ""));
        Assert.DoesNotContain("\u001b[32mOK", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), l => l.TrimStart().StartsWith("FAKE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_report_message_is_one_escaped_line_under_the_error_cap()
    {
        var (code, stdout, stderr) = await _h.Run("check", "dev", "--format", "json");
        Assert.True(code == 1, $"exit {code}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var messages = Strings(doc.RootElement).Where(s => s.Contains("does not parse", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.True(m.Length < SafeText.LineLength, $"a message of {m.Length} characters");
            Assert.DoesNotContain(m, SafeText.IsUnsafe);
            Assert.Contains(@"\u001b[32mOK\u001b[0m\r\nFAKE\u202eLINE\u2066xxx", m);
        });
    }

    private static List<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => [.. e.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Object => [.. e.EnumerateObject().SelectMany(p => Strings(p.Value))],
        _ => [],
    };
}
