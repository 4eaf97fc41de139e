using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>The reverse query behind <c>enclave access</c>: who may read or manage a data-bearing resource.</summary>
public sealed class WhoMayTests
{
    private static string[] Who(AccessTable table) => [.. table.Grants.Select(e => e.Subject.Display).Order()];

    [Fact]
    public void Who_may_read_buckets_in_appdev()
    {
        var table = Evaluator().WhoMay(Verb.Read, "buckets", AppDev);
        Assert.Equal(
        [
            "group lz-appdev-admin-group",
            "group lz-auditor-group",
            "group lz-storage-admin-group",
            "service cloudguard",
        ], Who(table));
        var appdev = table.Grants.Single(e => e.Subject.Name == "lz-appdev-admin-group");
        Assert.Equal(Truth.Unknown, appdev.Match.Condition);
        Assert.Equal(Truth.True, table.Grants.Single(e => e.Subject.Name == "lz-auditor-group").Match.Value);
    }

    [Fact]
    public void Who_may_manage_objects_in_appdev_lists_the_connector_any_user_statement_with_its_condition()
    {
        var table = Evaluator().WhoMay(Verb.Manage, "objects", AppDev);
        var anyUser = Assert.Single(table.Grants, e => e.Subject.Kind == AccessSubjectKind.AnyUser);
        Assert.Equal(Truth.Unknown, anyUser.Match.Condition);
        Assert.Contains("request.principal.type", anyUser.Match.Notes.Single(n => n.StartsWith("the condition")));
        Assert.DoesNotContain(table.Grants, e => e.Subject.Name == "lz-auditor-group");
    }

    [Fact]
    public void Who_may_use_keys_in_the_database_compartment_splits_service_lists()
    {
        var table = Evaluator().WhoMay(Verb.Use, "keys", Database);
        var services = table.Grants.Where(e => e.Subject.Kind == AccessSubjectKind.Service).Select(e => e.Subject.Name).ToList();
        Assert.Equal(["blockstorage", "oke", "streaming", "FssOc1Prod", "objectstorage-us-ashburn-1"], services);
        Assert.Contains(table.Grants, e => e.Subject.Display == "group lz-database-admin-group");
        Assert.DoesNotContain(table.Grants, e => e.Subject.Name == "lz-security-admin-group");
    }

    [Fact]
    public void Admitted_foreign_subjects_and_denies_are_listed()
    {
        var lz = Evaluator(RootPolicy(
            $"define tenancy Parent as {ParentTenancy}",
            $"define group ParentAdmins as {ParentAdminsId}",
            "admit group ParentAdmins of tenancy Parent to read objects in tenancy",
            "deny group lz-auditor-group to read objects in compartment lz-top-cmp:lz-appdev-cmp"));
        var table = lz.WhoMay(Verb.Read, "objects", AppDev);
        var foreign = Assert.Single(table.Grants, e => e.Subject.Kind == AccessSubjectKind.ForeignGroup);
        Assert.Equal($"foreign group ParentAdmins of tenancy Parent ({ParentTenancy})", foreign.Subject.Display);
        Assert.Equal(ParentAdminsId, foreign.Subject.Id);
        Assert.Equal("group lz-auditor-group", Assert.Single(table.Denies).Subject.Display);
    }

    [Fact]
    public void Opaque_statements_appear_as_anyone()
    {
        var table = Evaluator(new IamPolicy("preview", Root, [null])).WhoMay(Verb.Manage, "keys", Security);
        Assert.Contains(table.Grants, e => e.Subject.Kind == AccessSubjectKind.Unknown && e.Match.Value == Truth.Unknown);
        Assert.Contains(table.Denies, e => e.Subject.Kind == AccessSubjectKind.Unknown);
    }

    [Fact]
    public void Group_subjects_decide_principal_type_conditions()
    {
        var lz = Evaluator(RootPolicy("allow group g to read buckets in tenancy where request.principal.type = 'instance'"));
        Assert.DoesNotContain(lz.WhoMay(Verb.Read, "buckets", AppDev).Grants, e => e.Subject.Name == "g");
    }
}
