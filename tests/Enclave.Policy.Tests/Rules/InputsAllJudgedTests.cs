using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-GOV-090 on what a graph builder cannot say: a preview step that gives a closed type no new state.</summary>
public sealed class InputsAllJudgedTests
{
    private static IEnumerable<Finding> Run(Func<ResourceNode, ResourceNode> edit)
    {
        var g = CompliantEnclave.Build();
        var nodes = g.Nodes(idsKnown: true).Select(n => n.Name == "adb" ? edit(n) : n).ToList();
        var graph = new ResourceGraph(g.Stack, GraphBuilder.Project, GraphOrigin.Preview, nodes, "test");
        var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1),
            rules: [RuleCatalogue.Find("ENC-GOV-090")!], undetermined: UndeterminedMode.Warn);
        return report.Findings.Where(f => f.Urn == g.Urn("adb")).Select(f => f.Finding);
    }

    [Fact]
    public void A_database_whose_inputs_the_preview_trimmed_is_undetermined() =>
        Assert.Equal(Verdict.Undetermined, Assert.Single(Run(n => n with { InputsUnknown = true })).Verdict);

    [Fact]
    public void The_compliant_database_passes() =>
        Assert.Equal(Verdict.Pass, Assert.Single(Run(n => n)).Verdict);

    [Fact]
    public void A_key_the_program_never_sets_fails_even_as_a_secret()
    {
        var finding = Assert.Single(Run(n => n with { Inputs = new MapValue(n.Inputs.Fields.SetItem("subscriptionId", PropertyValue.Secret)) }));
        Assert.Equal(Verdict.Fail, finding.Verdict);
        Assert.Contains("subscriptionId", finding.Message.ToString());
    }
}
