using System.Globalization;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// The packets an ingress rule admits, by IANA protocol number (null = "all") and destination port range
/// (TCP/UDP) or ICMP type/code. Source ports are deliberately not modelled: the sender picks its source port,
/// so a source-port restriction never closes a path.
/// </summary>
public readonly record struct Traffic(int? Protocol, int MinPort, int MaxPort, int? IcmpType, int? IcmpCode)
{
    public const int Tcp = 6, Udp = 17, Icmp = 1, IcmpV6 = 58;

    public static readonly Traffic All = new(null, 1, 65535, null, null);

    public bool HasPorts => Protocol is Tcp or Udp;

    /// <summary>Does this admit a TCP packet to <paramref name="port"/>?</summary>
    public bool AdmitsTcp(int port) => Protocol is null || (Protocol == Tcp && MinPort <= port && port <= MaxPort);

    public override string ToString()
    {
        if (Protocol is null) return "all protocols";
        var name = Protocol switch { Tcp => "tcp", Udp => "udp", Icmp => "icmp", IcmpV6 => "icmpv6", var p => $"protocol {p}" };
        if (HasPorts)
            return MinPort == 1 && MaxPort == 65535 ? $"{name} all ports"
                : MinPort == MaxPort ? $"{name} {MinPort}" : $"{name} {MinPort}-{MaxPort}";
        if (IcmpType is int t) return IcmpCode is int c ? $"{name} type {t} code {c}" : $"{name} type {t}";
        return name;
    }

    /// <summary>
    /// Reads protocol and options from a security-list rule or an NSG rule. Accepts both shapes of port options:
    /// security lists carry <c>tcpOptions {min, max}</c>, NSG rules <c>tcpOptions {destinationPortRange {min, max}}</c>.
    /// Returns <see cref="Truth.Unknown"/> (and the widest traffic) when a value is not known until deploy.
    /// </summary>
    public static (Traffic Traffic, Truth Known) Read(PropertyValue protocol, PropertyValue tcpOptions,
        PropertyValue udpOptions, PropertyValue icmpOptions)
    {
        if (!protocol.IsKnown) return (All, Truth.Unknown);
        var text = protocol.AsString() ?? (protocol.AsNumber() is double d ? d.ToString(CultureInfo.InvariantCulture) : null);
        if (text is null || text.Equals("all", StringComparison.OrdinalIgnoreCase)) return (All, Truth.True);
        int? number = text.ToLowerInvariant() switch
        {
            "tcp" => Tcp, "udp" => Udp, "icmp" => Icmp, "icmpv6" => IcmpV6,
            var t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
        // A protocol we cannot read is treated as "all": never under-report an opening.
        if (number is not int p) return (All, Truth.Unknown);
        return p switch
        {
            Tcp => Ports(p, tcpOptions),
            Udp => Ports(p, udpOptions),
            Icmp or IcmpV6 => IcmpTraffic(p, icmpOptions),
            _ => (new Traffic(p, 1, 65535, null, null), Truth.True),
        };
    }

    private static (Traffic, Truth) Ports(int protocol, PropertyValue options)
    {
        options = Single(options);
        if (options.IsNull) return (new Traffic(protocol, 1, 65535, null, null), Truth.True);
        if (!options.IsKnown) return (new Traffic(protocol, 1, 65535, null, null), Truth.Unknown);
        // NSG shape first; the security-list shape has min/max directly on the options.
        var range = Single(options["destinationPortRange"]);
        if (!range.IsKnown) return (new Traffic(protocol, 1, 65535, null, null), Truth.Unknown);
        var holder = range.IsNull ? options : range;
        var min = holder["min"];
        var max = holder["max"];
        if (!min.IsKnown || !max.IsKnown) return (new Traffic(protocol, 1, 65535, null, null), Truth.Unknown);
        var lo = AsInt(min) ?? 1;
        var hi = AsInt(max) ?? 65535;
        return (new Traffic(protocol, Math.Max(1, lo), Math.Min(65535, hi), null, null), Truth.True);
    }

    private static (Traffic, Truth) IcmpTraffic(int protocol, PropertyValue options)
    {
        options = Single(options);
        if (options.IsNull) return (new Traffic(protocol, 0, 0, null, null), Truth.True);
        if (!options.IsKnown || !options["type"].IsKnown || !options["code"].IsKnown)
            return (new Traffic(protocol, 0, 0, null, null), Truth.Unknown);
        return (new Traffic(protocol, 0, 0, AsInt(options["type"]), AsInt(options["code"])), Truth.True);
    }

    /// <summary>Some state files keep a max-one nested block as a one-element list.</summary>
    private static PropertyValue Single(PropertyValue v) => v is ListValue l ? (l.Items.Length > 0 ? l.Items[0] : PropertyValue.Null) : v;

    private static int? AsInt(PropertyValue v) =>
        v.AsNumber() is double d ? (int)d
        : v.AsString() is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
        : null;
}
