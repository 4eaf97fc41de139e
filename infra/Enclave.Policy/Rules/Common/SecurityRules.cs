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

    /// <summary>
    /// <see cref="ToString"/>, made once per key and index for the first rules of a list: a message that names the rule
    /// keeps it as one of its parts (<see cref="Assessment.RequireInParts"/>) instead of a new string per rule. Keys are
    /// the few list names of <see cref="SecurityRules"/>, never text from an artifact.
    /// </summary>
    public string Text => Index < 0 ? Key : Index < Cached ? Texts.GetOrAdd(Key, static k => Make(k))[Index] : ToString();

    private const int Cached = 64;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Texts = new(StringComparer.Ordinal);

    private static string[] Make(string key)
    {
        var texts = new string[Cached];
        for (var i = 0; i < texts.Length; i++) texts[i] = new RulePosition(key, i).ToString();
        return texts;
    }

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
            // Only a rule that certainly says EGRESS is not ingress: an unknown or invalid direction may be ingress.
            into.Add(new SecurityRule(node, IsIngress(node) != Truth.False, new RulePosition("rule"), Item: null));
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

    /// <summary>The resources that hold security rules, in the order findings come.</summary>
    private static readonly string[] Owners = [OciTypes.SecurityList, OciTypes.DefaultSecurityList, OciTypes.NsgRule];

    /// <summary>
    /// Every security list, default security list and NSG rule of <paramref name="graph"/> with its ingress rules
    /// (an NSG rule of unknown direction counts as ingress) and whether its direction is unknown: the walk the ingress
    /// rules share. The list is reused from one resource to the next: read it before asking for the next one.
    /// </summary>
    public static IEnumerable<(ResourceNode Node, bool DirectionUnknown, List<SecurityRule> Ingress)> IngressByOwner(ResourceGraph graph)
    {
        var rules = new List<SecurityRule>();
        foreach (var type in Owners)
            foreach (var node in graph.OfType(type))
            {
                rules.Clear();
                // The ingress rules alone: a list's egress rules are not read at all (Read would list them too).
                if (type == OciTypes.NsgRule) Read(node, rules);
                else Rules(node, "ingressSecurityRules", ingress: true, rules);
                rules.RemoveAll(static r => !r.Ingress);
                yield return (node, DirectionUnknown(node), rules);
            }
    }

    /// <summary>Is the NSG rule's direction not known yet (so it could be either)?</summary>
    public static bool DirectionUnknown(ResourceNode node) => node.Type == OciTypes.NsgRule && !node.Input("direction").IsKnown;

    /// <summary>
    /// Is an NSG rule an ingress rule? INGRESS: True; EGRESS: False (case-insensitive, as OCI reads them); a value not
    /// known yet: Unknown; anything else (a misspelling, a list, nothing) is no direction OCI knows, and is read as
    /// ingress (True): the gate judges what it cannot read as the more open reading.
    /// </summary>
    public static Truth IsIngress(ResourceNode nsgRule)
    {
        var direction = nsgRule.Input("direction");
        if (!direction.IsKnown) return Truth.Unknown;
        return TruthLogic.Of(!string.Equals(direction.AsString(), "EGRESS", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Is the peer a CIDR block (its type unset or CIDR_BLOCK), not an NSG or a service label? Unknown when its type is.</summary>
    public static Truth PeerIsCidr(SecurityRule rule)
    {
        var type = rule.PeerType;
        return type.IsNull ? Truth.True : type.EqualsString("CIDR_BLOCK", StringComparison.OrdinalIgnoreCase);
    }
}
