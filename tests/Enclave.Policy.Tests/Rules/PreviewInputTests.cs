using Enclave.Policy.Engine;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Iam;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// A preview of a new resource carries its inputs and, for every output, the unknown sentinel. An optional input the
/// program did not set is absent from the inputs: rules must judge that (nothing set), not the uncomputed output. Only
/// inputs the provider computes when unset (e.g. standbyWhitelistedIps) are genuinely not known until deploy.
/// </summary>
public class PreviewInputTests
{
    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    private static FindingStatus StatusOf(GraphBuilder g, string ruleId, string resource, GraphPath path) =>
        RuleRunner.Run(g, path, ruleId).Findings.Single(f => f.Urn == g.Urn(resource)).Status;

    /// <summary>Marks outputs of a resource as uncomputed, as a preview of its creation shows them.</summary>
    private static GraphBuilder Uncomputed(GraphBuilder g, string resource, params string[] outputs)
    {
        foreach (var key in outputs)
        {
            Assert.False(g[resource].Inputs.ContainsKey(key), $"{resource}.{key} must be unset for this test");
            g[resource].Outputs[key] = Unknown;
        }
        return g;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Unset_access_list_is_judged_as_none_not_as_its_uncomputed_output(GraphPath path)
    {
        var g = Uncomputed(CompliantEnclave.Build().With("adb", "standbyWhitelistedIps", Array.Empty<string>()), "adb", "whitelistedIps");
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-DB-006", "adb", path));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Unset_standby_access_list_is_computed_by_the_provider_so_undetermined_in_a_preview(GraphPath path)
    {
        var g = Uncomputed(CompliantEnclave.Build(), "adb", "whitelistedIps", "standbyWhitelistedIps");
        Assert.Equal(FindingStatus.Undetermined, StatusOf(g, "ENC-DB-006", "adb", path));
        g.With("adb", "standbyWhitelistedIps", new[] { "0.0.0.0/0" });
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-DB-006", "adb", path));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Security_list_without_ingress_rules_is_judged_from_its_inputs(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g["data-sl"].Inputs.Remove("ingressSecurityRules");
        Uncomputed(g, "data-sl", "ingressSecurityRules");
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-NET-005", "data-sl", path));
        g.With("data-sl", "ingressSecurityRules", new[] { new { protocol = "6", source = "0.0.0.0/0" } });
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-NET-005", "data-sl", path));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Default_security_list_stated_without_rules_is_empty_in_a_preview(GraphPath path)
    {
        var g = Uncomputed(CompliantEnclave.Build(), "default-sl", "ingressSecurityRules", "egressSecurityRules");
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-NET-006", "vcn", path));
    }

    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.HandUnknownIds)]
    [InlineData(GraphPath.PreviewJson)]
    public void A_logs_compartment_is_its_groups_when_its_computed_compartment_is_not_known_yet(GraphPath path)
    {
        var g = Uncomputed(CompliantEnclave.Build(), "flow-data", "compartmentId");
        var graph = RuleRunner.Graph(g, path);
        var view = IamView.For(new RuleContext(graph, CompliantEnclave.Policy));
        var group = view.CompartmentKeyOf(graph.ByUrn(g.Urn("logs"))!);
        Assert.NotNull(group);
        Assert.Equal(group, view.CompartmentKeyOf(graph.ByUrn(g.Urn("flow-data"))!));
    }
}
