using System.Globalization;

namespace Enclave.Policy.Inputs;

/// <summary>
/// Reads the size caps from the environment (<c>ENCLAVE_MAX_JSON_BYTES</c>, <c>ENCLAVE_MAX_YAML_BYTES</c>): a byte
/// count with an optional K, M or G suffix (powers of 1024), e.g. <c>5M</c>; and the row budget of the access table
/// (<c>ENCLAVE_MAX_ACCESS_ROWS</c>), a plain count. Environment variables rather than
/// flags so that one setting covers every command and the <c>git:REF</c> plans a diff runs in a child process.
/// </summary>
public static class InputLimits
{
    private static readonly string[] Variables = [InputKind.JsonSizeVariable, InputKind.YamlSizeVariable, "ENCLAVE_MAX_FINDINGS_MEMORY"];

    // Budgets (plain counts, not sizes): ENCLAVE_MAX_ACCESS_ROWS (Reports.AccessRowBudget), ENCLAVE_MAX_ACCESS_WORK
    // (Reports.AccessWorkBudget), ENCLAVE_MAX_WAIVER_WORK (Waivers.GlobWorkBudget), ENCLAVE_MAX_STACKS (Offline's StackConfigFile),
    // ENCLAVE_MAX_WAIVERS (Waivers.WaiverLoader).
    private static readonly string[] CountVariables = ["ENCLAVE_MAX_ACCESS_ROWS", "ENCLAVE_MAX_ACCESS_WORK", "ENCLAVE_MAX_WAIVER_WORK", "ENCLAVE_MAX_STACKS", "ENCLAVE_MAX_WAIVERS"];

    /// <summary>The cap named by <paramref name="variable"/>, or <paramref name="fallback"/> when it is unset.</summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive size.</exception>
    public static long MaxBytes(string variable, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return Parse(text) ?? throw new InputLimitException(
            $"{variable}={Shown(text)}: expected a positive size in bytes, optionally with K, M or G (e.g. 5M)");
    }

    /// <summary>The count named by <paramref name="variable"/> (a plain positive integer), or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive count.</exception>
    public static long MaxCount(string variable, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new InputLimitException($"{variable}={Shown(text)}: expected a positive whole number (e.g. 5000000)");
    }

    /// <summary>Checks every limit variable once, so a bad setting is a usage error before any input is read.</summary>
    public static void Validate()
    {
        foreach (var v in Variables) MaxBytes(v, 0);
        foreach (var v in CountVariables) MaxCount(v, 0);
        var rulesUri = Environment.GetEnvironmentVariable(Reports.SarifReportWriter.RulesUriVariable);
        if (Reports.SarifReportWriter.RulesUriProblem(rulesUri) is { } problem)
            // The value is echoed only when it holds no credentials: a CI log must not show a token.
            throw new InputLimitException(problem.Contains("credentials", StringComparison.Ordinal)
                ? $"{Reports.SarifReportWriter.RulesUriVariable}: {problem}"
                : $"{Reports.SarifReportWriter.RulesUriVariable}={Shown(rulesUri!)}: {problem}");
    }

    /// <summary>"1048576", "512K", "5M", "2G" (case-insensitive, optional trailing B or iB); null when not a positive size.</summary>
    public static long? Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('B')) t = t[..^1];
        var shift = t.Length == 0 ? 0 : t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        if (shift > 0) t = t[..^1];
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > long.MaxValue >> shift)
            return null;
        return n << shift;
    }

    /// <summary>A byte count for people: "1 MiB", "1.5 GiB", "512 bytes".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB",
        >= 1L << 20 => $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB",
        >= 1L << 10 => $"{(bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes} bytes",
    };

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>A size variable holds something that is not a size: a usage error (exit 2), not an unreadable input.</summary>
public sealed class InputLimitException(string message) : Exception(message);
