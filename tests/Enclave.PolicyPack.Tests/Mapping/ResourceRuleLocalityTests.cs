using Enclave.Offline.Planning;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Tests.Conformance;
using Enclave.PolicyPack.Tests.EngineSide;

namespace Enclave.PolicyPack.Tests.Mapping;

/// <summary>
/// A rule of scope <see cref="RuleScope.Resource"/> judges a resource in the engine from what <c>Analyze</c> shows (the
/// resource's inputs, options and provider, nothing else). That is only sound if the rule's verdict on a resource never
/// depends on other resources: here every such rule, on every resource of the shipped stacks and the violating
/// variants, must give the same verdict on the resource alone (as the pack maps an engine request) as in its stack.
/// </summary>
public sealed class ResourceRuleLocalityTests
{
    public static TheoryData<string> Graphs() => [.. Stacks.Shipped, .. ViolationTests.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Graphs))]
    public async Task Resource_rules_judge_a_resource_alone_as_they_judge_it_in_its_stack(string name)
    {
        var (prod, config) = await Stacks.PreviewAsync(Stacks.Shipped.Contains(name) ? name : "prod");
        var variant = ViolationTests.All.FirstOrDefault(v => v.Name == name);
        var graph = variant is null ? prod : variant.Apply(prod).Graph;
        var policy = StackContext.LoadPolicy(PackProcess.RepoRoot, config.Stack);
        var rules = RuleCatalogue.All.Where(r => r.Info.Scope == RuleScope.Resource).ToList();
        Assert.NotEmpty(rules);

        var inStack = Judged(PolicyEvaluator.Evaluate(graph, policy, rules: rules));
        var requests = new EngineRequests(graph, config);
        var identity = new StackIdentity(graph.Stack, graph.Project, GraphOrigin.Preview, policy.DeploymentRegion);
        var differences = new List<string>();
        var judgedAlone = 0;
        foreach (var node in requests.Registered)
        {
            var single = AnalyzerGraphs.Single(requests.Analyze(node), identity);
            var alone = Judged(PolicyEvaluator.Evaluate(single, policy, rules: rules)).Where(v => v.Urn == node.Urn).ToHashSet();
            var expected = inStack.Where(v => v.Urn == node.Urn).ToHashSet();
            judgedAlone += alone.Count;
            differences.AddRange(expected.Except(alone).Select(v => $"in its stack only: {v}"));
            differences.AddRange(alone.Except(expected).Select(v => $"alone only: {v}"));
        }
        Assert.Empty(differences);
        Assert.True(judgedAlone > 0, "no resource rule judged anything");
    }

    private static HashSet<(string Rule, string Urn, Enclave.Policy.Rules.Verdict Verdict)> Judged(PolicyReport report) =>
        report.Findings.Where(f => f.Urn != Scope.StackUrnOf(report)).Select(f => (f.RuleId, f.Urn, f.Finding.Verdict)).ToHashSet();
}

file static class Scope
{
    /// <summary>Findings on the stack itself ("none declared") are not about any one resource.</summary>
    public static string StackUrnOf(PolicyReport report) => Policy.Loaders.UrnParts.StackUrn(report.Stack, report.Project);
}
