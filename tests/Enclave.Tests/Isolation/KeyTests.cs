using Enclave.Tests.Rules;
using Enclave.Tests.Support;
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

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Keys_AreAes256InHsm(string stack) => Holds(KeyRules.KeysAreAes256InHsm(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Keys_AreAes256InHsm_ReportsAes128() =>
        Broken(KeyRules.KeysAreAes256InHsm(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Key, "keyShape.length", 16.0, nameContains: "logs"))), "AES/16");

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
}
