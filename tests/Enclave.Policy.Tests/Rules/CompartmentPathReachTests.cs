using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-IAM-080 on a grant in a compartment path (<c>usde-dev:nowhere</c>): the path names a compartment the stack does
/// not declare (a violation) only when every compartment that could be the one it names is known by name and none is.
/// A compartment whose parent is not known may sit anywhere in the tree, so its name counts wherever the path looks.
/// </summary>
public class CompartmentPathReachTests
{
    private const string Grant = "allow group enclave-gatekeepers to read objects in compartment usde-dev:nowhere where all " +
        $"{{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}";

    /// <summary>The compliant enclave, the grant, and (when <paramref name="name"/> is given) a compartment whose parent is unknown.</summary>
    private static FindingStatus Status(GraphPath path, object? name)
    {
        var g = CompliantEnclave.Build();
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(Grant).ToArray());
        if (name is not null)
            g.Add(OciTypes.Compartment, "floating", new { compartmentId = Unknown, name, description = "parent known at deploy" });
        var report = RuleRunner.Run(g, path, "ENC-IAM-080");
        return report.Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    public static TheoryData<GraphPath> Forms => [GraphPath.HandKnownIds, GraphPath.HandUnknownIds];

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_path_no_compartment_can_match_names_an_undeclared_compartment(GraphPath path) =>
        Assert.Equal(FindingStatus.Fail, Status(path, name: null));

    /// <summary>All names known and none is the path's: the compartment with no known parent cannot be it, so still a violation.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void A_compartment_of_another_name_with_an_unknown_parent_does_not_rescue_the_path(GraphPath path) =>
        Assert.Equal(FindingStatus.Fail, Status(path, name: "elsewhere"));

    /// <summary>The path's name on a compartment whose parent is not known: it may be usde-dev's child, so undetermined, not undeclared.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void A_compartment_of_that_name_with_an_unknown_parent_leaves_the_path_undetermined(GraphPath path) =>
        Assert.Equal(FindingStatus.Undetermined, Status(path, name: "nowhere"));

    /// <summary>Neither the parent nor the name known: it may be the compartment the path names.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void A_compartment_with_unknown_parent_and_name_leaves_the_path_undetermined(GraphPath path) =>
        Assert.Equal(FindingStatus.Undetermined, Status(path, name: Unknown));
}
