using Enclave.Configuration.Reading;
using Enclave.Networks;

namespace Enclave.Configuration.Sections;

/// <summary>
/// <c>us-data-enclave:minimumPrefix</c> (optional): the narrowest a network the enclave admits must be. Read before
/// every section that lists networks; the defaults (IPv4 /16, IPv6 /48) can only be raised.
/// </summary>
internal static class PrefixLimitsSection
{
    private static readonly string[] Fields = ["ipv4", "ipv6"];

    public static PrefixLimits Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.MinimumPrefix, "an object with the minimum prefix lengths", Fields, required: false);
        if (o is null) return PrefixLimits.Default;
        var ipv4 = o.Int("ipv4", $"an IPv4 prefix length from {PrefixLimits.DefaultMinIpv4Prefix} to 32", required: false)
                   ?? PrefixLimits.DefaultMinIpv4Prefix;
        var ipv6 = o.Int("ipv6", $"an IPv6 prefix length from {PrefixLimits.DefaultMinIpv6Prefix} to 128", required: false)
                   ?? PrefixLimits.DefaultMinIpv6Prefix;
        if (PrefixLimits.TryCreate(ipv4, ipv6, out _) is { } limits) return limits;
        // Each field that cannot be used is named (a hostile change would lower them to widen what passes).
        if (PrefixLimits.TryCreate(ipv4, PrefixLimits.DefaultMinIpv6Prefix, out var v4Error) is null) r.Report(o.FieldKey("ipv4"), v4Error!);
        if (PrefixLimits.TryCreate(PrefixLimits.DefaultMinIpv4Prefix, ipv6, out var v6Error) is null) r.Report(o.FieldKey("ipv6"), v6Error!);
        return PrefixLimits.Default;
    }
}
