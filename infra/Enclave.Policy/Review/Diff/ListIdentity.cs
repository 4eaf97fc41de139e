using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// Lists whose items have a natural identity, so a diff matches items by it rather than by position: inserting one
/// rule is one added rule, not every later rule changed. OCI evaluates these lists as sets (security rules are OR'ed,
/// routes go by longest prefix, IAM statements and event types are unordered), so a reordering changes nothing and
/// is reported as such. Lists not named here are compared by position (paths <c>[n]</c>), because their order may
/// matter.
/// </summary>
public static class ListIdentity
{
    /// <summary>How the items of one list are identified.</summary>
    public enum Kind
    {
        /// <summary>Compared by position.</summary>
        Positional,
        /// <summary>Items are records identified by <see cref="Key"/> (security rules, routes).</summary>
        Keyed,
        /// <summary>Items are scalars forming a set (statements by normalized text, ids, CIDRs, event types).</summary>
        Set,
    }

    private static readonly string[] SecurityListTypes =
        ["oci:Core/securityList:SecurityList", "oci:Core/defaultSecurityList:DefaultSecurityList"];

    private static readonly FrozenDictionary<(string Type, string Key), Kind> Lists = new Dictionary<(string, string), Kind>
    {
        [(SecurityListTypes[0], "ingressSecurityRules")] = Kind.Keyed,
        [(SecurityListTypes[0], "egressSecurityRules")] = Kind.Keyed,
        [(SecurityListTypes[1], "ingressSecurityRules")] = Kind.Keyed,
        [(SecurityListTypes[1], "egressSecurityRules")] = Kind.Keyed,
        [("oci:Core/routeTable:RouteTable", "routeRules")] = Kind.Keyed,
        [("oci:Core/defaultRouteTable:DefaultRouteTable", "routeRules")] = Kind.Keyed,
        [("oci:Identity/policy:Policy", "statements")] = Kind.Set,
        [("oci:Core/subnet:Subnet", "securityListIds")] = Kind.Set,
        [("oci:Core/vcn:Vcn", "cidrBlocks")] = Kind.Set,
        [("oci:Database/autonomousDatabase:AutonomousDatabase", "nsgIds")] = Kind.Set,
        [("oci:Database/autonomousDatabase:AutonomousDatabase", "whitelistedIps")] = Kind.Set,
        [("oci:Bastion/bastion:Bastion", "clientCidrBlockAllowLists")] = Kind.Set,
        [("oci:Identity/networkSource:NetworkSource", "publicSourceLists")] = Kind.Set,
        [("oci:Ons/notificationTopic:NotificationTopic", "eventType")] = Kind.Set,
        [(EventRuleType, "eventType")] = Kind.Set,
    }.ToFrozenDictionary();

    /// <summary>Events rules hold their event types inside a JSON string (<c>condition</c>), compared as a set too.</summary>
    public const string EventRuleType = "oci:Events/rule:Rule";

    /// <summary>How list <paramref name="key"/> (a top-level input, or <c>eventType</c> inside a condition) of a <paramref name="type"/> is compared.</summary>
    public static Kind Of(string? type, string key) =>
        type is not null && Lists.TryGetValue((type, key), out var kind) ? kind : Kind.Positional;

    /// <summary>
    /// The identity of one item, readable in a path (<c>tcp 10.30.3.0/24 :1522</c>); null when it cannot be told
    /// (an unknown or secret part), in which case the list is compared by position.
    /// </summary>
    public static string? Key(string listKey, PropertyValue item) => listKey switch
    {
        "routeRules" => RouteKey(item),
        _ => SecurityRuleKey(listKey, item),
    };

    /// <summary>The identity of a set member: statements by their normalized text, other scalars as they are.</summary>
    public static string? SetKey(string listKey, PropertyValue item) => item switch
    {
        StringValue s when listKey == "statements" => Normalize(s.Value),
        StringValue s => s.Value,
        NumberValue or BoolValue => item.ToString(),
        _ when !item.ContainsUnknown && !item.ContainsSecret => Values.ValueText.Format(item, int.MaxValue),
        _ => null,
    };

    /// <summary>An IAM statement as the service reads it: case and runs of whitespace do not matter.</summary>
    public static string Normalize(string statement)
    {
        var sb = new StringBuilder(statement.Length);
        var space = false;
        foreach (var c in statement.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string? RouteKey(PropertyValue rule)
    {
        var destination = Scalar(rule["destination"]) ?? Scalar(rule["cidrBlock"]);
        if (destination is null) return null;
        var type = Scalar(rule["destinationType"]);
        return type is null or "CIDR_BLOCK" ? destination : $"{destination} ({type})";
    }

    private static string? SecurityRuleKey(string listKey, PropertyValue rule)
    {
        var ingress = listKey.StartsWith("ingress", StringComparison.Ordinal);
        var peer = Scalar(rule[ingress ? "source" : "destination"]);
        var protocol = Scalar(rule["protocol"]);
        if (peer is null || protocol is null) return null;
        var sb = new StringBuilder(Protocol(protocol)).Append(' ').Append(peer);
        var peerType = Scalar(rule[ingress ? "sourceType" : "destinationType"]);
        if (peerType is not null and not "CIDR_BLOCK") sb.Append(" (").Append(peerType).Append(')');
        foreach (var options in new[] { "tcpOptions", "udpOptions" })
        {
            var o = rule[options];
            if (!o.IsKnown) return null;
            if (o.IsNull) continue;
            if (Range(o, "sourcePortRange") is { } src) sb.Append(" from port ").Append(src);
            if ((Range(o, "destinationPortRange") ?? Range(o, null)) is { } dst) sb.Append(" port ").Append(dst);
        }
        if (rule["icmpOptions"] is MapValue icmp)
        {
            sb.Append(" type ").Append(Scalar(icmp["type"]) ?? "any");
            if (Scalar(icmp["code"]) is { } code) sb.Append(" code ").Append(code);
        }
        return sb.ToString();
    }

    /// <summary><c>min-max</c> of a port range (security lists write it flat in the options, NSG rules nested).</summary>
    private static string? Range(PropertyValue options, string? nested)
    {
        var range = nested is null ? options : options[nested];
        if (range is not MapValue) return null;
        var min = Scalar(range["min"]);
        var max = Scalar(range["max"]);
        if (min is null && max is null) return null;
        return min == max || max is null ? min : $"{min ?? "?"}-{max}";
    }

    private static string Protocol(string protocol) => protocol switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "58" => "icmpv6",
        "all" => "all",
        _ => $"protocol {protocol}",
    };

    private static string? Scalar(PropertyValue v) => v switch
    {
        StringValue s => s.Value,
        NumberValue n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        _ => null,
    };
}
