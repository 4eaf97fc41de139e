using Enclave.Policy.Network;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Reachability;

namespace Enclave.Policy.Tests.Reachability;

public class ReachabilityRuleCatalogTests
{
    private static IEnumerable<Type> RuleTypes() =>
        typeof(NoInternetPathToData).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(NoInternetPathToData).Namespace && typeof(IRule).IsAssignableFrom(t));

    [Fact]
    public void Reachability_rules_are_discoverable_with_stable_unique_ids()
    {
        var rules = RuleTypes().Select(t =>
        {
            Assert.True(t.IsPublic && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null,
                $"{t.Name} must be public with a parameterless constructor so the catalogue can create it");
            return (IRule)Activator.CreateInstance(t)!;
        }).ToList();

        Assert.Equal(["ENC-NET-101", "ENC-NET-102", "ENC-NET-103"], rules.Select(r => r.Info.Id).Order());
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Rationale));
            Assert.False(string.IsNullOrWhiteSpace(r.Info.Remediation));
            Assert.Equal(Enforcement.Mandatory, r.Info.Enforcement);
        });
    }

    [Fact]
    public void The_rules_share_one_analysis_per_graph_and_policy()
    {
        var graph = NetGraph.TestEnclave().Build();
        var context = new RuleContext(graph, Check.Policy);
        Assert.Same(ReachabilityReport.For(context), ReachabilityReport.For(context));
        var other = new RuleContext(graph, Check.Policy with { OnPremCidrs = ["10.2.0.0/16"] });
        Assert.NotSame(ReachabilityReport.For(context), ReachabilityReport.For(other));
    }
}
