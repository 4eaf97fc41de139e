using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using Pulumi;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class KeyTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Vault_IsInSecurityCompartmentWithConfiguredType(string stack) =>
        Holds(KeyRules.VaultIsInSecurityCompartmentWithConfiguredType(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Vault_IsInSecurityCompartmentWithConfiguredType_ReportsSharedVaultInProd() =>
        Broken(KeyRules.VaultIsInSecurityCompartmentWithConfiguredType(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Vault, "vaultType", "DEFAULT"))), "vault type DEFAULT");

    // Prod's standby region archives its logs, so it needs a vault of its own there.
    [Fact]
    public async Task Vault_IsInSecurityCompartmentWithConfiguredType_ReportsStandbyRegionWithoutVault() =>
        Broken(KeyRules.VaultIsInSecurityCompartmentWithConfiguredType(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Deployed.ProviderType, "region", "us-ashburn-1", nameContains: "standby"))), "0 vaults in us-phoenix-1");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Keys_AreAes256InHsm(string stack) => Holds(KeyRules.KeysAreAes256InHsm(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Keys_AreAes256InHsm_ReportsAes128() =>
        Broken(KeyRules.KeysAreAes256InHsm(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Key, "keyShape.length", 16.0, nameContains: "logs"))), "AES/16");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DataKeys_OnlyInDeploymentRegion(string stack) => Holds(KeyRules.DataKeysOnlyInDeploymentRegion(await EnclaveRun.Of(stack)));

    // What the program would declare if every region's vault held every key: the database key again in the standby region.
    [Fact]
    public async Task DataKeys_OnlyInDeploymentRegion_ReportsADatabaseKeyInTheStandbyRegion()
    {
        var d = await EnclaveRun.Of("prod");
        var standbyLogsKey = d.KeyFor("logs", "us-phoenix-1")!;
        var copy = standbyLogsKey.With("displayName", d.Display("us-phoenix-1-database-key")) with
        {
            Name = standbyLogsKey.Name.Replace("logs", "database", StringComparison.Ordinal), Id = standbyLogsKey.Id + "-database",
        };
        Broken(KeyRules.DataKeysOnlyInDeploymentRegion(await EnclaveRun.RunAsync("prod", new Variant { Extra = [copy] })),
            "is a data key in us-phoenix-1");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Keys_RotateAutomaticallyAtLeastYearly(string stack) =>
        Holds(KeyRules.KeysRotateAutomaticallyAtLeastYearly(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Keys_RotateAutomaticallyAtLeastYearly_ReportsRotationOff() =>
        Broken(KeyRules.KeysRotateAutomaticallyAtLeastYearly(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Key, "isAutoRotationEnabled", false, nameContains: "database"))), "auto-rotation=False");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Keys_CoverDatabaseBucketsAndLogs(string stack) =>
        Holds(KeyRules.KeysCoverDatabaseBucketsAndLogs(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Keys_CoverDatabaseBucketsAndLogs_ReportsBucketOnWrongKey() =>
        Broken(KeyRules.KeysCoverDatabaseBucketsAndLogs(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Bucket, b => b.Name.Contains("user-data") ? b.With("kmsKeyId", "ocid1.key.oc1..other") : b))), "ocid1.key.oc1..other");

    // Object Storage encrypts a bucket only with a key of its own region: the standby region's archive uses that
    // region's logs key, not the deployment region's.
    [Fact]
    public async Task Keys_CoverDatabaseBucketsAndLogs_ReportsArchiveOnAnotherRegionsKey()
    {
        var d = await EnclaveRun.Of("prod");
        var deploymentLogsKey = d.KeyFor("logs")!.Id;
        Broken(KeyRules.KeysCoverDatabaseBucketsAndLogs(await EnclaveRun.RunAsync("prod",
            Variant.Change(Oci.Bucket, b => b.Name.Contains("us-phoenix-1", StringComparison.Ordinal) ? b.With("kmsKeyId", deploymentLogsKey) : b))),
            $"in us-phoenix-1 uses key {deploymentLogsKey}");
    }

    [Fact]
    public async Task Keys_CoverDatabaseBucketsAndLogs_ReportsStandbyOnOracleManagedKey() =>
        Broken(KeyRules.KeysCoverDatabaseBucketsAndLogs(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.AutonomousDatabase, "kmsKeyId", null, nameContains: "standby"))), "adb-standby' is not encrypted with the database key");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task KeyGrants_PrecedeEncryptedData(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        Holds(await KeyGrantRules.KeyGrantsPrecedeEncryptedData(d, d.Observations));
    }

    [Fact]
    public async Task KeyGrants_PrecedeEncryptedData_ReportsBucketNotWaitingForItsGrant()
    {
        var d = await EnclaveRun.Of("dev");
        var observed = d.Observations.Select(o => o.Type == Oci.Bucket && o.Name.Contains("user-data", StringComparison.Ordinal)
            ? o with { Options = new CustomResourceOptions { Parent = o.Options.Parent, Protect = true } } : o);
        Broken(await KeyGrantRules.KeyGrantsPrecedeEncryptedData(d, observed), "storage-user-data does not wait for the policy granting its key");
    }
}
