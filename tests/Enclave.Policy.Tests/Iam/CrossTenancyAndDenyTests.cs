using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Admit lets foreign principals in; deny beats allow, except for Default-domain Administrators.</summary>
public sealed class CrossTenancyAndDenyTests
{
    private static readonly string[] AdmitParent =
    [
        $"define tenancy Parent as {ParentTenancy}",
        $"define group ParentAdmins as {ParentAdminsId}",
        "admit group ParentAdmins of tenancy Parent to read objects in tenancy",
    ];

    private static Principal ParentAdmin(string? tenancy = ParentTenancy) =>
        Principal.Foreign(tenancy, new IamGroup(null, null, ParentAdminsId));

    [Fact]
    public void An_admit_makes_the_admitted_foreign_group_may_allow()
    {
        var lz = Evaluator(RootPolicy(AdmitParent));
        var d = lz.MayAllow(ParentAdmin(), Verb.Read, "objects", AppDev);
        Assert.True(d.MayAllow);
        Assert.True(d.Definite);
        Assert.IsType<AdmitStatement>(Assert.Single(d.Grants).Statement.Syntax);
        Assert.True(lz.MayAllowAnything(ParentAdmin()).MayAllow);
    }

    [Fact]
    public void An_admit_may_allow_a_foreign_principal_whose_tenancy_is_unknown()
    {
        var d = Evaluator(RootPolicy(AdmitParent)).MayAllow(ParentAdmin(tenancy: null), Verb.Read, "objects", AppDev);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
    }

    [Fact]
    public void An_admit_does_not_reach_other_tenancies_groups_or_local_principals()
    {
        var lz = Evaluator(RootPolicy(AdmitParent));
        Assert.False(lz.MayAllow(ParentAdmin("ocid1.tenancy.oc1..vendor"), Verb.Read, "objects", AppDev).MayAllow);
        Assert.False(lz.MayAllow(Principal.Foreign(ParentTenancy, new IamGroup(null, null, "ocid1.group.oc1..other")),
            Verb.Read, "objects", AppDev).MayAllow);
        Assert.False(lz.MayAllow(Member("ParentAdmins"), Verb.Read, "objects", AppDev).MayAllow);
        Assert.False(lz.MayAllow(ParentAdmin(), Verb.Manage, "objects", AppDev).MayAllow);
    }

    [Fact]
    public void An_admit_whose_aliases_are_not_defined_may_allow_any_foreign_principal()
    {
        var lz = Evaluator(RootPolicy("admit group Someone of tenancy Somewhere to read objects in tenancy"));
        var d = lz.MayAllow(Principal.Foreign(ParentTenancy), Verb.Read, "objects", AppDev);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
    }

    [Fact]
    public void Admit_any_user_admits_every_principal_of_that_tenancy()
    {
        var lz = Evaluator(RootPolicy($"define tenancy Parent as {ParentTenancy}",
            "admit any-user of tenancy Parent to manage all-resources in tenancy"));
        Assert.True(lz.MayAllow(Principal.ForeignService(ParentTenancy, "objectstorage"), Verb.Manage, "keys", Security).Definite);
    }

    [Fact]
    public void Deny_admit_beats_admit()
    {
        var lz = Evaluator(RootPolicy([.. AdmitParent, "deny admit any-user of tenancy Parent to manage all-resources in tenancy"]));
        var d = lz.MayAllow(ParentAdmin(), Verb.Read, "objects", AppDev);
        Assert.Equal(AccessOutcome.DeniedByDeny, d.Outcome);
        Assert.False(d.MayAllow);
        Assert.Single(d.Grants);
        Assert.IsType<AdmitStatement>(Assert.Single(d.Denies).Statement.Syntax);
    }

    [Fact]
    public void Deny_beats_allow()
    {
        var lz = Evaluator(RootPolicy("deny group lz-database-admin-group to manage keys in compartment lz-top-cmp"));
        var d = lz.MayAllow(Member("lz-database-admin-group"), Verb.Manage, "keys", Database);
        Assert.Equal(AccessOutcome.DeniedByDeny, d.Outcome);
        Assert.False(d.Definite);
        Assert.True(lz.MayAllow(Member("lz-database-admin-group"), Verb.Manage, "database-family", Database).MayAllow);
    }

    [Fact]
    public void A_deny_on_one_type_does_not_deny_anything_at_all()
    {
        var lz = Evaluator(RootPolicy("deny any-user to manage keys in tenancy"));
        var d = lz.MayAllowAnything(Member("lz-auditor-group"));
        Assert.Equal(AccessOutcome.MayAllow, d.Outcome);
        Assert.Single(d.PossibleDenies);
    }

    [Fact]
    public void Administrators_are_exempt_from_deny()
    {
        var lz = Evaluator(RootPolicy("allow group Administrators to manage all-resources in tenancy",
            "deny any-user to manage keys in tenancy"));
        var admin = lz.MayAllow(Member("Administrators"), Verb.Manage, "keys", Security);
        Assert.True(admin.Definite);
        Assert.Empty(admin.Denies);
        Assert.Equal(AccessOutcome.DeniedByDeny, lz.MayAllow(Principal.Service("blockstorage"), Verb.Use, "keys", Security).Outcome);
        var otherDomainAdmins = Principal.GroupMember("Administrators", "Gatekeepers");
        var other = lz.MayAllow(otherDomainAdmins, Verb.Manage, "keys", Security);
        Assert.Equal(AccessOutcome.DeniedByDeny, other.Outcome);
        Assert.Empty(other.Grants);
    }

    [Fact]
    public void A_conditional_deny_only_takes_definiteness_away()
    {
        var lz = Evaluator(RootPolicy("deny group lz-auditor-group to read buckets in tenancy where request.region = 'PHX'"));
        var unknownRegion = lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "buckets", AppDev);
        Assert.True(unknownRegion.MayAllow);
        Assert.False(unknownRegion.Definite);
        Assert.Single(unknownRegion.PossibleDenies);
        Assert.Equal(AccessOutcome.DeniedByDeny,
            lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "buckets", AppDev, new AccessContext { Region = "PHX" }).Outcome);
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "buckets", AppDev, new AccessContext { Region = "IAD" }).Definite);
    }

    [Fact]
    public void A_deny_of_a_smaller_verb_may_apply_but_does_not_certainly()
    {
        var lz = Evaluator(RootPolicy("deny group lz-network-admin-group to read vcns in tenancy"));
        var d = lz.MayAllow(Member("lz-network-admin-group"), Verb.Manage, "vcns", Network);
        Assert.Equal(AccessOutcome.MayAllow, d.Outcome);
        Assert.Single(d.PossibleDenies);
        Assert.Equal(AccessOutcome.DeniedByDeny, lz.MayAllow(Member("lz-network-admin-group"), Verb.Read, "vcns", Network).Outcome);
    }

    [Fact]
    public void The_deny_enablement_statement_stops_others_writing_deny_policies()
    {
        var lz = Evaluator(RootPolicy(LandingZone.DenyEnablement));
        var denyPolicy = AccessContext.With(("target.policy.type", "deny"), ("request.principal.id", "ocid1.user.oc1..someone"));
        var iamAdmin = Member("lz-iam-admin-group") with { Id = "ocid1.user.oc1..someone" };
        Assert.Equal(AccessOutcome.DeniedByDeny, lz.MayAllow(iamAdmin, Verb.Manage, "policies", Top, denyPolicy).Outcome);
        var allowPolicy = AccessContext.With(("target.policy.type", "allow"));
        Assert.True(lz.MayAllow(iamAdmin, Verb.Manage, "policies", Top, allowPolicy).Definite);
    }
}
