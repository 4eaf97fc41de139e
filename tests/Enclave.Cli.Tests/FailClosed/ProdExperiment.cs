using System.Collections.Immutable;
using Enclave.Cli.Tests.Review;
using Enclave.Offline;
using Enclave.Offline.Planning;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Cli.Tests.FailClosed;

/// <summary>
/// The fail-closed experiments on the shipped prod stack (<see cref="JudgedInputsReadTests"/>,
/// <see cref="IsolationSettingsCoverageTests"/>): prod run offline, copies of its graph with inputs changed, and the
/// verdicts the rules give each copy, compared finding by finding with prod's own.
/// </summary>
internal static class ProdExperiment
{
    /// <summary>Prod, run offline as a plan (<paramref name="preview"/> false) or as a preview.</summary>
    public static Task<OfflineResult> RunAsync(bool preview) =>
        OfflinePlanner.RunAsync(RepoFile.Path(""), "prod", preview, CancellationToken.None);

    /// <summary>
    /// Each finding's verdict, by rule, resource and whether it passed; undetermined findings kept as such (warn), so a
    /// value the rules cannot read shows as a change of verdict.
    /// </summary>
    public static Dictionary<(string Rule, string Urn, string Message), Verdict> Verdicts(ResourceGraph graph, Policy.PolicyContext policy, IReadOnlyList<IRule> rules)
    {
        var result = new Dictionary<(string, string, string), Verdict>();
        foreach (var f in PolicyEvaluator.Evaluate(graph, policy, rules: rules, today: new DateOnly(2026, 11, 29), undetermined: UndeterminedMode.Warn).Findings)
            result[(f.RuleId, f.Urn, f.Finding.Verdict == Verdict.Pass ? "" : "x")] = f.Finding.Verdict;
        return result;
    }

    /// <summary>The graph with its resources replaced (same stack, project, origin and source).</summary>
    public static ResourceGraph With(ResourceGraph graph, ImmutableArray<ResourceNode> resources) =>
        new(graph.Stack, graph.Project, graph.Origin, resources, graph.Source);
}
