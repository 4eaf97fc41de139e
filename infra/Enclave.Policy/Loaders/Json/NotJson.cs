using System.Text;
using Enclave.Escaping;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Names what a file that is not JSON is, from its first bytes, for the one-line refusal of a JSON input: the files
/// people (or a pull request) put in the wrong place are this repository's own YAML (a stack config, a waiver file,
/// <c>Pulumi.yaml</c>), pulumi's text output without <c>--json</c>, and our own text, Markdown or XML reports.
/// </summary>
internal static class NotJson
{
    /// <summary>How many bytes of the beginning are looked at (the opener has at least this much buffered).</summary>
    private const int Look = 4096;

    /// <summary>The one-line problem: what the file is, and <paramref name="expecting"/>, what the flag reads.</summary>
    public static string Problem(ReadOnlySpan<byte> first, string expecting) => Describe(first) is { } known
        ? $"not JSON: the file is {known}; expected {expecting}"
        : $"not JSON (it begins \"{SafeText.Escape(FirstLine(Encoding.UTF8.GetString(first[..Math.Min(first.Length, Look)])), 40)}\"); " +
          $"expected {expecting} (if other command output precedes the JSON, remove it)";

    private static string? Describe(ReadOnlySpan<byte> first)
    {
        var text = Encoding.UTF8.GetString(first[..Math.Min(first.Length, Look)]);
        var line = FirstLine(text);
        if (line.StartsWith('<')) return "XML or HTML" + (text.Contains("<testsuite", StringComparison.Ordinal) ? " (a JUnit report, `enclave check --format junit`)" : "");
        if (line.StartsWith("Previewing ", StringComparison.Ordinal) || line.StartsWith("Updating ", StringComparison.Ordinal))
            return "the text output of pulumi (run `pulumi preview --json`, or give the file of `--event-log FILE`)";
        if (line.StartsWith("name:", StringComparison.Ordinal) && text.Contains("\nruntime:", StringComparison.Ordinal))
            return "a Pulumi.yaml project file";
        if (line.StartsWith("config:", StringComparison.Ordinal) || line.StartsWith("secretsprovider:", StringComparison.Ordinal)
            || line.StartsWith("encryptionsalt:", StringComparison.Ordinal) || line.StartsWith("encryptedkey:", StringComparison.Ordinal))
            return "a YAML stack config (stacks/Pulumi.<stack>.yaml)";
        if (line.StartsWith("waivers:", StringComparison.Ordinal) || line.StartsWith("- rule:", StringComparison.Ordinal))
            return "a YAML waiver file (`--waivers`)";
        if (line.StartsWith('#')) return "Markdown or a commented text file";
        return null;
    }

    /// <summary>The first line that is not blank or a YAML comment (a YAML file usually opens with comments).</summary>
    private static string FirstLine(string text)
    {
        string? firstComment = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
            {
                firstComment ??= line;
                continue;
            }
            return line;
        }
        return firstComment ?? "";
    }
}
