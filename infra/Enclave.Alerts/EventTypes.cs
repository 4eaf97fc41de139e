namespace Enclave.Alerts;

/// <summary>Event type spelling shared by the program and the gate.</summary>
public static class EventTypes
{
    /// <summary>
    /// The key two event types are compared by: lower-cased (Oracle spells a few types in mixed case, e.g. the vault
    /// replica ones), with a <c>.end</c> suffix read as <c>.begin</c> (both halves of a long-running operation report
    /// the same operation, and the CIS checkers accept either). The suffix is never dropped: a bare
    /// <c>…disablekey</c> is no Oracle type and never fires, so it must not stand in for <c>…disablekey.begin</c>.
    /// </summary>
    public static string Normalise(string eventType)
    {
        var t = eventType.Trim().ToLowerInvariant();
        return t.EndsWith(".end", StringComparison.Ordinal) ? t[..^".end".Length] + ".begin" : t;
    }

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
