using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>The statement-level helpers the rule catalogue uses (R2, R3, R5–R7, CIS 1.3), on the Landing Zone.</summary>
public sealed class PolicyFindingsTests
{
    private static IEnumerable<PolicyStatement> Statements(params string[] extra) =>
        Evaluator(RootPolicy(extra)).Policies.Statements;

    private static IEnumerable<PolicyStatement> Only(params string?[] statements) =>
        new PolicySet([new IamPolicy("p", Root, statements)]).Statements;

    [Fact]
    public void Iam_grants_in_the_landing_zone_all_go_to_the_iam_admin()
    {
        var grants = PolicyFindings.IamGrants(Statements());
        Assert.Equal(5, grants.Length);
        Assert.All(grants, g => Assert.Equal("group lz-iam-admin-group", PolicyPrinter.Print(g.Subject)));
        Assert.Equal(["groups", "users", "identity-providers", "policies", "compartments"], grants.SelectMany(g => g.Types));
        Assert.Equal([true, true, true, false, false], grants.Select(g => g.Conditional));
    }

    [Fact]
    public void Iam_grants_include_all_resources_admits_and_iam_permission_lists()
    {
        var grants = PolicyFindings.IamGrants(Only(
            "allow group ops to manage all-resources in compartment enclave",
            "admit group x of tenancy t to manage policies in tenancy",
            "allow group y to {POLICY_UPDATE, BUCKET_READ} in tenancy",
            "allow group z to {POLICY_READ} in tenancy",
            "allow group w to read all-resources in tenancy",
            "deny group v to manage policies in tenancy"));
        Assert.Equal(3, grants.Length);
        Assert.Equal(PolicyFindings.IamTypes.AsEnumerable(), grants[0].Types.AsEnumerable());
        Assert.IsType<AdmitStatement>(grants[1].Statement.Syntax);
        Assert.Equal(["policies"], grants[2].Types.AsEnumerable());
        var reads = PolicyFindings.IamGrants(Only("allow group w to read all-resources in tenancy", "allow group z to {POLICY_READ} in tenancy"), Verb.Read);
        Assert.Equal(2, reads.Length);
    }

    [Fact]
    public void Manage_all_resources()
    {
        Assert.Empty(PolicyFindings.ManageAllResources(Statements()));
        var found = PolicyFindings.ManageAllResources(Only(
            "allow group Administrators to manage all-resources in tenancy",
            "allow group ops to use all-resources in tenancy",
            "deny group x to manage all-resources in tenancy"));
        Assert.Equal(0, Assert.Single(found).Index);
    }

    [Fact]
    public void Unscoped_any_user_and_any_group()
    {
        Assert.Empty(PolicyFindings.UnscopedAnyPrincipal(Statements()));
        var found = PolicyFindings.UnscopedAnyPrincipal(Only(
            "allow any-user to read buckets in tenancy",
            "allow any-group to read buckets in tenancy where any {request.principal.type='instance', request.region='IAD'}",
            "allow any-user to read buckets in tenancy where request.principal.type != 'user'",
            "allow any-group to read buckets in tenancy where all {request.region='IAD', request.principal.compartment.id='ocid1.compartment.oc1..c'}",
            "allow any-user to read buckets in tenancy where any {request.principal.type='instance', request.principal.type in ('fnfunc')}",
            "allow group g to read buckets in tenancy"));
        Assert.Equal([0, 1, 2], found.Select(s => s.Index));
    }

    [Fact]
    public void Storage_managers_in_the_landing_zone_are_guarded_or_delete_only()
    {
        var found = PolicyFindings.StorageManagers(Statements());
        Assert.Equal(5, found.Length);
        Assert.Equal([StorageGuard.Guarded, StorageGuard.Guarded, StorageGuard.Guarded, StorageGuard.DeleteOnly, StorageGuard.Unguarded],
            found.Select(f => f.Guard));
        // The Service Connector's any-user statement manages objects with no delete guard: reported, for the
        // rule to accept (it is scoped to the connector) or not.
        Assert.IsType<AnyUserSubject>(found[4].Subject);
        var storageAdmin = found[3];
        Assert.Equal("group lz-storage-admin-group", PolicyPrinter.Print(storageAdmin.Subject));
        Assert.Equal(["OBJECT_DELETE", "BUCKET_DELETE"], storageAdmin.MayDelete.AsEnumerable());
    }

