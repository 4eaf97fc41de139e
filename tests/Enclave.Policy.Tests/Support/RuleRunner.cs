using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Tests.Support;

/// <summary>The four ways a scenario reaches the rules: hand-written graph with known or unknown ids, stack export JSON, preview JSON.</summary>
public enum GraphPath { HandKnownIds, HandUnknownIds, StackExportJson, PreviewJson }

public static class RuleRunner
{
    public static readonly GraphPath[] AllPaths = Enum.GetValues<GraphPath>();

    public static ResourceGraph Graph(GraphBuilder g, GraphPath path) => path switch
    {
        GraphPath.HandKnownIds => g.Build(idsKnown: true),
        GraphPath.HandUnknownIds => g.Build(idsKnown: false, GraphOrigin.Preview),
        GraphPath.StackExportJson => ArtifactLoader.Parse(PulumiJson.Bytes(PulumiJson.Export(g)), "export.json").Graph,
        _ => ArtifactLoader.Parse(PulumiJson.Bytes(PulumiJson.Preview(g)), "preview.json").Graph,
    };

    /// <summary>
    /// The rules' own three-valued verdicts (undetermined stays undetermined whatever the artifact): rule tests judge
    /// what a rule can and cannot decide; the gate's fail-closed counting is tested on its own (FailClosedTests).
    /// </summary>
    public static PolicyReport Run(GraphBuilder g, GraphPath path, string? ruleId = null, PolicyContext? policy = null,
        UndeterminedMode undetermined = UndeterminedMode.Warn)
    {
        IReadOnlyList<IRule>? rules = ruleId is null ? null : [Fresh(ruleId)];
        return PolicyEvaluator.Evaluate(Graph(g, path), policy ?? CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1), rules: rules,
            undetermined: undetermined);
    }

    /// <summary>
    /// The verdict rule <paramref name="ruleId"/> gives <paramref name="resource"/> (the stack's own finding when null) on
    /// the hand-built graph with known ids (or the graph as <paramref name="path"/> makes it); null when the rule says
    /// nothing about it (a resource it does not judge).
    /// </summary>
    public static FindingStatus? Status(GraphBuilder g, string ruleId, string? resource, PolicyContext? policy = null,
        GraphPath path = GraphPath.HandKnownIds)
    {
        var report = Run(g, path, ruleId, policy);
        var urn = resource is null ? report.Findings.First(f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal)).Urn : g.Urn(resource);
        return report.Findings.Where(f => f.Urn == urn).Select(f => (FindingStatus?)f.Status).SingleOrDefault();
    }

    /// <summary>
    /// A new instance of the catalogue's rule <paramref name="ruleId"/>, not the catalogue's shared one: a rule's tables
    /// (pinned settings, allowed values) are made in its constructor, and a shared instance is made once, by whichever
    /// test first touches the catalogue. A mutation run with per-test coverage then credits every mutant of those tables
    /// to that one test and never runs the rule's own cases against them (docs/testing.md, "false survivors").
    /// </summary>
    public static IRule Fresh(string ruleId)
    {
        var shared = RuleCatalogue.Find(ruleId) ?? throw new ArgumentException($"no rule {ruleId}");
        return (IRule)Activator.CreateInstance(shared.GetType())!;
    }

    public static string Describe(PolicyReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Status} {f.RuleId} {f.Urn}: {f.Finding.Message}"));
}
