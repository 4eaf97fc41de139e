using System.Net;
using System.Net.Sockets;

namespace Enclave.Networks;

/// <summary>
/// The one definition of a "near-open" network: a block so wide that admitting it is admitting the internet (and the
/// parent company with it). Used by the configuration validator and by the policy gate alike.
/// <list type="bullet">
/// <item>IPv4 blocks shorter than <see cref="PrefixLimits.MinIpv4Prefix"/> (0.0.0.0/0, 0.0.0.0/1, 10.0.0.0/8 …);</item>
/// <item>IPv6 blocks shorter than <see cref="PrefixLimits.MinIpv6Prefix"/> (::/0, the global-unicast 2000::/3 and
/// every other supernet);</item>
/// <item>IPv6 blocks that embed IPv4 in their last 32 bits (IPv4-mapped <c>::ffff:0:0/96</c>, IPv4-compatible
/// <c>::/96</c>, NAT64 <c>64:ff9b::/96</c>) judged as the IPv4 block they carry, and any block containing one of those
/// whole /96s, which carries every IPv4 address: <c>::ffff:0.0.0.0/96</c> is 0.0.0.0/0 written in IPv6.</item>
/// </list>
/// </summary>
public static class NearOpen
{
    // The /96 prefixes whose last 32 bits are an IPv4 address (RFC 4291 mapped and compatible, RFC 6052 NAT64).
    private static readonly (UInt128 Prefix, string Name)[] Ipv4Embeddings =
    [
        ((UInt128)0xFFFF << 32, "IPv4-mapped ::ffff:0.0.0.0/96"),
        (UInt128.Zero, "IPv4-compatible ::/96"),
        ((UInt128)0x0064_FF9B << 96, "NAT64 64:ff9b::/96"),
    ];

    /// <summary>
    /// Why the block is near-open, or null when it is narrow enough. <paramref name="network"/> is the block's first
    /// address as a number (host bits clear), <paramref name="prefix"/> its prefix length.
    /// </summary>
    public static string? Reason(bool ipv6, UInt128 network, int prefix, PrefixLimits limits)
    {
        if (!ipv6) return Ipv4Reason(prefix, limits, "");
        if (prefix == 0) return "is the whole IPv6 internet (::/0)";
        if (prefix < limits.MinIpv6Prefix)
            return $"is wider than /{limits.MinIpv6Prefix} (an IPv6 /{prefix} spans many organisations; the enclave accepts /{limits.MinIpv6Prefix} or narrower)";
        foreach (var (embedding, name) in Ipv4Embeddings)
        {
            if (prefix <= 96 && Contains(network, prefix, embedding))
                return $"contains every {name} address, i.e. the whole IPv4 internet";
            if (prefix > 96 && (network >> 32) == (embedding >> 32))
                return Ipv4Reason(prefix - 96, limits, $" ({name} block)");
        }
        return null;
    }

    /// <summary>The same for a parsed block.</summary>
    public static string? Reason(IPNetwork2 block, PrefixLimits limits)
    {
        var bytes = block.Network.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        return Reason(block.AddressFamily == AddressFamily.InterNetworkV6, value, block.Cidr, limits);
    }

    private static string? Ipv4Reason(int prefix, PrefixLimits limits, string form) =>
        prefix == 0 ? $"is the whole IPv4 internet{form}"
        : prefix < limits.MinIpv4Prefix
            ? $"is wider than /{limits.MinIpv4Prefix}{form} (an IPv4 /{prefix} is a provider-sized supernet; the enclave accepts /{limits.MinIpv4Prefix} or narrower)"
            : null;

    /// <summary>Does the block network/prefix contain the whole /96 starting at <paramref name="embedding"/>?</summary>
    private static bool Contains(UInt128 network, int prefix, UInt128 embedding)
    {
        var hostBits = 128 - prefix;
        var mask = hostBits == 128 ? UInt128.Zero : UInt128.MaxValue << hostBits;
        return (embedding & mask) == network;
    }
}