    [Fact]
    public void Unguarded_storage_managers()
    {
        var found = PolicyFindings.StorageManagers(Only(
            "allow group devs to manage buckets in tenancy",
            "allow group devs to manage object-family in tenancy where all {request.permission != 'OBJECT_DELETE'}",
            "allow group devs to manage object-family in tenancy where target.bucket.name = 'x'",
            "allow group devs to manage object-family in tenancy where any {request.permission = 'OBJECT_DELETE', request.permission = 'OBJECT_READ'}",
            "allow group devs to manage object-family in tenancy where request.permission = /OBJECT_*/",
            "allow group devs to {BUCKET_DELETE} in tenancy",
            "allow group devs to use buckets in tenancy",
            "allow group devs to manage file-systems in tenancy where request.permission != 'FILE_SYSTEM_DELETE'"));
        Assert.Equal(
            [StorageGuard.Unguarded, StorageGuard.Unguarded, StorageGuard.Unguarded, StorageGuard.Unguarded,
             StorageGuard.Unguarded, StorageGuard.DeleteOnly, StorageGuard.Unguarded],
            found.Select(f => f.Guard));
        Assert.Equal(["BUCKET_DELETE"], found[0].MayDelete.AsEnumerable());
        Assert.Equal(["BUCKET_DELETE"], found[1].MayDelete.AsEnumerable());
        Assert.Equal(["OBJECT_DELETE", "BUCKET_DELETE"], found[2].MayDelete.AsEnumerable());
        Assert.Equal(["OBJECT_DELETE"], found[3].MayDelete.AsEnumerable());
        Assert.Equal(["FILE_SYSTEM_DELETE_SNAPSHOT"], found[6].MayDelete.AsEnumerable());
    }

    [Fact]
    public void Administrators_group_guard_cis_1_3()
    {
        Assert.Empty(PolicyFindings.AdministratorsGroupUnguarded(Statements()));
        var found = PolicyFindings.AdministratorsGroupUnguarded(Only(
            "allow group helpdesk to use groups in tenancy",
            "allow group ops to manage all-resources in tenancy",
            "allow group Administrators to manage all-resources in tenancy",
            "allow group x to manage groups in tenancy where target.group.name != 'Administrators'",
            "allow group y to manage groups in tenancy where target.group.name = /Admin*/",
            "allow group z to manage groups in compartment c",
            "allow group w to inspect groups in tenancy"));
        Assert.Equal([0, 1, 4], found.Select(s => s.Index));
    }

    [Fact]
    public void Cross_tenancy_statements()
    {
        var found = PolicyFindings.CrossTenancy(Statements("admit any-user of tenancy P to read objects in tenancy",
            "deny admit any-user of tenancy P to manage all-resources in tenancy"));
        Assert.Equal(4, found.Length);
        Assert.IsType<DefineStatement>(found[0].Syntax);
        Assert.IsType<EndorseStatement>(found[1].Syntax);
    }

    [Fact]
    public void Mentioned_identities_find_parent_names_and_ocids_anywhere()
    {
        var mentions = PolicyFindings.MentionedIdentities(Only(
            "allow group 'ParentCo'/'global-admins', id ocid1.group.oc1..pg to read buckets in tenancy",
            "allow any-user to read buckets in tenancy where request.groups.id = 'ocid1.group.oc1..parentgroup'",
            "define tenancy Parent as ocid1.tenancy.oc1..parent",
            "admit dynamic-group ParentFns of tenancy Parent to use keys in compartment id ocid1.compartment.oc1..c",
            "endorse group ops to associate lpgs in tenancy with lpgs in tenancy Parent",
            "allow service parent-sync to read objects in tenancy",
            "allow group parent-admins manage all-resources in tenancy",
            null));
        string[] Values(IdentityMentionKind kind) => [.. mentions.Where(m => m.Kind == kind).Select(m => m.Value)];
        Assert.Equal(["global-admins", "ops"], Values(IdentityMentionKind.GroupName));
        Assert.Equal("ParentCo", mentions.Single(m => m.Kind == IdentityMentionKind.GroupName && m.Value == "global-admins").Qualifier);
        Assert.Equal(["ParentCo"], Values(IdentityMentionKind.Domain));
        Assert.Equal(["ocid1.group.oc1..pg"], Values(IdentityMentionKind.GroupId));
        Assert.Equal(["ParentFns"], Values(IdentityMentionKind.DynamicGroupName));
        Assert.Equal(["parent-sync"], Values(IdentityMentionKind.Service));
        Assert.Equal(["ocid1.tenancy.oc1..parent"], Values(IdentityMentionKind.DefinedOcid));
        Assert.Equal(["ocid1.compartment.oc1..c"], Values(IdentityMentionKind.CompartmentId));
        Assert.Equal(["Parent", "Parent", "Parent"], Values(IdentityMentionKind.TenancyAlias));
        var condition = mentions.Single(m => m.Kind == IdentityMentionKind.ConditionValue);
        Assert.Equal(("ocid1.group.oc1..parentgroup", "request.groups.id"), (condition.Value, condition.Qualifier));
        Assert.Contains("parent-admins", Assert.Single(Values(IdentityMentionKind.Unparsed)));
    }

    [Fact]
    public void Opaque_statements_are_what_makes_a_rule_undetermined()
    {
        var opaque = PolicyFindings.Opaque(Only("allow group a to read buckets in tenancy", null, "allow what"));
        Assert.Equal([1, 2], opaque.Select(s => s.Index));
    }
}
