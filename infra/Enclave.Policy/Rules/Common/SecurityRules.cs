using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>One ingress or egress rule of a security list or NSG, flattened to what the rules judge.</summary>
public readonly record struct SecurityRule(ResourceNode Owner, bool Ingress, RulePosition Where, PropertyValue Protocol,
    PropertyValue Peer, PropertyValue PeerType);

/// <summary>
/// Where a rule sits in its owner: <c>ingressSecurityRules[2]</c>, a whole list (<c>ingressSecurityRules</c>, when it is
/// not known until deploy) or <c>rule</c> (an NSG rule is its own resource). Formats straight into the messages that
/// name it, so reading a rule builds no string.
/// </summary>
public readonly record struct RulePosition(string Key, int Index = -1) : ISpanFormattable
{
    public override string ToString() => Index < 0 ? Key : $"{Key}[{Index}]";

    public string ToString(string? format, IFormatProvider? provider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Index < 0 ? destination.TryWrite($"{Key}", out charsWritten) : destination.TryWrite($"{Key}[{Index}]", out charsWritten);
}

/// <summary>Reads the rules of security lists (inline lists) and NSGs (one resource per rule) in one shape.</summary>
public static class SecurityRules
{
    public static IReadOnlyList<SecurityRule> Of(ResourceNode node)
    {
        var rules = new List<SecurityRule>();
        Read(node, rules);
        return rules;
    }

    /// <summary>Appends the rules of <paramref name="node"/> (ingress first) to <paramref name="into"/>.</summary>
    public static void Read(ResourceNode node, List<SecurityRule> into)
    {
        if (node.Type is OciTypes.SecurityList or OciTypes.DefaultSecurityList)
        {
            Rules(node, "ingressSecurityRules", ingress: true, into);
            Rules(node, "egressSecurityRules", ingress: false, into);
        }
        else if (node.Type == OciTypes.NsgRule)
        {
            var direction = node.Input("direction");
            var ingress = direction.AsString() is { } d && d.Equals("INGRESS", StringComparison.OrdinalIgnoreCase);
            into.Add(new SecurityRule(node, ingress, new RulePosition("rule"), node.Input("protocol"),
                ingress ? node.Input("source") : node.Input("destination"), ingress ? node.Input("sourceType") : node.Input("destinationType")));
        }
    }

    private static void Rules(ResourceNode node, string key, bool ingress, List<SecurityRule> into)
    {
        // The rule lists are what the program set: an unset list is empty, not the (uncomputed) output of a preview.
        var list = node.Input(key);
        if (list is UnknownValue or SecretValue)
        {
            into.Add(new SecurityRule(node, ingress, new RulePosition(key), PropertyValue.Unknown, PropertyValue.Unknown, PropertyValue.Unknown));
            return;
        }
        var items = list.AsList();
        for (var i = 0; i < items.Length; i++)
        {
            var r = items[i];
            into.Add(new SecurityRule(node, ingress, new RulePosition(key, i), r["protocol"],
                ingress ? r["source"] : r["destination"], ingress ? r["sourceType"] : r["destinationType"]));
        }
    }

    /// <summary>Is the NSG rule's direction unknown (so it could be ingress)?</summary>
    public static bool DirectionUnknown(ResourceNode node) => node.Type == OciTypes.NsgRule && !node.Input("direction").IsKnown;
}
