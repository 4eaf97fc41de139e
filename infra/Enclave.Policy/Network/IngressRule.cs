using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>Where an ingress rule lets packets come from.</summary>
public enum SourceKind
{
    /// <summary>A CIDR block: any address in it, inside or outside the VCN.</summary>
    Cidr,
    /// <summary>An Oracle Services Network label: only Oracle services, through a service gateway.</summary>
    Service,
    /// <summary>VNICs in another NSG of the same VCN: never a packet from outside.</summary>
    NetworkSecurityGroup,
    /// <summary>Not known until deploy.</summary>
    Unknown,
}

/// <summary>
/// One ingress rule of a security list or an NSG, reduced to what decides whether an outside packet gets in.
/// <see cref="Known"/> is Unknown when any of its values is not known until deploy (then the rule "may" admit).
/// </summary>
public sealed record IngressRule(string Owner, SourceKind Kind, Cidr? Source, string SourceText, Traffic Traffic, Truth Known)
{
    /// <summary>Can this rule admit a packet from outside the VCN at all?</summary>
    public bool AdmitsOutside => Kind is SourceKind.Cidr or SourceKind.Unknown;

    public string Hop => $"{Owner} ingress {Traffic} from {SourceText}";

    /// <summary>Stands for rules that cannot be read (unknown list, rule of an unknown NSG): may admit anything.</summary>
    public static IngressRule Wildcard(string owner, string why) =>
        new(owner, SourceKind.Unknown, null, $"any source ({why})", Traffic.All, Truth.Unknown);

    /// <summary>Reads one rule map (security-list or NSG shape). Direction is the caller's concern.</summary>
    public static IngressRule Read(string owner, PropertyValue rule)
    {
        if (!rule.IsKnown) return Wildcard(owner, "rule known after apply");
        var (traffic, trafficKnown) = Traffic.Read(rule["protocol"], rule["tcpOptions"], rule["udpOptions"], rule["icmpOptions"]);
        var type = rule["sourceType"];
        var source = rule["source"];
        if (!type.IsKnown || !source.IsKnown)
            return new IngressRule(owner, SourceKind.Unknown, null, "a source known after apply", traffic, Truth.Unknown);
        var sourceText = source.AsString() ?? "";
        switch (type.AsString()?.ToUpperInvariant())
        {
            case null or "" or "CIDR_BLOCK":
                return Cidr.TryParse(sourceText, out var cidr)
                    ? new IngressRule(owner, SourceKind.Cidr, cidr, sourceText, traffic, trafficKnown)
                    : new IngressRule(owner, SourceKind.Unknown, null, $"unreadable source '{sourceText}'", traffic, Truth.Unknown);
            case "SERVICE_CIDR_BLOCK":
                return new IngressRule(owner, SourceKind.Service, null, $"service {sourceText}", traffic, trafficKnown);
            case "NETWORK_SECURITY_GROUP":
                return new IngressRule(owner, SourceKind.NetworkSecurityGroup, null, $"NSG {sourceText}", traffic, trafficKnown);
            default:
                return new IngressRule(owner, SourceKind.Unknown, null, $"{sourceText} (source type '{type.AsString()}')", traffic, Truth.Unknown);
        }
    }

    /// <summary>The ingress rules of a security list's <c>ingressSecurityRules</c>.</summary>
    public static IReadOnlyList<IngressRule> ReadList(string owner, PropertyValue rules)
    {
        if (rules.IsNull) return [];
        if (!rules.IsKnown) return [Wildcard(owner, "rules known after apply")];
        var items = rules.AsList();
        var result = new IngressRule[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = Read(owner, items[i]);
        return result;
    }
}

/// <summary>
/// A security list or an NSG as it applies to a target. <see cref="Applies"/> is Unknown when the graph only says
/// it may be attached (a reference known after apply).
/// </summary>
public sealed record RuleSet(string Label, IReadOnlyList<IngressRule> Ingress, Truth Applies)
{
    public static RuleSet Wildcard(string label, string why) =>
        new(label, [IngressRule.Wildcard(label, why)], Truth.Unknown);
}
