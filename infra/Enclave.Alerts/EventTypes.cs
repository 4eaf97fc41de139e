namespace Enclave.Alerts;

/// <summary>Event type spelling shared by the program and the gate.</summary>
public static class EventTypes
{
    /// <summary>
    /// The key two event types are compared by: the type exactly as written, with a <c>.end</c> suffix read as
    /// <c>.begin</c> (both halves of a long-running operation report the same operation, and the CIS checkers accept
    /// either). Nothing else is forgiven: Oracle documents no case-insensitive or trimmed matching of event types (it
    /// spells a few in mixed case, e.g. the vault replica ones), so a type in another case or with spaces may never
    /// fire and must not stand in for Oracle's spelling (fail closed). The suffix is never dropped: a bare
    /// <c>…disablekey</c> is no Oracle type and never fires, so it must not stand in for <c>…disablekey.begin</c>.
    /// </summary>
    public static string Normalise(string eventType) =>
        eventType.EndsWith(".end", StringComparison.Ordinal) ? eventType[..^".end".Length] + ".begin" : eventType;

    /// <summary>The operation an event type reports, without its <c>.begin</c>/<c>.end</c> suffix (lower-cased).</summary>
    public static string Operation(string eventType)
    {
        var t = eventType.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { ".begin", ".end" })
            if (t.EndsWith(suffix, StringComparison.Ordinal)) return t[..^suffix.Length];
        return t;
    }

    internal static string[] Each(string prefix, params string[] names) => [.. names.Select(n => prefix + n)];
}
