using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class TenancyTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Compartments_NestUnderEnclaveTop(string stack) =>
        Holds(TenancyRules.CompartmentsNestUnderEnclaveTop(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Compartments_NestUnderEnclaveTop_ReportsChildInRoot()
    {
        var tenancy = (await EnclaveRun.Of("dev")).Settings.TenancyOcid;
        Broken(TenancyRules.CompartmentsNestUnderEnclaveTop(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Compartment, "compartmentId", tenancy, nameContains: "network"))), "network compartment");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Compartments_AreNeverDeleted(string stack) =>
        Holds(TenancyRules.CompartmentsAreNeverDeleted(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Compartments_AreNeverDeleted_ReportsEnableDelete() =>
        Broken(TenancyRules.CompartmentsAreNeverDeleted(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Compartment, "enableDelete", true, nameContains: "database"))), "enableDelete=True");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task RootCompartment_HoldsOnlyTenancyLevelSettings(string stack) =>
        Holds(TenancyRules.RootCompartmentHoldsOnlyTenancyLevelSettings(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task RootCompartment_HoldsOnlyTenancyLevelSettings_ReportsBucketInRoot()
    {
        var tenancy = (await EnclaveRun.Of("staging")).Settings.TenancyOcid;
        Broken(TenancyRules.RootCompartmentHoldsOnlyTenancyLevelSettings(await EnclaveRun.RunAsync("staging",
            Variant.Flip(Oci.Bucket, "compartmentId", tenancy))), "bucket");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DefaultTags_RecordCreatorAndTime(string stack) =>
        Holds(TenancyRules.DefaultTagsRecordCreatorAndTime(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task DefaultTags_RecordCreatorAndTime_ReportsMissingPrincipalDefault() =>
        Broken(TenancyRules.DefaultTagsRecordCreatorAndTime(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.TagDefault, "value", "someone", nameContains: "created-by"))), "CreatedBy");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Audit_RetentionIs365Days(string stack) =>
        Holds(TenancyRules.AuditRetentionIs365Days(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Audit_RetentionIs365Days_ReportsShorterRetention() =>
        Broken(TenancyRules.AuditRetentionIs365Days(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AuditConfiguration, "retentionPeriodDays", 90.0))), "90 days");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task CloudGuard_EnabledWithHomeReportingRegion(string stack) =>
        Holds(TenancyRules.CloudGuardEnabledWithHomeReportingRegion(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task CloudGuard_EnabledWithHomeReportingRegion_ReportsDisabled() =>
        Broken(TenancyRules.CloudGuardEnabledWithHomeReportingRegion(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.CloudGuardConfiguration, "status", "DISABLED"))), "DISABLED");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task CloudGuard_MayReadTheTenancy(string stack) =>
        Holds(TenancyRules.CloudGuardMayReadTheTenancy(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task CloudGuard_MayReadTheTenancy_ReportsMissingServiceGrant() =>
        Broken(TenancyRules.CloudGuardMayReadTheTenancy(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Policy, p => p.With("statements", p.Strings("statements")
                .Where(s => !s.Contains("read all-resources", StringComparison.Ordinal)).Cast<object>().ToList())))),
            "read all-resources");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task SecurityZone_CoversEnclaveWithRequiredRecipe(string stack) =>
        Holds(TenancyRules.SecurityZoneCoversEnclaveWithRequiredRecipe(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task SecurityZone_CoversEnclaveWithRequiredRecipe_ReportsMissingPolicy()
    {
        var publicBuckets = (await EnclaveRun.Of("dev")).SecurityPolicyId("deny public_buckets");
        Broken(TenancyRules.SecurityZoneCoversEnclaveWithRequiredRecipe(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.SecurityRecipe, r => r.With("securityPolicies",
                r.Strings("securityPolicies").Where(id => id != publicBuckets).Cast<object>().ToList())))),
            "deny public_buckets");
    }
}
