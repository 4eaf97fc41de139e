using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// One ingress or egress rule of a security list or NSG, flattened to what the rules judge. Its values are read when
/// asked for (a rule that only looks at the peer does not pay for the protocol): from <paramref name="Item"/>, a rule
/// of a list, or, when that is null, from the inputs of <paramref name="Owner"/>, an NSG rule resource.
/// </summary>
public readonly record struct SecurityRule(ResourceNode Owner, bool Ingress, RulePosition Where, PropertyValue? Item)
{
    public PropertyValue Protocol => Read("protocol");

    /// <summary>Where packets come from (ingress) or go to (egress).</summary>
    public PropertyValue Peer => Read(Ingress ? "source" : "destination");

    public PropertyValue PeerType => Read(Ingress ? "sourceType" : "destinationType");

    private PropertyValue Read(string key) => Item is null ? Owner.Input(key) : Item[key];
}

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
            into.Add(new SecurityRule(node, ingress, new RulePosition("rule"), Item: null));
        }
    }

    private static void Rules(ResourceNode node, string key, bool ingress, List<SecurityRule> into)
    {
        // The rule lists are what the program set: an unset list is empty, not the (uncomputed) output of a preview.
        var list = node.Input(key);
        if (list is UnknownValue or SecretValue)
        {
            // Every value of an unknown list is unknown.
            into.Add(new SecurityRule(node, ingress, new RulePosition(key), PropertyValue.Unknown));
            return;
        }
        var items = list.AsList();
        for (var i = 0; i < items.Length; i++)
        {
            into.Add(new SecurityRule(node, ingress, new RulePosition(key, i), items[i]));
        }
    }

    /// <summary>Is the NSG rule's direction unknown (so it could be ingress)?</summary>
    public static bool DirectionUnknown(ResourceNode node) => node.Type == OciTypes.NsgRule && !node.Input("direction").IsKnown;
}
