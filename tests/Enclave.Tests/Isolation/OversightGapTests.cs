using Enclave.Components.Tenancy;
using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

/// <summary>
/// Oversight and tenancy controls the mutation run of <c>Components/{Oversight,Tenancy}</c> showed no test held
/// (docs/testing.md): each test fails when the control it names is removed from the program.
/// </summary>
public sealed class OversightGapTests
{
    // The lock time is computed from the date of the first deployment. Were it not ignored on later runs, every
    // `pulumi up` would move it to "today + 15 days": an unlocked rule would be pushed out for ever and the archive
    // never lock (its logs stay deletable), a locked one would fail the deployment.
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ArchiveBucket_KeepsTheLockTimeOfItsFirstDeployment(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        var archives = d.Observations.Where(o => o.Type == Oci.Bucket && o.Name.Contains("archive", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(archives);
        Assert.All(archives, a => Assert.Contains("retentionRules[0].timeRuleLocked", a.Options.IgnoreChanges));
    }

    // A connector task of another kind than logRule applies no condition: it keeps no audit operation.
    [Fact]
    public async Task Pars_CreationNotifies_ReportsAlertTaskThatIsNoLogRule() =>
        Broken(HardeningRules.NoGrantCreatesPreauthenticatedRequests(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Connector, "tasks[0].kind", "function", nameContains: "us-phoenix-1-audit-alerts"))),
            "PAR creation in us-phoenix-1 notifies nobody");

    [Fact]
    public async Task CloudGuard_TargetDetects_ReportsInactiveTarget() =>
        Broken(HardeningRules.CloudGuardTargetDetectsOnTheEnclave(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.CloudGuardTarget, "state", "INACTIVE"))), "is INACTIVE, not ACTIVE");

    [Fact]
    public async Task CloudGuard_Enabled_ReportsSelfManagedResources() =>
        Broken(TenancyRules.CloudGuardEnabledWithHomeReportingRegion(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.CloudGuardConfiguration, "selfManageResources", true))), "selfManageResources=True");

    [Fact]
    public async Task AuditAlerts_ReportMissingPublishGrant() =>
        Broken(OversightRules.ServiceConnectorMayOnlyWriteArchiveBucket(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Policy, p => p.Str("name")?.EndsWith("audit-alert-connector-policy", StringComparison.Ordinal) == true
                ? p.With("statements", new List<object?>()) : p))), "no Service Connector may publish to the gatekeepers' topics");

    // OCI takes the lock time as RFC 3339 only; any other rendering of the same instant is refused at deploy.
    [Fact]
    public async Task ArchiveBucket_LockTimeIsRfc3339()
    {
        using var clock = EnclaveClock.Pin(new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var d = await EnclaveRun.RunAsync("dev", new Variant());
        Assert.Equal("2026-03-16T00:00:00Z", d.ArchiveBucket()!.Str("retentionRules[0].timeRuleLocked"));
    }

    // Oracle's recipe is taken only when the tenancy offers exactly one: never a customer's clone, never a guess
    // between two, one clear error otherwise.
    [Fact]
    public void CloudGuard_OracleRecipe_IsTheOnlyOracleOwnedOneOfItsDetector()
    {
        const string activity = "IAAS_ACTIVITY_DETECTOR";
        Assert.Equal("oracle", CloudGuardTarget.OracleRecipe(
            [("CUSTOMER", activity, "clone"), ("ORACLE", "IAAS_CONFIGURATION_DETECTOR", "other"), ("ORACLE", activity, "oracle"),
             ("ORACLE", activity, "oracle"), ("ORACLE", activity, "")], activity));
        var two = Assert.Throws<Pulumi.RunException>(() => CloudGuardTarget.OracleRecipe(
            [("ORACLE", activity, "a"), ("ORACLE", activity, "b")], activity));
        Assert.Contains("offers 2 Oracle-managed IAAS_ACTIVITY_DETECTOR recipes", two.Message);
        var none = Assert.Throws<Pulumi.RunException>(() => CloudGuardTarget.OracleRecipe([("CUSTOMER", activity, "clone")], activity));
        Assert.Contains("offers 0 Oracle-managed", none.Message);
    }

    // A tenancy that lacks one policy of the zone recipe gets one clear error naming it, not a zone without it.
    [Fact]
    public void SecurityZone_MissingPolicyIsNamed()
    {
        var offered = SecurityZonePolicies.Required.Where(n => n != "deny public_buckets").Select(n => (n, $"id-{n}")).ToList();
        var error = Assert.Throws<Pulumi.RunException>(() => SecurityZonePolicies.SelectIds(offered));
        Assert.Contains("deny public_buckets", error.Message);
        var all = SecurityZonePolicies.Required.Select(n => (n.ToUpperInvariant(), $"id-{n}")).Append(("", "blank")).ToList();
        Assert.Equal(SecurityZonePolicies.Required.Select(n => $"id-{n}"), SecurityZonePolicies.SelectIds(all));
    }
}
