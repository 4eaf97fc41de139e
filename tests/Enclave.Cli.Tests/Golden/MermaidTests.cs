using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Cli.Tests.Review;
using Enclave.Offline;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Topology;

namespace Enclave.Cli.Tests.Golden;

/// <summary>Issue 14.4: the firewall diagram parses, shows access from the same evaluator as `enclave access`, and marks what a change adds.</summary>
[Collection(ProgramRunCollection.Name)]
public class MermaidTests
{
    private static readonly string Root = RepoFile.Path("");

    public static TheoryData<string> GoldenDiagrams() => new(Directory.GetFiles(RepoFile.Path("tests/Enclave.Cli.Tests/Golden"), "*.mmd").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(GoldenDiagrams))]
    public void Every_golden_diagram_parses(string file)
    {
        var text = File.ReadAllText(RepoFile.Path($"tests/Enclave.Cli.Tests/Golden/{file}"));
        Assert.Empty(MermaidSyntax.Problems(text));
    }

    [Fact]
    public void The_parser_rejects_what_would_break_a_diagram()
    {
        Assert.NotEmpty(MermaidSyntax.Problems("flowchart LR\n  n1[\"a \"quoted\" name\"]\n"));
        Assert.NotEmpty(MermaidSyntax.Problems("flowchart LR\n  n1[\"a\"]\n  n1 --> n2\n"));
        Assert.NotEmpty(MermaidSyntax.Problems("flowchart LR\n  subgraph g1[\"x\"]\n"));
        Assert.NotEmpty(MermaidSyntax.Problems("flowchart LR\n  n1[\"a|b\"]\n"));
        Assert.Empty(MermaidSyntax.Problems("flowchart LR\n  n1[\"a#124;b\"]\n  n2((\"c\"))\n  n1 -.->|\"read\"| n2\n  linkStyle 0 stroke:#cf222e\n"));
    }

    [Fact]
    public void Labels_from_the_plan_cannot_break_out_of_their_quotes()
    {
        var label = MermaidRenderer.Label("x\"] --> evil[\"<img src=x onerror=alert(1)>`%%{init}%%|\n");
        Assert.DoesNotContain('"', label);
        Assert.DoesNotContain('<', label);
        Assert.DoesNotContain('|', label);
        Assert.DoesNotContain('\n', label);
        Assert.Empty(MermaidSyntax.Problems($"flowchart LR\n  n1[\"{label}\"]\n"));
    }

    [Fact]
    public async Task Prod_draws_compartments_networks_data_and_the_access_of_enclave_access()
    {
        var mermaid = await GoldenPlanTests.Render("prod", "mermaid");
        Assert.Contains("subgraph g", mermaid);
        Assert.Contains("[\"compartment usde-prod-network-cmp\"]", mermaid);
        Assert.Contains("[\"VCN network-vcn 10.30.0.0/16 · us-ashburn-1\"]", mermaid);
        Assert.Contains("{{\"service gateway network-service-gateway\"}}", mermaid);
        Assert.Contains("[(\"database database-adb · us-ashburn-1\")]", mermaid);
        // The gatekeepers' access, collapsed into one edge per compartment, conditional (network source and MFA): dotted.
        Assert.Matches("n[0-9]+ -\\.->\\|\"manage [^\"]*\"\\| g[0-9]+", mermaid);
        Assert.Contains("([\"group UsdsEnclave/usde-prod-gatekeepers\"])", mermaid);
        // Readable at prod size: a few dozen edges, not one per statement and resource.
        Assert.InRange(mermaid.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal) || l.Contains("-.-", StringComparison.Ordinal) || l.Contains("==>", StringComparison.Ordinal)), 10, 60);
    }

    [Fact]
    public async Task A_new_grant_is_a_highlighted_edge_in_the_diagram_of_a_change()
    {
        var run = await OfflinePlanner.RunAsync(Root, "prod");
        var before = run.Graph;
        var policy = before.Resources.Single(r => r.Name == "iam-storage-admins" && r.Type == "oci:Identity/policy:Policy");
        var statements = policy.Inputs["statements"].AsList().Add(PropertyValue.Of(
            $"allow group 'UsdsEnclave'/'usde-prod-auditors' to manage autonomous-databases in compartment id {before.Resources.Single(r => r.Name == "tenancy-database").Id.AsString()}"));
        var after = new ResourceGraph(before.Stack, before.Project, before.Origin,
            before.Resources.Select(r => ReferenceEquals(r, policy) ? r with { Inputs = new MapValue(r.Inputs.Fields.SetItem("statements", new ListValue(statements))) } : r))
        { Fabricated = before.Fabricated };
        var diagram = TopologyDiagram.Compare(FirewallTopology.Build(before, run.Policy), FirewallTopology.Build(after, run.Policy),
            DiffEngine.Compare(before, after));

        var added = Assert.Single(diagram.Edges, e => e.Change == Change.Added);
        Assert.Equal("principal:group UsdsEnclave/usde-prod-auditors", added.Edge.From);
        Assert.Contains("manage 2 databases", added.Edge.Label);
        Assert.Equal(EdgeKind.AccessViolation, added.Edge.Kind); // auditors may not manage the database: red
        var mermaid = MermaidRenderer.Render(diagram);
        Assert.Empty(MermaidSyntax.Problems(mermaid));
        Assert.Contains("|\"new: manage 2 databases", mermaid);
        Assert.Contains("stroke:#1a7f37,stroke-width:3px", mermaid);
    }
}
