using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The IAM classes issue 16's mutation run found untested: each test fails when its property is weakened (a delete-only
/// grant to another group, define/endorse off the allow-list, "only gatekeepers" read as "any gatekeeper",
/// domain-qualified configured groups, parent groups by OCID and the parent tenancy's users).
/// </summary>
public class IamMutationGapTests
{
    private static FindingStatus Status(string rule, PolicyContext policy, params string[] statements)
    {
        var g = Build().With("root-policy", "statements", statements);
        return RuleRunner.Run(g, GraphPath.HandKnownIds, rule, policy).Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    private static FindingStatus Status(string rule, params string[] statements) => Status(rule, CompliantEnclave.Policy, statements);

    [Theory]
    [InlineData("enclave-storage-admins", FindingStatus.Pass)]
    [InlineData("enclave-operators", FindingStatus.Fail)]
    [InlineData("enclave-gatekeepers", FindingStatus.Fail)]
    public void A_delete_only_storage_grant_is_the_storage_admins_alone(string group, FindingStatus expected)
    {
        Assert.Equal(expected, Status("ENC-IAM-006", $"allow group {group} to manage object-family in compartment usde-dev where request.permission = 'OBJECT_DELETE'"));
        Assert.Equal(expected, Status("ENC-IAM-006", $"allow group {group} to manage buckets in compartment usde-dev where any {{request.permission = 'BUCKET_DELETE'}}"));
        Assert.Equal(expected, Status("ENC-IAM-006", $"allow group {group} to {{OBJECT_DELETE}} in compartment usde-dev"));
    }

    [Fact]
    public void A_delete_only_grant_naming_the_storage_admins_and_another_group_fails()
    {
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-006",
            "allow group enclave-storage-admins, group enclave-operators to manage objects in compartment usde-dev where request.permission = 'OBJECT_DELETE'"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-006", "allow group enclave-operators to manage object in compartment usde-dev"));
    }

    [Fact]
    public void Define_and_endorse_pass_only_when_the_exact_statement_is_on_the_allow_list()
    {
        string[] usageReport =
        [
            "define tenancy usage-report as ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq",
            "endorse group enclave-gatekeepers to read objects in tenancy usage-report",
        ];
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-001", usageReport));
        var allowed = CompliantEnclave.Policy with { AllowedCrossTenancyStatements = [.. usageReport] };
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-001", allowed, usageReport));
        // Spacing does not matter; any other word does.
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-001", allowed, "endorse  group enclave-gatekeepers\tto read objects in tenancy usage-report"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-001", allowed, "endorse group enclave-gatekeepers to manage objects in tenancy usage-report"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-001", allowed, "define tenancy usage-report as ocid1.tenancy.oc1..parenttenancy"));
        // An admit is never allowed, listed or not.
        const string admit = "admit group G of tenancy usage-report to read objects in tenancy";
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-001", CompliantEnclave.Policy with { AllowedCrossTenancyStatements = [admit] }, admit));
    }

    [Theory]
    [InlineData("group enclave-gatekeepers", FindingStatus.Pass)]
    [InlineData("group enclave-gatekeepers, group enclave-operators", FindingStatus.Fail)]
    [InlineData("group enclave-operators, group enclave-gatekeepers", FindingStatus.Fail)]
    [InlineData("group enclave-gatekeepers, dynamic-group enclave-gatekeepers", FindingStatus.Fail)]
    [InlineData("group 'Default'/'enclave-gatekeepers'", FindingStatus.Pass)]
    [InlineData("group 'Other'/'enclave-gatekeepers'", FindingStatus.Fail)]
    [InlineData("any-group", FindingStatus.Fail)]
    public void Only_the_gatekeepers_alone_manage_iam(string subject, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-004", $"allow {subject} to manage policies in tenancy"));

    [Theory]
    [InlineData("group 'UsEnclave'/'enclave-gatekeepers'", FindingStatus.Pass)]
    [InlineData("group UsEnclave/enclave-gatekeepers", FindingStatus.Pass)]
    [InlineData("group enclave-gatekeepers", FindingStatus.Fail)]
    [InlineData("group 'Default'/'enclave-gatekeepers'", FindingStatus.Fail)]
    [InlineData("group 'ParentCorpDomain'/'enclave-gatekeepers'", FindingStatus.Fail)]
    public void Configured_groups_of_an_identity_domain_are_not_same_named_groups_of_another(string subject, FindingStatus expected)
    {
        var policy = CompliantEnclave.Policy with { IdentityDomain = "UsEnclave" };
        Assert.Equal(expected, Status("ENC-IAM-004", policy, $"allow {subject} to manage groups in tenancy where target.group.name != 'Administrators'"));
        Assert.Equal(expected, Status("ENC-IAM-008", policy,
            $"allow {subject.Replace("gatekeepers", "operators", StringComparison.Ordinal)} to read objects in compartment usde-dev where {FromGatekeeperNetworks}"));
    }

    [Fact]
    public void A_storage_admin_group_of_another_domain_is_not_the_storage_admins()
    {
        var policy = CompliantEnclave.Policy with { IdentityDomain = "UsEnclave" };
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-006", policy, "allow group 'UsEnclave'/'enclave-storage-admins' to manage objects in compartment usde-dev where request.permission = 'OBJECT_DELETE'"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-006", policy, "allow group enclave-storage-admins to manage objects in compartment usde-dev where request.permission = 'OBJECT_DELETE'"));
    }

