using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// What <c>enclave plan</c> produces: a stack's resources as the program declares them (preview semantics:
/// values decided at deploy time are unknown) and the policy verdict on them. Written as JSON by
/// <see cref="PlanJsonWriter"/> (format documented in docs/review-workflow.md), read back by
/// <see cref="PlanJsonReader"/>, rendered by <see cref="PlanTextRenderer"/> and <see cref="PlanMarkdownRenderer"/>.
/// </summary>
public sealed record PlanDocument(string Stack, string Project, ImmutableArray<ResourceNode> Resources, PolicySummary Policy)
{
    /// <summary>
    /// Version 2 writes references, lookups, clock dates and assigned values as markers instead of the offline run's
    /// stand-ins (docs/review-workflow.md); version 1 documents, which hold the stand-ins, are still read.
    /// </summary>
    public const int FormatVersion = 2;
    public const int OldestReadableVersion = 1;
    public const string Kind = "enclave-plan";

    /// <summary>The stand-ins of the offline run (null for a plan of a real cloud's values).</summary>
    public FabricatedValues? Fabricated { get; init; }

    /// <summary>A plan of <paramref name="graph"/> (its resources are already sorted by URN).</summary>
    public static PlanDocument Create(ResourceGraph graph, PolicySummary policy) =>
        new(graph.Stack, graph.Project, graph.Resources, policy) { Fabricated = graph.Fabricated };

    /// <summary>The plan as a graph for the diff engine and the rules.</summary>
    public ResourceGraph ToGraph(string? source = null) =>
        new(Stack, Project, GraphOrigin.Plan, Resources, source) { Fabricated = Fabricated };
}
