using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class IamTests
{
    /// <summary>A run whose recorded policy <paramref name="policyName"/> has its statements edited.</summary>
    private static Task<Deployed> WithStatements(string stack, string policyName, Func<IReadOnlyList<string>, IEnumerable<string>> edit) =>
        EnclaveRun.RunAsync(stack, Variant.Change(Oci.Policy, p => p.Str("name")?.EndsWith(policyName, StringComparison.Ordinal) == true
            ? p.With("statements", edit(p.Strings("statements")).Cast<object>().ToList())
            : p));

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Groups_ExistForEveryPersona(string stack) => Holds(IamRules.GroupsExistForEveryPersona(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Groups_ExistForEveryPersona_ReportsMissingAuditorGroup() =>
        Broken(IamRules.GroupsExistForEveryPersona(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Group, "name", "someone-else", nameContains: "auditors"))), "auditors");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DatabaseDynamicGroup_MayUseOnlyItsVaultKey(string stack) =>
        Holds(IamRules.DatabaseDynamicGroupMayUseOnlyItsVaultKey(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task DatabaseDynamicGroup_MayUseOnlyItsVaultKey_ReportsBroaderGrant()
    {
        var dg = (await EnclaveRun.Of("dev")).OfType(Oci.DynamicGroup).Single().Str("name");
        var security = (await EnclaveRun.Of("dev")).CompartmentId("security");
        Broken(IamRules.DatabaseDynamicGroupMayUseOnlyItsVaultKey(await WithStatements("dev", "adb-kms-policy",
            s => [.. s, $"allow dynamic-group {dg} to manage keys in compartment id {security}"])), "manage keys");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Policies_AttachToEnclaveCompartmentsExceptTenancyScope(string stack) =>
        Holds(IamRules.PoliciesAttachToEnclaveCompartmentsExceptTenancyScope(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Policies_AttachToEnclaveCompartmentsExceptTenancyScope_ReportsTenancyWideGrant() =>
        Broken(IamRules.PoliciesAttachToEnclaveCompartmentsExceptTenancyScope(await WithStatements("dev", "operators-policy",
            s => [.. s, "allow group usde-dev-db-operators to read buckets in tenancy"])), "grants outside the enclave");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task IamObjects_ManagedOnlyByGatekeepers(string stack) =>
        Holds(IamRules.IamObjectsManagedOnlyByGatekeepers(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task IamObjects_ManagedOnlyByGatekeepers_ReportsOperatorManagingPolicies() =>
        Broken(IamRules.IamObjectsManagedOnlyByGatekeepers(await WithStatements("dev", "operators-policy",
            s => [.. s, "allow group usde-dev-db-operators to manage policies in tenancy"])), "manage policies");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Gatekeepers_CannotModifyAdministratorsGroup(string stack) =>
        Holds(IamRules.GatekeepersCannotModifyAdministratorsGroup(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Gatekeepers_CannotModifyAdministratorsGroup_ReportsUnconditionedGroupManagement() =>
        Broken(IamRules.GatekeepersCannotModifyAdministratorsGroup(await WithStatements("dev", "gatekeepers-root-policy",
            s => s.Select(x => x.Contains("manage groups", StringComparison.Ordinal)
                ? x.Replace("target.group.name != 'Administrators', ", "", StringComparison.Ordinal) : x))), "may modify Administrators");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task StorageDeletes_ReservedToStorageAdmins(string stack) =>
        Holds(IamRules.StorageDeletesReservedToStorageAdmins(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task StorageDeletes_ReservedToStorageAdmins_ReportsOperatorDeletes() =>
        Broken(IamRules.StorageDeletesReservedToStorageAdmins(await WithStatements("dev", "operators-policy",
            s => s.Select(x => x.Replace("request.permission != 'OBJECT_DELETE', ", "", StringComparison.Ordinal)))), "may delete storage");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task GatekeeperAndOperatorAccess_RequiresGatekeeperNetworkSource(string stack) =>
        Holds(IamRules.GatekeeperAndOperatorAccessRequiresGatekeeperNetworkSource(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task GatekeeperAndOperatorAccess_RequiresGatekeeperNetworkSource_ReportsUnconditionedStatement() =>
        Broken(IamRules.GatekeeperAndOperatorAccessRequiresGatekeeperNetworkSource(await WithStatements("dev", "gatekeepers-policy",
            s => [.. s, "allow group usde-dev-gatekeepers to manage vaults in compartment id x"])), "not conditioned");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Auditors_AreReadOnly(string stack) => Holds(IamRules.AuditorsAreReadOnly(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Auditors_AreReadOnly_ReportsWriteAccess()
    {
        var app = (await EnclaveRun.Of("dev")).CompartmentId("app");
        Broken(IamRules.AuditorsAreReadOnly(await WithStatements("dev", "auditors-policy",
            s => [.. s, $"allow group usde-dev-auditors to read objects in compartment id {app}"])), "may read user data");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Policies_HaveNoAdmitEndorseOrDefine(string stack) =>
        Holds(IamRules.PoliciesHaveNoAdmitEndorseOrDefine(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Policies_HaveNoAdmitEndorseOrDefine_ReportsAdmit() =>
        Broken(IamRules.PoliciesHaveNoAdmitEndorseOrDefine(await WithStatements("dev", "services-root-policy",
            s => [.. s, "define tenancy Other as ocid1.tenancy.oc1..other", "admit group Admins of tenancy Other to read all-resources in tenancy"])), "'admit'");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Policies_NeverManageAllResources(string stack) =>
        Holds(IamRules.PoliciesNeverManageAllResources(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Policies_NeverManageAllResources_ReportsBroadGrant() =>
        Broken(IamRules.PoliciesNeverManageAllResources(await WithStatements("dev", "gatekeepers-root-policy",
            s => [.. s, "allow group usde-dev-gatekeepers to manage all-resources in tenancy"])), "manage all-resources");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task AnyUserStatements_AreConditionedOnPrincipalType(string stack) =>
        Holds(IamRules.AnyUserStatementsAreConditionedOnPrincipalType(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task AnyUserStatements_AreConditionedOnPrincipalType_ReportsOpenAnyUser() =>
        Broken(IamRules.AnyUserStatementsAreConditionedOnPrincipalType(await WithStatements("dev", "log-archive-connector-policy",
            s => [.. s, "allow any-user to read buckets in compartment id x"])), "unconditioned any-user");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task NoInput_NamesExcludedParentIdentity(string stack) =>
        Holds(IamRules.NoInputNamesExcludedParentIdentity(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task NoInput_NamesExcludedParentIdentity_ReportsParentEmail() =>
        Broken(IamRules.NoInputNamesExcludedParentIdentity(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Subscription, "endpoint", "ops@parentco.example"))), "@parentco.example");

    [Fact]
    public async Task NoInput_NamesExcludedParentIdentity_ReportsParentNetwork() =>
        Broken(IamRules.NoInputNamesExcludedParentIdentity(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Bastion, "clientCidrBlockAllowLists", new List<object> { "203.0.113.8/29" }))), "excluded parent-company network");

    [Fact]
    public async Task NoInput_NamesExcludedParentIdentity_ReportsParentGroupInStatement() =>
        Broken(IamRules.NoInputNamesExcludedParentIdentity(await WithStatements("dev", "auditors-policy",
            s => [.. s, "allow group 'ParentCo'/'Administrators' to read buckets in compartment id x"])), "ParentCo");
}