    private static readonly PolicyContext ParentByOcid = CompliantEnclave.Policy with
    {
        Parent = CompliantEnclave.Policy.Parent with { Groups = [.. CompliantEnclave.Policy.Parent.Groups, "ocid1.group.oc1..parentglobaladmins"] },
    };

    [Theory]
    [InlineData("allow group id ocid1.group.oc1..parentglobaladmins to inspect buckets in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow group id ocid1.group.oc1..someoneelse, id ocid1.group.oc1..parentglobaladmins to read metrics in tenancy", FindingStatus.Fail)]
    // A group OCID the stack does not declare may be a parent-domain group: it counts against; the stack's own passes.
    [InlineData("allow group id ocid1.group.oc1..someoneelse to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group id ocid1.group.oc1.iad.operators to read metrics in tenancy", FindingStatus.Pass)]
    [InlineData("allow group parent-admins to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group 'ParentCorpDomain'/'data-engineers' to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group 'ParentCorpDomain'/'anyone-at-all' to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group data-engineers to read metrics in tenancy", FindingStatus.Pass)]
    public void Parent_groups_by_name_domain_or_ocid_are_granted_nothing(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-003", ParentByOcid, statement));

    [Fact]
    public void The_parent_tenancys_users_are_granted_nothing_through_an_admit()
    {
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-003",
            $"define tenancy P as {ParentTenancy}", "admit any-user of tenancy P to inspect compartments in tenancy"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-003",
            $"define tenancy P as {ParentTenancy}", "define group PG as ocid1.group.oc1..pg", "admit group PG of tenancy P to read metrics in compartment usde-dev"));
        // Another tenancy's admit is ENC-IAM-001's concern, not a parent-company grant.
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-003",
            "define tenancy P as ocid1.tenancy.oc1..partner", "admit any-user of tenancy P to inspect compartments in tenancy"));
    }
    [Theory]
    [InlineData("group 'UsEnclave'/'enclave-storage-admins'", FindingStatus.Pass)]
    [InlineData("group UsEnclave/enclave-storage-admins", FindingStatus.Pass)]
    [InlineData("group enclave-storage-admins", FindingStatus.Fail)]
    [InlineData("group 'ParentCorpDomain'/'enclave-storage-admins'", FindingStatus.Fail)]
    public void A_group_configured_with_its_domain_is_that_domains_group_only(string subject, FindingStatus expected)
    {
        // storageAdminGroup: UsEnclave/enclave-storage-admins names the domain in the group setting itself (no identityDomain).
        var policy = CompliantEnclave.Policy with { StorageAdminGroup = "UsEnclave/enclave-storage-admins", IdentityDomain = null };
        Assert.Equal(expected, Status("ENC-IAM-006", policy,
            $"allow {subject} to manage objects in compartment usde-dev where request.permission = 'OBJECT_DELETE'"));
    }

    [Fact]
    public void A_parent_group_by_ocid_is_granted_nothing_through_an_admit_either()
    {
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-003", ParentByOcid,
            "define tenancy P as ocid1.tenancy.oc1..partner",
            "admit group id ocid1.group.oc1..parentglobaladmins of tenancy P to read objects in compartment usde-dev"));
    }

    [Fact]
    public void A_parent_group_by_ocid_is_caught_without_the_parent_domain_configured()
    {
        // Without parentExclusions.identityDomains only the group's own OCID names it: that probe must hold alone.
        var policy = ParentByOcid with { Parent = ParentByOcid.Parent with { IdentityDomains = [] } };
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-003", policy,
            "allow group id ocid1.group.oc1..parentglobaladmins to inspect buckets in compartment usde-dev"));
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-003", policy, "allow group id ocid1.group.oc1.iad.operators to read metrics in tenancy"));
    }

    [Theory]
    [InlineData("allow group data-science to read objects in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("allow dynamic-group usde-dev-adb to use keys in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("allow any-user to read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow any-group to read objects in compartment usde-dev", FindingStatus.Fail)]
    public void The_any_principal_rule_judges_any_user_and_any_group_only(string statement, FindingStatus expected) =>
        // A named group outside the personas is ENC-IAM-008's finding; ENC-IAM-002 must not double it (nor miss any-*).
        Assert.Equal(expected, Status("ENC-IAM-002", statement));
}
