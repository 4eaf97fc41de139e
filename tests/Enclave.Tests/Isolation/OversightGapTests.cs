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
}
