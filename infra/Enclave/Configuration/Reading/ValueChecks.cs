using System.Net;
using Enclave.Configuration.Checks;

namespace Enclave.Configuration.Reading;

/// <summary>Value checks shared by the sections: each reports a problem naming the key and returns the parsed
/// value, or null when it is unusable so dependent checks skip it (the problem is already reported).</summary>
internal static class ValueChecks
{
    private static readonly IPNetwork2[] Rfc1918 =
        [IPNetwork2.Parse("10.0.0.0", 8), IPNetwork2.Parse("172.16.0.0", 12), IPNetwork2.Parse("192.168.0.0", 16)];

    /// <summary>A CIDR block; <paramref name="vcnSized"/> applies OCI's VCN and subnet limits (IPv4, /16 to /30).</summary>
    public static IPNetwork2? Cidr(this ConfigReader r, string key, string? text, bool vcnSized = false, bool privateOnly = false)
    {
        if (text is null) return null;
        if (!Checks.Cidr.TryParse(text.Trim(), out var n, out var error))
        {
            r.Report(key, error);
            return null;
        }
        if (vcnSized && (!Checks.Cidr.IsIPv4(n) || n.Cidr < 16 || n.Cidr > 30))
        {
            r.Report(key, $"'{text}' cannot be used: OCI VCN and subnet blocks are IPv4 with a prefix from /16 to /30");
            return null;
        }
        if (privateOnly && !Rfc1918.Any(p => Checks.Cidr.Contains(p, n)))
        {
            r.Report(key, $"'{text}' is not a private range; the VCN must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918)");
            return null;
        }
        return n;
    }

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, optionally in steps of <paramref name="step"/> from min.</summary>
    public static void Range(this ConfigReader r, string key, int? value, int min, int max, string unit, int step = 1)
    {
        if (value is not int v) return;
        if (v < min || v > max || (v - min) % step != 0)
        {
            var steps = step > 1 ? $" in steps of {step}" : "";
            var upper = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}{steps}";
            r.Report(key, $"{v} {unit} is not allowed; use {upper} {unit}");
        }
    }

    /// <summary>One of a fixed set of spellings (exact, case-sensitive, as the OCI API takes them).</summary>
    public static bool OneOf(this ConfigReader r, string key, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null) return false;
        if (allowed.Contains(value, StringComparer.Ordinal)) return true;
        r.Report(key, $"'{value}' is not allowed; use one of {string.Join(", ", allowed)}");
        return false;
    }

    /// <summary>Reports <paramref name="block"/> when it overlaps a network of the parent company.</summary>
    public static void NotParentNetwork(this ConfigReader r, string key, string text, IPNetwork2 block,
        Sections.ReadContext context, string what)
    {
        foreach (var (parentKey, parent) in context.ParentCidrs)
            if (Checks.Cidr.Overlap(block, parent))
                r.Report(key, $"'{text}' overlaps the parent-company network {Checks.Cidr.Format(parent)} ({parentKey}); " +
                              $"{what} must not include any excluded network");
    }

    /// <summary>
    /// Reports <paramref name="block"/> when it is near-open (<see cref="Networks.NearOpen"/>, the definition the policy
    /// gate applies too); true when it is narrow enough.
    /// </summary>
    public static bool NotNearOpen(this ConfigReader r, string key, string text, IPNetwork2 block, Sections.ReadContext context, string what)
    {
        if (Networks.NearOpen.Reason(block, context.Limits) is not { } reason) return true;
        r.Report(key, $"'{text}' {reason}; {what} must name a network the gatekeepers control ({ConfigKeys.MinimumPrefix} sets how narrow)");
        return false;
    }

    /// <summary>Every pair of blocks in <paramref name="blocks"/> must be disjoint.</summary>
    public static void NoOverlaps(this ConfigReader r, IReadOnlyList<(string Key, IPNetwork2? Block)> blocks, string what)
    {
        for (var i = 0; i < blocks.Count; i++)
        for (var j = i + 1; j < blocks.Count; j++)
            if (blocks[i].Block is { } a && blocks[j].Block is { } b && Checks.Cidr.Overlap(a, b))
                r.Report(blocks[j].Key,
                    $"'{Checks.Cidr.Format(b)}' overlaps {what} {Checks.Cidr.Format(a)} ({blocks[i].Key}); {what}s must not overlap");
    }
}
