using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// A manual Autonomous Database backup's destination may harden its retention (ENC-GOV-090): kept for its retention
/// window after termination, or locked, were refused as undeclared fields; each only keeps the backup longer. A value
/// that keeps it shorter, and the fields that name a store outside the database service, still fail.
/// </summary>
public class BackupRetentionHardeningTests
{
    private static FindingStatus? Status(object destination, string rule = "ENC-GOV-090")
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.AutonomousDatabaseBackup, "adb-backup", new { autonomousDatabaseId = Ref("adb"), isLongTermBackup = true,
            retentionPeriodInDays = 365, backupDestinationDetails = destination });
        return RuleRunner.Status(g, rule, "adb-backup");
    }

    [Theory]
    [InlineData("RETAIN_PER_RETENTION_WINDOW", true)]
    [InlineData("retain_per_retention_window", false)]
    [InlineData("RETAIN_FOR_72_HOURS", false)]
    public void Retention_kept_at_least_as_long_as_the_default_passes(string onTerminate, bool locked)
    {
        object destination = new { type = "LOCAL", backupRetentionPolicyOnTerminate = onTerminate, isRetentionLockEnabled = locked };
        Assert.Equal(FindingStatus.Pass, Status(destination));
        Assert.Equal(FindingStatus.Pass, Status(destination, "ENC-REG-002"));
    }

    [Theory]
    [InlineData("DELETE_WITH_DATABASE")]
    [InlineData("")]
    public void A_retention_no_documented_value_names_fails(string onTerminate) =>
        Assert.Equal(FindingStatus.Fail, Status(new { type = "LOCAL", backupRetentionPolicyOnTerminate = onTerminate }));

    [Fact]
    public void A_lock_that_is_not_a_flag_fails() =>
        Assert.Equal(FindingStatus.Fail, Status(new { type = "LOCAL", isRetentionLockEnabled = "until-2030" }));

    [Fact]
    public void A_destination_store_or_its_credentials_still_fail()
    {
        Assert.Equal(FindingStatus.Fail, Status(new { type = "LOCAL", internetProxy = "http://203.0.113.1:3128" }));
        Assert.Equal(FindingStatus.Fail, Status(new { type = "LOCAL", id = "ocid1.recoveryservicesubnet.oc1.iad.parent" }));
        Assert.Equal(FindingStatus.Fail, Status(new { type = "LOCAL", vpcUser = "parent", vpcPassword = Secret }));
    }
}
