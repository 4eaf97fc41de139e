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
    public const int FormatVersion = 1;
    public const string Kind = "enclave-plan";

    /// <summary>A plan of <paramref name="graph"/> (its resources are already sorted by URN).</summary>
    public static PlanDocument Create(ResourceGraph graph, PolicySummary policy) =>
        new(graph.Stack, graph.Project, graph.Resources, policy);

    /// <summary>The plan as a graph for the diff engine and the rules.</summary>
    public ResourceGraph ToGraph(string? source = null) => new(Stack, Project, GraphOrigin.Plan, Resources, source);
}
