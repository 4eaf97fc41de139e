using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.PolicyPack.Tests.Variants;

/// <summary>
/// A single change to a shipped stack's graph, as a pull request would make it in the program, and what the gate must
/// answer: the rule that blocks and the resource it names.
/// </summary>
public sealed record Variant(string Name, Func<ResourceGraph, (ResourceGraph Graph, string Rule, string Urn)> Apply)
{
    public override string ToString() => Name;
}

/// <summary>Edits of a <see cref="ResourceGraph"/> (it is immutable: each edit makes a new one).</summary>
public static class GraphEdits
{
    public static ResourceNode First(this ResourceGraph g, string type) =>
        g.OfType(type).FirstOrDefault() ?? throw new InvalidOperationException($"the stack has no {type}");

    public static ResourceGraph Replace(this ResourceGraph g, ResourceNode node) =>
        new(g.Stack, g.Project, g.Origin, g.Resources.Select(n => n.Urn == node.Urn ? node : n), g.Source);

    public static ResourceGraph Add(this ResourceGraph g, ResourceNode node) =>
        new(g.Stack, g.Project, g.Origin, g.Resources.Append(node), g.Source);

    /// <summary>
    /// The input changed, and its output too when the resource has one of that key: a change made in the program is
    /// what the update plans for the output (an output left at the old value is drift, ENC-GOV-092, which no edit here means).
    /// </summary>
    public static ResourceNode WithInput(this ResourceNode node, string key, PropertyValue value) =>
        node with
        {
            Inputs = new MapValue(node.Inputs.Fields.SetItem(key, value)),
            Outputs = node.Outputs.TryGetValue(key, out _) ? new MapValue(node.Outputs.Fields.SetItem(key, value)) : node.Outputs,
        };

    /// <summary>A new custom resource beside <paramref name="sibling"/> (same parent, provider and region).</summary>
    public static ResourceNode Beside(ResourceNode sibling, ResourceGraph g, string type, string name, MapValue inputs)
    {
        var qualified = sibling.Urn.Split("::")[2];
        var prefix = qualified.Contains('$') ? qualified[..qualified.LastIndexOf('$')] + "$" : "";
        return sibling with
        {
            Urn = $"urn:pulumi:{g.Stack}::{g.Project}::{prefix}{type}::{name}",
            Type = type,
            Name = name,
            Id = PropertyValue.Of($"ocid1.{name}.oc1..added"),
            Dependencies = ImmutableArray<string>.Empty,
            PropertyDependencies = ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal),
            Protect = false,
            Inputs = inputs,
            Outputs = MapValue.Empty,
        };
    }
}
