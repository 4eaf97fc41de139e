using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Rules.Common;

/// <summary>Where stack-wide findings go, and the root-compartment test.</summary>
public static class Scope
{
    /// <summary>The stack resource's URN (synthesised when the artifact has none), for findings about the whole stack.</summary>
    public static string StackUrn(ResourceGraph graph) =>
        graph.OfType(OciTypes.Stack).FirstOrDefault()?.Urn ?? UrnParts.StackUrn(graph.Stack, graph.Project);

    /// <summary>
    /// Is the resource's <c>compartmentId</c> the tenancy (root compartment)? Unknown when the tenancy is not configured
    /// or the value is unknown and not traceable to a compartment of the stack.
    /// </summary>
    public static Truth InRootCompartment(RuleContext context, ResourceNode node) =>
        InRootCompartment(context, node, node.Input("compartmentId"));

    /// <inheritdoc cref="InRootCompartment(RuleContext, ResourceNode)"/>
    /// <param name="value">The node's <c>compartmentId</c> input, when the caller has read it already.</param>
    public static Truth InRootCompartment(RuleContext context, ResourceNode node, PropertyValue value)
    {
        if (value.IsNull) return Truth.False;
        if (value is UnknownValue)
        {
            // Built from a compartment of the stack: not the tenancy.
            if (node.PropertyDependencies.TryGetValue("compartmentId", out var deps))
                foreach (var urn in deps)
                    if (context.Graph.ByUrn(urn)?.Type == OciTypes.Compartment) return Truth.False;
            return Truth.Unknown;
        }
        if (context.Policy.TenancyId is not { Length: > 0 } tenancy) return Truth.Unknown;
        return value.EqualsString(tenancy);
    }

    /// <summary>Is the value set (not null, not an empty string or list)? Unknown and secret values count as set.</summary>
    public static bool IsSet(PropertyValue value) => value switch
    {
        NullValue => false,
        StringValue s => s.Value.Length > 0,
        ListValue l => l.Items.Length > 0,
        _ => true,
    };

    /// <summary>Three-valued "is set" (unknown values are Unknown, secrets count as set).</summary>
    public static Truth Present(PropertyValue value) => value is UnknownValue ? Truth.Unknown : TruthLogic.Of(IsSet(value));

    /// <summary>
    /// Is the node's top-level input <paramref name="key"/> set? An unknown value built from another resource (its
    /// property dependencies say so) is set: it is that resource's id, known at deploy.
    /// </summary>
    public static Truth Present(ResourceNode node, string key, PropertyValue value) =>
        value is UnknownValue && node.PropertyDependencies.TryGetValue(key, out var deps) && deps.Length > 0 ? Truth.True : Present(value);
}
