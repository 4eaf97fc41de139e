using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using Pulumi;
using Pulumi.Oci.Database;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class DatabaseTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_UsesPrivateEndpointInDataSubnet(string stack) =>
        Holds(DatabaseRules.UsesPrivateEndpointInDataSubnet(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_UsesPrivateEndpointInDataSubnet_ReportsPublicEndpoint() =>
        Broken(DatabaseRules.UsesPrivateEndpointInDataSubnet(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "subnetId", null))), "not in a data subnet");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_HasNoPublicAccessList(string stack) =>
        Holds(DatabaseRules.HasNoPublicAccessList(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_HasNoPublicAccessList_ReportsAccessList() =>
        Broken(DatabaseRules.HasNoPublicAccessList(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "whitelistedIps", new List<object> { "0.0.0.0/0" }))), "0.0.0.0/0");

    // An unset standby access list is computed by OCI: left out, a preview cannot tell it is empty.
    [Fact]
    public async Task Database_HasNoPublicAccessList_ReportsUnstatedStandbyAccessList() =>
        Broken(DatabaseRules.HasNoPublicAccessList(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.AutonomousDatabase, "standbyWhitelistedIps", null, nameContains: "standby"))),
            "does not state its standbyWhitelistedIps");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_RequiresMtls(string stack) => Holds(DatabaseRules.RequiresMtls(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_RequiresMtls_ReportsPlainTls() =>
        Broken(DatabaseRules.RequiresMtls(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.AutonomousDatabase, "isMtlsConnectionRequired", false, nameContains: "standby"))), "False");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_IsEncryptedWithVaultKey(string stack) =>
        Holds(DatabaseRules.IsEncryptedWithVaultKey(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_IsEncryptedWithVaultKey_ReportsOracleManagedKey() =>
        Broken(DatabaseRules.IsEncryptedWithVaultKey(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "kmsKeyId", null))), "kmsKeyId=");

    [Fact]
    public async Task Database_IsEncryptedWithVaultKey_ReportsStandbyWithoutKey() =>
        Broken(DatabaseRules.IsEncryptedWithVaultKey(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.AutonomousDatabase, "vaultId", null, nameContains: "standby"))), "adb-standby' kmsKeyId=");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_AdminPasswordIsGeneratedByRandomPassword(string stack) =>
        Holds(DatabaseRules.AdminPasswordIsGeneratedForAdb(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_AdminPasswordIsGeneratedByRandomPassword_ReportsShortPassword() =>
        Broken(DatabaseRules.AdminPasswordIsGeneratedForAdb(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.RandomPassword, "length", 12.0))), "length 12");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_AdminPasswordFlowsOnlyAsSecret(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        Holds(await StackRules.AdminPasswordIsGeneratedSecret(d.Observations));
        Holds(StackRules.PlaintextPasswordAppearsNowhereElse(d));
    }

    [Fact]
    public async Task Database_AdminPasswordFlowsOnlyAsSecret_ReportsPasswordHandedToTheDatabase()
    {
        var d = await EnclaveRun.Of("dev");
        var observed = d.Observations.Select(o => o.Type == Oci.AutonomousDatabase
            ? o with { Args = new AutonomousDatabaseArgs { AdminPassword = Output.Create("Typed-In-Passw0rd") } }
            : o);
        Broken(await StackRules.AdminPasswordIsGeneratedSecret(observed), "handed the admin password itself");
    }

    [Fact]
    public async Task Database_AdminPasswordFlowsOnlyAsSecret_ReportsPlainSecretContent()
    {
        var d = await EnclaveRun.Of("dev");
        var observed = d.Observations.Select(o => o.Type == Oci.Secret
            ? o with { Args = new Pulumi.Oci.Vault.SecretArgs { SecretContent = new Pulumi.Oci.Vault.Inputs.SecretSecretContentArgs { Content = "VHlwZWQ=" } } }
            : o);
        Broken(await StackRules.AdminPasswordIsGeneratedSecret(observed), "stored in plain text");
    }

    [Fact]
    public async Task Database_AdminPasswordIsGeneratedByRandomPassword_ReportsPasswordInDatabaseInputs() =>
        Broken(DatabaseRules.AdminPasswordIsGeneratedForAdb(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "adminPassword", "Typed-In-Passw0rd"))), "carries the admin password itself");

    [Fact]
    public async Task Database_AdminPasswordFlowsOnlyAsSecret_ReportsLeakIntoOtherInputs()
    {
        // Fake random results are deterministic, so the variant run generates the same password.
        var password = (await EnclaveRun.Of("dev")).GeneratedSecrets.Single();
        var leaked = await EnclaveRun.RunAsync("dev", new Variant
        {
            Mutate = r => r.Type == Oci.Topic ? r.With("description", $"admin password is {password}") : r,
        });
        Broken(StackRules.PlaintextPasswordAppearsNowhereElse(leaked), "contains the admin password");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_BackupRetentionFollowsConfig(string stack) =>
        Holds(DatabaseRules.BackupRetentionFollowsConfig(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_BackupRetentionFollowsConfig_ReportsOtherRetention() =>
        Broken(DatabaseRules.BackupRetentionFollowsConfig(await EnclaveRun.RunAsync("staging",
            Variant.Flip(Oci.AutonomousDatabase, "backupRetentionPeriodInDays", 1.0))), "backup retention 1 days");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_IsRegisteredWithDataSafe(string stack) =>
        Holds(DatabaseRules.IsRegisteredWithDataSafe(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_IsRegisteredWithDataSafe_ReportsPublicConnection() =>
        Broken(DatabaseRules.IsRegisteredWithDataSafe(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.DataSafeTarget, "connectionOption.connectionType", "ONPREM_CONNECTOR"))), "not through a Data Safe private endpoint");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_ContactsAreGatekeepers(string stack) =>
        Holds(DatabaseRules.ContactsAreGatekeepers(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_ContactsAreGatekeepers_ReportsForeignContact() =>
        Broken(DatabaseRules.ContactsAreGatekeepers(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "customerContacts",
                new List<object> { new Dictionary<string, object> { ["email"] = "dba@elsewhere.example" } }))), "dba@elsewhere.example");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_IsNeverFreeTier(string stack) => Holds(DatabaseRules.IsNeverFreeTier(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_IsNeverFreeTier_ReportsFreeTier() =>
        Broken(DatabaseRules.IsNeverFreeTier(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "isFreeTier", true))), "isFreeTier=True");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_IsEcpuWithConfiguredWorkload(string stack) =>
        Holds(DatabaseRules.IsEcpuWithConfiguredWorkload(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_IsEcpuWithConfiguredWorkload_ReportsOtherWorkload() =>
        Broken(DatabaseRules.IsEcpuWithConfiguredWorkload(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AutonomousDatabase, "dbWorkload", "DW"))), "dbWorkload=DW");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Database_DataGuardFollowsConfig(string stack) =>
        Holds(DatabaseRules.DataGuardFollowsConfig(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Database_DataGuardFollowsConfig_ReportsStandbyInDeploymentRegion() =>
        Broken(DatabaseRules.DataGuardFollowsConfig(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Deployed.ProviderType, "region", "us-ashburn-1", nameContains: "standby"))), "is in us-ashburn-1");

    [Fact]
    public async Task Database_DataGuardFollowsConfig_ReportsMissingLocalStandbyInProd() =>
        Broken(DatabaseRules.DataGuardFollowsConfig(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.AutonomousDatabase, "isLocalDataGuardEnabled", false))), "isLocalDataGuardEnabled=False");
}
