using System.Collections.Immutable;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16: the real gaps among the survivors of the `Rules/Network` slice of 14:20 (ENC-NET-006 default security
/// list, ENC-NET-115 placements; docs/testing.md, "Surviving mutants"), each killed by a verdict a user sees.
/// </summary>
public class NetworkPlacementSurvivorTests
{
    /// <summary>The verdict of <paramref name="ruleId"/> on <paramref name="resource"/> after <paramref name="edit"/> of the built nodes.</summary>
    private static FindingStatus? StatusOfNodes(GraphBuilder g, string ruleId, string resource, Func<ResourceNode, ResourceNode> edit,
        PolicyContext? policy = null)
    {
        var nodes = g.Nodes(idsKnown: true).Select(edit).ToList();
        var graph = new ResourceGraph(g.Stack, Project, GraphOrigin.Preview, nodes, "test");
        var report = PolicyEvaluator.Evaluate(graph, policy ?? CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1),
            rules: [Fresh(ruleId)], undetermined: UndeterminedMode.Warn);
        return report.Findings.Where(f => f.Urn == g.Urn(resource)).Select(f => (FindingStatus?)f.Status).SingleOrDefault();
    }

    private static ResourceNode SetInput(ResourceNode n, string key, PropertyValue value, params string[] dependsOn) => n with
    {
        Inputs = new MapValue(n.Inputs.Fields.SetItem(key, value)),
        PropertyDependencies = dependsOn.Length == 0 ? n.PropertyDependencies.Remove(key) : n.PropertyDependencies.SetItem(key, [.. dependsOn]),
    };

    // ENC-NET-006: which DefaultSecurityList takes over a VCN's default list.

    /// <summary>
    /// A manager written with the default list's OCID itself (no recorded lineage: an imported or hand-written stack)
    /// manages that VCN's list; an OCID of another list leaves the VCN's default (SSH from anywhere) in place.
    /// </summary>
    [Theory]
    [InlineData("ocid1.securitylist.oc1.iad.default", FindingStatus.Pass)]
    [InlineData("ocid1.securitylist.oc1.iad.anothervcnsdefault", FindingStatus.Fail)]
    public void A_default_list_named_by_its_literal_ocid_is_managed_only_when_it_is_the_vcns(string manages, FindingStatus expected)
    {
        var g = CompliantEnclave.Build().With("default-sl", "manageDefaultResourceId", manages);
        Assert.Equal(expected, Status(g, "ENC-NET-006", "vcn"));
    }

    /// <summary>
    /// A manager built from the VCN whose value the gate cannot read (a secret) may or may not manage it: the VCN is
    /// undetermined, neither passed as managed nor failed as unmanaged.
    /// </summary>
    [Fact]
    public void A_manager_built_from_the_vcn_whose_value_is_secret_leaves_the_vcn_undetermined()
    {
        var g = CompliantEnclave.Build();
        var vcn = g.Urn("vcn");
        Assert.Equal(FindingStatus.Undetermined, StatusOfNodes(g, "ENC-NET-006", "vcn",
            n => n.Name == "default-sl" ? SetInput(n, "manageDefaultResourceId", PropertyValue.Secret, vcn) : n));
    }

    // ENC-NET-115: the database in the data subnet, the Bastion and Data Safe's endpoint in the admin subnet.

    /// <summary>A database with no subnet is no private-endpoint database: it fails, it is not skipped.</summary>
    [Theory]
    [InlineData("adb", "subnetId")]
    [InlineData("bastion", "targetSubnetId")]
    [InlineData("ds-pe", "subnetId")]
    public void A_placement_without_its_subnet_fails(string resource, string key)
    {
        var g = CompliantEnclave.Build();
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-115", resource));
        g.With(resource, key, null);
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-115", resource));
    }

    /// <summary>Without the subnet ranges in the stack config no placement can be told right: each is undetermined.</summary>
    [Theory]
    [InlineData("adb")]
    [InlineData("bastion")]
    [InlineData("ds-pe")]
    public void Without_the_stacks_subnet_plan_every_placement_is_undetermined(string resource)
    {
        var policy = CompliantEnclave.Policy with { Subnets = null };
        Assert.Equal(FindingStatus.Undetermined, Status(CompliantEnclave.Build(), "ENC-NET-115", resource, policy));
    }

    /// <summary>A database whose inputs a trimmed preview step does not show may sit anywhere: undetermined, not failed as unplaced.</summary>
    [Fact]
    public void A_database_whose_inputs_the_preview_trimmed_is_undetermined()
    {
        var g = CompliantEnclave.Build();
        Assert.Equal(FindingStatus.Undetermined, StatusOfNodes(g, "ENC-NET-115", "adb", n => n.Name == "adb"
            ? n with { InputsUnknown = true, Inputs = new MapValue(n.Inputs.Fields.Remove("subnetId")), PropertyDependencies = n.PropertyDependencies.Remove("subnetId") }
            : n));
    }

    /// <summary>
    /// The stack-level "nothing to place" pass is given only to a stack without any database, Bastion or Data Safe
    /// endpoint: a stack that has them is judged per resource, never also reported as having nothing to place.
    /// </summary>
    [Fact]
    public void Only_a_stack_with_nothing_to_place_passes_as_such()
    {
        static IEnumerable<FindingStatus> OnTheStack(GraphBuilder g) => Run(g, GraphPath.HandKnownIds, "ENC-NET-115").Findings
            .Where(f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal)).Select(f => f.Status);
        Assert.Empty(OnTheStack(CompliantEnclave.Build()));
        var empty = new GraphBuilder();
        empty.Add(OciTypes.Stack, $"{Project}-dev");
        empty.Add(OciTypes.Vcn, "vcn", new { cidrBlocks = new[] { "10.0.0.0/16" } });
        Assert.Equal([FindingStatus.Pass], OnTheStack(empty));
    }
}
