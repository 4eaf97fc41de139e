using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class OversightTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Buckets_ArePrivateAndCmkEncrypted(string stack) =>
        Holds(OversightRules.BucketsArePrivateAndCmkEncrypted(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Buckets_ArePrivateAndCmkEncrypted_ReportsPublicBucket() =>
        Broken(OversightRules.BucketsArePrivateAndCmkEncrypted(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Bucket, "accessType", "ObjectRead", nameContains: "user-data"))), "ObjectRead");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ArchiveBucket_IsRetentionLockedForConfiguredDays(string stack) =>
        Holds(OversightRules.ArchiveBucketIsRetentionLockedForConfiguredDays(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ArchiveBucket_IsRetentionLockedForConfiguredDays_ReportsUnlockedRule() =>
        Broken(OversightRules.ArchiveBucketIsRetentionLockedForConfiguredDays(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Bucket, "retentionRules[0].timeRuleLocked", null, nameContains: "archive"))), "no retention rule locked");

    // Staging's home region (us-ashburn-1) differs from its deployment region: its archive must be its own.
    [Fact]
    public async Task ArchiveBucket_IsRetentionLockedForConfiguredDays_ReportsHomeRegionArchivingElsewhere() =>
        Broken(OversightRules.ArchiveBucketIsRetentionLockedForConfiguredDays(await EnclaveRun.RunAsync("staging",
            Variant.Flip(Oci.Connector, "target.bucket", "usde-stg-log-archive", nameContains: "us-ashburn-1"))),
            "the us-ashburn-1 archive bucket is in us-phoenix-1");

    // OCI only accepts a lock time at least 14 days ahead; the program pins it to midnight UTC 15 days after deploy.
    [Fact]
    public async Task ArchiveBucket_RetentionLocksAtLeast14DaysAfterDeploy()
    {
        using var clock = EnclaveClock.Pin(new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var d = await EnclaveRun.RunAsync("dev", new Variant());
        var locked = DateTimeOffset.Parse(d.ArchiveBucket()!.Str("retentionRules[0].timeRuleLocked")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero), locked);
        Assert.True(locked - EnclaveClock.Now >= TimeSpan.FromDays(14));
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Buckets_HaveWriteLogs(string stack) => Holds(OversightRules.BucketsHaveWriteLogs(await EnclaveRun.Of(stack)));

    // The write log of every bucket, the archive's included, is an Object Storage service log of category write.
    [Theory]
    [InlineData("configuration.source.service", "flowlogs", "archive")]
    [InlineData("configuration.source.category", "read", "archive")]
    [InlineData("configuration.source.sourceType", "OCI", "user-data")]
    [InlineData("logType", "CUSTOM", "user-data")]
    public async Task Buckets_HaveWriteLogs_ReportsWrongSourceOrCategory(string path, string value, string bucket) =>
        Broken(OversightRules.BucketsHaveWriteLogs(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Log, l => l.Name.Contains(bucket, StringComparison.Ordinal) && l.Str("configuration.source.category") == "write"
                ? l.With(path, value) : l))), "has no write log");

    [Fact]
    public async Task Buckets_HaveWriteLogs_ReportsUnloggedBucket() =>
        Broken(OversightRules.BucketsHaveWriteLogs(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Log, "configuration.source.category", "read", nameContains: "user-data"))), "has no write log");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ServiceConnector_ShipsAuditFlowAndBucketLogsToArchive(string stack) =>
        Holds(OversightRules.ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ServiceConnector_ShipsAuditFlowAndBucketLogsToArchive_ReportsMissingAuditLog() =>
        Broken(OversightRules.ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Connector, "source.logSources[0].logGroupId", "_Audit"))), "_Audit_Include_Subcompartment");

    // IAM events are recorded in the home region only: staging's home-region connector must ship its audit log.
    [Fact]
    public async Task ServiceConnector_ShipsAuditFlowAndBucketLogsToArchive_ReportsHomeRegionAuditNotShipped() =>
        Broken(OversightRules.ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(await EnclaveRun.RunAsync("staging",
            Variant.Flip(Oci.Connector, "source.logSources[0].logGroupId", "_Audit", nameContains: "us-ashburn-1"))),
            "the us-ashburn-1 audit log");

    // A connector reads its own region only: prod's standby-region flow logs go through the us-phoenix-1 connector.
    [Fact]
    public async Task ServiceConnector_ShipsAuditFlowAndBucketLogsToArchive_ReportsStandbyFlowLogsNotShipped() =>
        Broken(OversightRules.ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(await EnclaveRun.RunAsync("prod",
            Variant.Change(Oci.Connector, c => c.Name.Contains("us-phoenix-1", StringComparison.Ordinal)
                ? c.With("source.logSources", c.List("source.logSources").Take(1).ToList()) : c))),
            "Log 'network-standby-data-flow-log' in us-phoenix-1 is not shipped");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ObjectStorage_UsesOnlyItsRegionsBucketKeys(string stack) =>
        Holds(OversightRules.ObjectStorageUsesOnlyItsRegionsBucketKeys(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ObjectStorage_UsesOnlyItsRegionsBucketKeys_ReportsGrantToAnotherRegion() =>
        Broken(OversightRules.ObjectStorageUsesOnlyItsRegionsBucketKeys(await EnclaveRun.RunAsync("prod",
            Variant.Change(Oci.Policy, p => p.Name.Contains("us-phoenix-1", StringComparison.Ordinal)
                ? p.With("statements", p.Strings("statements").Select(s => (object)s.Replace("objectstorage-us-phoenix-1", "objectstorage-us-ashburn-1", StringComparison.Ordinal)).ToList())
                : p))), "service objectstorage-us-phoenix-1 may not use its key");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ServiceLogs_AreKeptAtLeast90Days(string stack) =>
        Holds(OversightRules.ServiceLogsAreKeptAtLeast90Days(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ServiceLogs_AreKeptAtLeast90Days_ReportsThirtyDayLog() =>
        Broken(OversightRules.ServiceLogsAreKeptAtLeast90Days(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Log, "retentionDuration", 30.0, nameContains: "data-flow-log"))), "kept 30 days");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ServiceConnector_MayOnlyWriteArchiveBucket(string stack) =>
        Holds(OversightRules.ServiceConnectorMayOnlyWriteArchiveBucket(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ServiceConnector_MayOnlyWriteArchiveBucket_ReportsBroaderGrant() =>
        Broken(OversightRules.ServiceConnectorMayOnlyWriteArchiveBucket(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Policy, p => p.Str("name")?.EndsWith("connector-policy", StringComparison.Ordinal) == true
                ? p.With("statements", p.Strings("statements").Select(s => (object)s.Replace("manage objects", "manage object-family", StringComparison.Ordinal)).ToList())
                : p))), "broader");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Notifications_EmailEveryGatekeeper(string stack) =>
        Holds(OversightRules.NotificationsEmailEveryGatekeeper(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Notifications_EmailEveryGatekeeper_ReportsNonEmailSubscription() =>
        Broken(OversightRules.NotificationsEmailEveryGatekeeper(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Subscription, "protocol", "HTTPS", nameContains: "email-1"))), "emails");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task EventRules_CoverCisEventsInRootCompartment(string stack) =>
        Holds(EventRules.CoverCisEventsInRootCompartment(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task EventRules_CoverCisEventsInRootCompartment_ReportsMissingNetworkRuleInStandbyRegion() =>
        Broken(EventRules.CoverCisEventsInRootCompartment(await EnclaveRun.RunAsync("prod",
            Variant.Change(Oci.EventRule, r => r.Name.Contains("us-phoenix-1-nsg", StringComparison.Ordinal)
                ? r.With("condition", "{\"eventType\":[\"com.oraclecloud.virtualnetwork.createnetworksecuritygroup\"]}") : r))),
            "CIS 4.11: no notifying root rule in us-phoenix-1");

    [Fact]
    public async Task EventRules_CoverCisEventsInRootCompartment_ReportsRuleOutsideRoot() =>
        Broken(EventRules.CoverCisEventsInRootCompartment(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.EventRule, "compartmentId", "ocid1.compartment.oc1..enclave", nameContains: "policy-changes"))), "CIS 4.6");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task EventRules_IncludeBothIdpGroupMappingSpellings(string stack) =>
        Holds(EventRules.IncludeBothIdpGroupMappingSpellings(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task EventRules_IncludeBothIdpGroupMappingSpellings_ReportsLandingZoneSpellingOnly() =>
        Broken(EventRules.IncludeBothIdpGroupMappingSpellings(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.EventRule, r => r.Name.Contains("idp-group-mapping", StringComparison.Ordinal)
                ? r.With("condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.createidpgroupmapping\",\"com.oraclecloud.identitycontrolplane.deleteidpgroupmapping\"]}")
                : r))), "both spellings");
}
