using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>What the Landing Zone statements grant, and what they do not (reference §2.3 against §3.4).</summary>
public sealed class LandingZoneAccessTests
{
    private readonly AccessEvaluator _lz = Evaluator();

    [Fact]
    public void The_landing_zone_model_has_no_diagnostics_and_every_statement_parses()
    {
        Assert.Empty(_lz.Diagnostics);
        Assert.Empty(_lz.Policies.Malformed);
    }

    [Fact]
    public void Iam_admin_may_manage_groups_only_conditionally()
    {
        var d = _lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "groups", Root);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        var grant = Assert.Single(d.Grants);
        Assert.Equal(Truth.Unknown, grant.Condition);
        Assert.Equal(2, grant.Statement.Index);
        Assert.Equal("urn:policy:iam-admin[2]", grant.Statement.Reference);
        Assert.Contains(grant.Notes, n => n.Contains("target.group.name"));
    }

    [Fact]
    public void Iam_admin_may_not_manage_the_administrators_group()
    {
        var administrators = AccessContext.With(("target.group.name", "administrators"));
        Assert.Equal(AccessOutcome.No, _lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "groups", Root, administrators).Outcome);
        var other = AccessContext.With(("target.group.name", "lz-appdev-admin-group"));
        Assert.True(_lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "groups", Root, other).Definite);
    }

    [Fact]
    public void Iam_admin_inspects_users_definitely_but_gets_nothing_on_the_network()
    {
        Assert.True(_lz.MayAllow(Member("lz-iam-admin-group"), Verb.Inspect, "users", Database).Definite);
        Assert.Equal(AccessOutcome.No, _lz.MayAllow(Member("lz-iam-admin-group"), Verb.Read, "vcns", LandingZoneModel.Network).Outcome);
    }

    [Fact]
    public void Iam_admin_manages_policies_only_inside_the_enclosing_compartment()
    {
        Assert.True(_lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "policies", Security).Definite);
        Assert.True(_lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "policies", Top).Definite);
        Assert.False(_lz.MayAllow(Member("lz-iam-admin-group"), Verb.Manage, "policies", Root).MayAllow);
    }

    [Theory]
    [InlineData(Verb.Inspect, "buckets", true)]
    [InlineData(Verb.Inspect, "autonomous-databases", true)]
    [InlineData(Verb.Read, "buckets", true)]
    [InlineData(Verb.Read, "keys", true)]
    [InlineData(Verb.Read, "objects", false)]
    [InlineData(Verb.Read, "autonomous-databases", false)]
    [InlineData(Verb.Use, "keys", false)]
    [InlineData(Verb.Manage, "buckets", false)]
    public void Auditor_only_inspects_and_reads(Verb verb, string type, bool allowed)
    {
        var d = _lz.MayAllow(Member("lz-auditor-group"), verb, type, AppDev);
        Assert.Equal(allowed, d.MayAllow);
        if (allowed) Assert.True(d.Definite);
    }

    [Fact]
    public void Auditor_ons_condition_of_negated_patterns_under_any_is_always_true()
    {
        // any {op != /Create*/, op != /Update*/, …}: one operation fails at most one branch, so the
        // Landing Zone statement does not stop a CreateTopic. Kleene OR over patterns shows it.
        var create = AccessContext.With(("request.operation", "CreateTopic"));
        Assert.True(_lz.MayAllow(Member("lz-auditor-group"), Verb.Use, "ons-topics", Security, create).Definite);
        var unknown = _lz.MayAllow(Member("lz-auditor-group"), Verb.Use, "ons-topics", Security);
        Assert.Equal(Truth.Unknown, Assert.Single(unknown.Grants).Condition);
    }

    [Fact]
    public void Service_connector_any_user_statement_is_conditioned_on_principal_type()
    {
        Assert.Equal(AccessOutcome.No, _lz.MayAllow(Member("lz-appdev-admin-group"), Verb.Manage, "objects", Root).Outcome);
        Assert.False(_lz.MayAllow(Principal.AnyUser, Verb.Manage, "objects", AppDev).MayAllow);

        var connector = Principal.Resource("serviceconnector", LandingZone.SecurityId);
        var d = _lz.MayAllow(connector, Verb.Manage, "objects", AppDev);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        Assert.Contains(Assert.Single(d.Grants).Notes, n => n.Contains("target.bucket.name"));

        var rightBucket = AccessContext.With(("target.bucket.name", "lz-audit-bucket"));
        Assert.True(_lz.MayAllow(connector, Verb.Manage, "objects", AppDev, rightBucket).Definite);
        Assert.False(_lz.MayAllow(connector, Verb.Manage, "objects", Database, rightBucket).MayAllow);

        var elsewhere = Principal.Resource("serviceconnector", LandingZone.AppDevId);
        Assert.False(_lz.MayAllow(elsewhere, Verb.Manage, "objects", AppDev, rightBucket).MayAllow);
    }

    [Fact]
    public void Oke_any_user_statement_needs_a_cluster_of_the_appdev_compartment()
    {
        var cluster = Principal.Resource("cluster", LandingZone.AppDevId);
        Assert.True(_lz.MayAllow(cluster, Verb.Use, "subnets", LandingZoneModel.Network).Definite);
        Assert.False(_lz.MayAllow(cluster with { ResourceType = "instance" }, Verb.Use, "subnets", LandingZoneModel.Network).MayAllow);
        Assert.True(_lz.MayAllow(cluster with { ResourceType = null }, Verb.Use, "subnets", LandingZoneModel.Network).MayAllow);
    }

    [Fact]
    public void Parent_company_identities_named_nowhere_get_no()
    {
        Assert.Equal(AccessOutcome.No, _lz.MayAllowAnything(Member("parent-global-admins")).Outcome);
        Assert.Equal(AccessOutcome.No, _lz.MayAllowAnything(
            Principal.Foreign(ParentTenancy, new IamGroup("GlobalAdmins", null, ParentAdminsId))).Outcome);
        Assert.Equal(AccessOutcome.No, _lz.MayAllow(
            Principal.Foreign(ParentTenancy), Verb.Read, "objects", AppDev).Outcome);
    }

    [Fact]
    public void A_foreign_resource_of_unknown_type_may_match_any_user_statements()
    {
        // any-user covers foreign principals; only the principal-type condition keeps them out, and for a foreign
        // resource of unknown type that condition is undecided.
        var d = _lz.MayAllow(Principal.ForeignResource(ParentTenancy, null), Verb.Use, "subnets", LandingZoneModel.Network);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
    }

    [Fact]
    public void Service_principals_get_what_the_service_statements_say()
    {
        Assert.True(_lz.MayAllow(Principal.Service("blockstorage"), Verb.Use, "keys", Database).Definite);
        Assert.True(_lz.MayAllow(Principal.Service("cloudguard"), Verb.Read, "buckets", AppDev).Definite);
        Assert.False(_lz.MayAllow(Principal.Service("cloudguard"), Verb.Manage, "buckets", AppDev).MayAllow);
        Assert.True(_lz.MayAllow(Principal.Service("objectstorage-us-ashburn-1"), Verb.Use, "keys", Security).Definite);
        Assert.False(_lz.MayAllow(Principal.Service("functions"), Verb.Use, "keys", Security).MayAllow);
    }

    [Fact]
    public void Database_admin_uses_the_key_delegate_only_for_its_key()
    {
        var dba = Member("lz-database-admin-group");
        var d = _lz.MayAllow(dba, Verb.Use, "key-delegate", Security);
        Assert.Equal(Truth.Unknown, Assert.Single(d.Grants).Condition);
        var ownKey = AccessContext.With(("target.key.id", LandingZone.KeyId));
        Assert.True(_lz.MayAllow(dba, Verb.Use, "key-delegate", Security, ownKey).Definite);
        var otherKey = AccessContext.With(("target.key.id", "ocid1.key.oc1.iad.other"));
        Assert.False(_lz.MayAllow(dba, Verb.Use, "key-delegate", Security, otherKey).MayAllow);
    }

    [Fact]
    public void Cost_admin_endorse_grants_nothing_here()
    {
        Assert.False(_lz.MayAllowAnything(Member("lz-cost-admin-group")).MayAllow);
    }
}
