using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Groups by name, domain and OCID; dynamic groups by matching rule; any-group; opaque statements.</summary>
public sealed class SubjectMatchingTests
{
    [Fact]
    public void Domain_qualified_groups_match_only_in_their_domain()
    {
        var lz = Evaluator(RootPolicy("allow group 'Gatekeepers'/'data-stewards' to manage policies in tenancy"));
        Assert.True(lz.MayAllow(Principal.GroupMember("data-stewards", "gatekeepers"), Verb.Manage, "policies", Root).Definite);
        Assert.False(lz.MayAllow(Principal.GroupMember("data-stewards"), Verb.Manage, "policies", Root).MayAllow);
    }

    [Fact]
    public void No_domain_means_the_default_domain()
    {
        var lz = Evaluator(RootPolicy("allow group stewards to read buckets in tenancy"));
        Assert.True(lz.MayAllow(Principal.GroupMember("Stewards", "Default"), Verb.Read, "buckets", AppDev).Definite);
        Assert.False(lz.MayAllow(Principal.GroupMember("stewards", "Gatekeepers"), Verb.Read, "buckets", AppDev).MayAllow);
    }

    [Fact]
    public void Group_by_ocid_matches_a_principal_known_by_name_through_the_model()
    {
        var lz = Evaluator(RootPolicy("allow group id ocid1.group.oc1..auditor to read objects in tenancy"));
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "objects", AppDev).Definite);
        Assert.False(lz.MayAllow(Member("lz-iam-admin-group"), Verb.Read, "objects", AppDev).MayAllow);
        Assert.False(lz.MayAllow(Member("not-in-model"), Verb.Read, "objects", AppDev).MayAllow);
    }

    [Fact]
    public void Group_by_an_ocid_the_model_lacks_may_be_any_group_known_only_by_name()
    {
        var lz = Evaluator(RootPolicy("allow group id ocid1.group.oc1..unmodelled to read objects in tenancy"));
        var unmapped = lz.MayAllow(Member("not-in-model"), Verb.Read, "objects", AppDev);
        Assert.True(unmapped.MayAllow);
        Assert.False(unmapped.Definite);
        Assert.False(lz.MayAllow(Principal.User(new IamGroup("x", null, "ocid1.group.oc1..other")), Verb.Read, "objects", AppDev).MayAllow);
    }

    [Fact]
    public void Group_by_name_matches_a_principal_known_by_ocid_through_the_model()
    {
        var lz = Evaluator();
        var byId = Principal.User(new IamGroup(null, null, "ocid1.group.oc1..auditor"));
        Assert.True(lz.MayAllow(byId, Verb.Read, "buckets", AppDev).Definite);
    }

    [Fact]
    public void Incomplete_membership_makes_other_groups_statements_possible()
    {
        var lz = Evaluator();
        var someone = Principal.GroupMember("lz-auditor-group") with { MembershipComplete = false };
        var d = lz.MayAllow(someone, Verb.Manage, "vcns", Network);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        Assert.Equal(AccessOutcome.No, lz.MayAllow(Member("lz-auditor-group"), Verb.Manage, "vcns", Network).Outcome);
    }

    [Fact]
    public void Several_groups_in_one_statement_each_match()
    {
        var lz = Evaluator(RootPolicy("allow group a, 'Dom'/'b', id ocid1.group.oc1..auditor to read objects in tenancy"));
        Assert.True(lz.MayAllow(Member("a"), Verb.Read, "objects", AppDev).Definite);
        Assert.True(lz.MayAllow(Principal.GroupMember("b", "Dom"), Verb.Read, "objects", AppDev).Definite);
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "objects", AppDev).Definite);
        Assert.False(lz.MayAllow(Member("b"), Verb.Read, "objects", AppDev).MayAllow);
    }

    [Fact]
    public void Dynamic_groups_match_through_their_matching_rules()
    {
        var lz = Evaluator(RootPolicy("allow dynamic-group database-kms-dynamic-group to use keys in compartment lz-top-cmp:lz-security-cmp"));
        Assert.True(lz.MayAllow(Principal.Resource("autonomousdatabase", LandingZone.DatabaseId), Verb.Use, "keys", Security).Definite);
        Assert.False(lz.MayAllow(Principal.Resource("autonomousdatabase", LandingZone.AppDevId), Verb.Use, "keys", Security).MayAllow);
        var unknownPlace = lz.MayAllow(Principal.Resource("autonomousdatabase", null), Verb.Use, "keys", Security);
        Assert.True(unknownPlace.MayAllow);
        Assert.False(unknownPlace.Definite);
        Assert.True(lz.MayAllow(Principal.DynamicGroupMember("database-kms-dynamic-group"), Verb.Use, "keys", Security).Definite);
        Assert.False(lz.MayAllow(Member("database-kms-dynamic-group"), Verb.Use, "keys", Security).MayAllow);
    }

    [Fact]
    public void A_dynamic_group_missing_from_the_model_may_contain_any_resource()
    {
        var lz = Evaluator(RootPolicy("allow dynamic-group not-modelled to use keys in tenancy"));
        var d = lz.MayAllow(Principal.Resource("instance", LandingZone.AppDevId), Verb.Use, "keys", Security);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
    }

    [Fact]
    public void Any_group_covers_group_and_dynamic_group_members_but_not_services_or_groupless_users()
    {
        var lz = Evaluator(RootPolicy("allow any-group to inspect compartments in tenancy"));
        Assert.True(lz.MayAllow(Member("x"), Verb.Inspect, "compartments", Root).Definite);
        Assert.True(lz.MayAllow(Principal.Resource("fnfunc", LandingZone.SecurityId), Verb.Inspect, "compartments", Root).Definite);
        Assert.False(lz.MayAllow(Principal.Service("blockstorage"), Verb.Inspect, "compartments", Root).MayAllow);
        Assert.False(lz.MayAllow(Principal.AnyUser, Verb.Inspect, "compartments", Root).MayAllow);
        Assert.True(lz.MayAllow(Principal.Foreign(ParentTenancy), Verb.Inspect, "compartments", Root).MayAllow);
    }

    [Fact]
    public void Any_user_covers_everyone_including_services_and_foreign_principals()
    {
        var lz = Evaluator(RootPolicy("allow any-user to inspect compartments in tenancy"));
        foreach (var p in new[] { Principal.AnyUser, Principal.Service("x"), Principal.Foreign(null), Principal.Resource(null, null) })
            Assert.True(lz.MayAllow(p, Verb.Inspect, "compartments", Root).Definite, p.ToString());
    }

    [Fact]
    public void Statements_unknown_until_deploy_may_grant_and_deny_anything()
    {
        var lz = Evaluator(new IamPolicy("preview", Root, ["allow group a to read buckets in tenancy", null]));
        var d = lz.MayAllow(Member("parent-admins"), Verb.Manage, "keys", Security);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        Assert.Contains("unknown until deploy", Assert.Single(d.Grants).Notes[0]);
        var a = lz.MayAllow(Member("a"), Verb.Read, "buckets", AppDev);
        Assert.False(a.Definite);
        Assert.Single(a.PossibleDenies);
    }

    [Fact]
    public void A_wholly_unknown_statement_list_is_one_opaque_statement()
    {
        var lz = Evaluator(new IamPolicy("preview", Root, null));
        Assert.Single(lz.Policies.Unknown);
        Assert.True(lz.MayAllowAnything(Member("parent-admins")).MayAllow);
    }

    [Fact]
    public void Unreadable_statements_are_reported_and_judged_by_their_first_word()
    {
        var lz = Evaluator(RootPolicy("allow group parent-admins manage all-resources in tenancy", "deny group x to frobnicate"));
        var malformed = lz.Policies.Malformed.ToList();
        Assert.Equal(2, malformed.Count);
        var d = lz.MayAllow(Member("someone"), Verb.Read, "buckets", AppDev);
        var grant = Assert.Single(d.Grants);
        Assert.Contains("expected 'to' after the subject at column 27", grant.Notes[0]);
        Assert.Equal(malformed[1], Assert.Single(d.PossibleDenies).Statement);
    }
}
