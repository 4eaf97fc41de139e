using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>One ingress or egress rule of a security list or NSG, flattened to what the rules judge.</summary>
public sealed record SecurityRule(ResourceNode Owner, bool Ingress, string Where, PropertyValue Protocol, PropertyValue Peer, PropertyValue PeerType);

/// <summary>Reads the rules of security lists (inline lists) and NSGs (one resource per rule) in one shape.</summary>
public static class SecurityRules
{
    public static IEnumerable<SecurityRule> Of(ResourceNode node)
    {
        if (node.Type is OciTypes.SecurityList or OciTypes.DefaultSecurityList)
        {
            foreach (var r in Rules(node, "ingressSecurityRules", ingress: true)) yield return r;
            foreach (var r in Rules(node, "egressSecurityRules", ingress: false)) yield return r;
        }
        else if (node.Type == OciTypes.NsgRule)
        {
            var direction = node.Input("direction");
            var ingress = direction.AsString() is { } d && d.Equals("INGRESS", StringComparison.OrdinalIgnoreCase);
            yield return new SecurityRule(node, ingress, "rule", node.Input("protocol"),
                ingress ? node.Input("source") : node.Input("destination"), ingress ? node.Input("sourceType") : node.Input("destinationType"));
        }
    }

    private static IEnumerable<SecurityRule> Rules(ResourceNode node, string key, bool ingress)
    {
        // The rule lists are what the program set: an unset list is empty, not the (uncomputed) output of a preview.
        var list = node.Input(key);
        if (list is UnknownValue or SecretValue)
        {
            yield return new SecurityRule(node, ingress, key, PropertyValue.Unknown, PropertyValue.Unknown, PropertyValue.Unknown);
            yield break;
        }
        var items = list.AsList();
        for (var i = 0; i < items.Length; i++)
        {
            var r = items[i];
            yield return new SecurityRule(node, ingress, $"{key}[{i}]", r["protocol"],
                ingress ? r["source"] : r["destination"], ingress ? r["sourceType"] : r["destinationType"]);
        }
    }

    /// <summary>Is the NSG rule's direction unknown (so it could be ingress)?</summary>
    public static bool DirectionUnknown(ResourceNode node) => node.Type == OciTypes.NsgRule && !node.Input("direction").IsKnown;
}
