namespace Enclave.Alerts;

/// <summary>Event type spelling shared by the program and the gate.</summary>
public static class EventTypes
{
    /// <summary>
    /// Lower-cased, without the <c>.begin</c>/<c>.end</c> suffix of long-running operations: the form two event types
    /// are compared in (Oracle spells a few types in mixed case, e.g. the vault replica ones; the CIS checkers accept
    /// either half of a begin/end pair).
    /// </summary>
    public static string Normalise(string eventType)
    {
        var t = eventType.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { ".begin", ".end" })
            if (t.EndsWith(suffix, StringComparison.Ordinal)) return t[..^suffix.Length];
        return t;
    }

    internal static string[] Each(string prefix, params string[] names) => [.. names.Select(n => prefix + n)];
}
