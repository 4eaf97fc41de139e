namespace Enclave.Networks;

/// <summary>
/// The widest blocks the enclave still treats as a named network rather than "the internet": an IPv4 block must have
/// a prefix of at least <see cref="MinIpv4Prefix"/>, an IPv6 block at least <see cref="MinIpv6Prefix"/>. A stack may
/// only raise them (<see cref="TryCreate"/>): a limit that could be lowered would let a change widen what passes.
/// </summary>
public sealed record PrefixLimits
{
    /// <summary>IPv4: shorter than /16 (65,536 addresses) is a supernet of whole providers, not a team's network.</summary>
    public const int DefaultMinIpv4Prefix = 16;

    /// <summary>IPv6: /48 is one site; anything shorter spans many organisations.</summary>
    public const int DefaultMinIpv6Prefix = 48;

    public static readonly PrefixLimits Default = new();

    public int MinIpv4Prefix { get; private init; } = DefaultMinIpv4Prefix;

    public int MinIpv6Prefix { get; private init; } = DefaultMinIpv6Prefix;

    /// <summary>Limits at least as strict as the defaults, or the reason the values cannot be used.</summary>
    public static PrefixLimits? TryCreate(int ipv4, int ipv6, out string? error)
    {
        error = ipv4 is < DefaultMinIpv4Prefix or > 32
            ? $"IPv4 minimum prefix {ipv4} is not allowed; use {DefaultMinIpv4Prefix} to 32 (the minimum can only be raised)"
            : ipv6 is < DefaultMinIpv6Prefix or > 128
                ? $"IPv6 minimum prefix {ipv6} is not allowed; use {DefaultMinIpv6Prefix} to 128 (the minimum can only be raised)"
                : null;
        return error is null ? new PrefixLimits { MinIpv4Prefix = ipv4, MinIpv6Prefix = ipv6 } : null;
    }
}
