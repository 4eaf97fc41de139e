using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The reverse query reads only the statements that may bear on it (by resource type and by where their location
/// sits in the tree); these pin down that the narrowing never drops one that a full reading would list.
/// </summary>
public sealed class StatementIndexTests
{
    private const string Root = "tenancy";
    private const string Enclave = "urn:cmp:enclave";
    private const string A = "urn:cmp:a";
    private const string A1 = "urn:cmp:a1";
    private const string B = "urn:cmp:b";
    private const string Orphan = "urn:cmp:orphan";

    private static AccessEvaluator Tree() => new(new IamModel(new CompartmentInfo(Root, "ocid1.tenancy.oc1..t", "root", null))
    {
        Compartments =
        [
            new(Enclave, "ocid1.compartment.oc1..enclave", "enclave", Root),
            new(A, "ocid1.compartment.oc1..a", "a", Enclave),
            new(A1, "ocid1.compartment.oc1..a1", "a1", A),
            new(B, "ocid1.compartment.oc1..b", "b", Enclave),
            new(Orphan, "ocid1.compartment.oc1..orphan", "orphan", "urn:cmp:missing"),
            new("urn:cmp:c", null, "c", Enclave),
        ],
        Policies =
        [
            new("root", Root,
            [
                "allow group tenancy-wide to read objects in tenancy",
                "allow group on-a to read object-family in compartment enclave:a",
                "allow group on-b to read objects in compartment id ocid1.compartment.oc1..b",
                "allow group by-unknown-id to read objects in compartment id ocid1.compartment.oc1..elsewhere",
                "allow group below-enclave to read objects in compartment enclave:nowhere",
                "allow group vaults-only to read vaults in tenancy",
                "allow group on-a1-deny-scope to manage all-resources in compartment enclave:a:a1",
                "this is not a statement",
            ]),
            new("floating", null, ["allow group anywhere to read objects in compartment somewhere"]),
            new("on-enclave", Enclave, [
                "allow group relative-a to read buckets in compartment a",
                "deny group on-a to read objects in compartment b",
            ]),
        ],
    });

    private static string[] Grants(AccessEvaluator e, string compartment, string type = "objects") =>
        [.. e.WhoMay(Verb.Read, type, compartment).Grants.Select(g => g.Subject.Display).Order()];

    [Fact]
    public void A_leaf_compartment_is_reached_by_its_ancestors_the_root_and_whatever_cannot_be_placed()
    {
        Assert.Equal(
        [
            "anyone (statement unknown or unreadable)",
            "group anywhere",
            "group below-enclave",
            "group on-a",
            "group on-a1-deny-scope",
            "group tenancy-wide",
        ], Grants(Tree(), A1));
    }

    [Fact]
    public void A_sibling_is_not_reached_by_statements_on_the_other_branch_and_a_deny_on_it_is_listed()
    {
        var e = Tree();
        Assert.Equal(
        [
            "anyone (statement unknown or unreadable)",
            "group anywhere",
            "group below-enclave",
            "group on-b",
            "group tenancy-wide",
        ], Grants(e, B));
        // The unreadable statement may deny too, anywhere.
        Assert.Equal(["anyone (statement unknown or unreadable)", "group on-a"],
            e.WhoMay(Verb.Read, "objects", B).Denies.Select(d => d.Subject.Display).Order());
        Assert.Equal(["anyone (statement unknown or unreadable)"], e.WhoMay(Verb.Read, "objects", A1).Denies.Select(d => d.Subject.Display));
    }

    [Fact]
    public void A_statement_on_an_ocid_the_model_lacks_reaches_a_compartment_whose_ocid_is_unknown_and_no_other()
    {
        var e = Tree();
        Assert.Contains("group by-unknown-id", Grants(e, "urn:cmp:c"));
        Assert.DoesNotContain("group by-unknown-id", Grants(e, A1));
    }

    [Fact]
    public void The_type_narrows_too_and_a_family_grant_reaches_its_members()
    {
        var e = Tree();
        Assert.Equal(["anyone (statement unknown or unreadable)", "group on-a", "group on-a1-deny-scope", "group relative-a"],
            Grants(e, A1, "buckets"));
        Assert.Equal(["anyone (statement unknown or unreadable)", "group vaults-only"], Grants(e, A, "vaults"));
    }

    [Fact]
    public void A_compartment_whose_place_is_unknown_is_asked_of_every_statement_of_the_type()
    {
        var e = Tree();
        var orphan = Grants(e, Orphan);
        foreach (var who in new[] { "group on-a", "group on-b", "group on-a1-deny-scope", "group tenancy-wide", "group anywhere" })
            Assert.Contains(who, orphan);
        Assert.DoesNotContain("group vaults-only", orphan);
        // A compartment the model does not have at all, and no compartment: the same.
        Assert.Contains("group on-b", Grants(e, "ocid1.compartment.oc1..notinthemodel"));
        Assert.Contains(e.WhoMay(Verb.Read, "objects", null).Grants, g => g.Subject.Display == "group on-a1-deny-scope");
    }

    [Fact]
    public void Asking_twice_and_asking_per_principal_give_the_same_answers()
    {
        var e = Tree();
        Assert.Equal(Grants(e, A1), Grants(e, A1));
        Assert.True(e.MayAllow(Principal.GroupMember("on-a"), Verb.Read, "objects", A1).MayAllow);
        // on-b's own grant does not reach a1 (only the unreadable and unplaceable statements might).
        Assert.DoesNotContain(e.MayAllow(Principal.GroupMember("on-b"), Verb.Read, "objects", A1).Grants,
            g => g.Statement.Text!.Contains("group on-b", StringComparison.Ordinal));
        Assert.Equal(AccessOutcome.DeniedByDeny, e.MayAllow(Principal.GroupMember("on-a"), Verb.Read, "objects", B).Outcome);
    }
}
