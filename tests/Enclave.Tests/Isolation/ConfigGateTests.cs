using Enclave.Tests.Support;

namespace Enclave.Tests.Isolation;

/// <summary>
/// The program reads and validates its config before declaring anything: a copy of a real stack file with one bad
/// value stops the run with a message naming the key and the value, and nothing at all is declared.
/// </summary>
public sealed class ConfigGateTests
{
    private static async Task AssertStopsBeforeDeclaring(Variant variant, params string[] mentioned)
    {
        var (error, declared) = await EnclaveRun.TryRunAsync("dev", variant);
        Assert.NotNull(error);
        foreach (var text in mentioned) Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Empty(declared);
    }

    [Fact]
    public Task Program_StopsBeforeDeclaringAnythingInNonUsRegion() =>
        AssertStopsBeforeDeclaring(Variant.ConfigValue("oci:region", "eu-frankfurt-1"), "oci:region", "eu-frankfurt-1");

    [Fact]
    public Task Program_StopsBeforeDeclaringAnythingWhenParentEmailIsNotified() =>
        AssertStopsBeforeDeclaring(Variant.ConfigValue("us-data-enclave:notificationEmails", "[\"ops@parentco.example\"]"),
            "notificationEmails", "ops@parentco.example");

    [Fact]
    public Task Program_StopsBeforeDeclaringAnythingWhenParentGroupIsGatekeeper() =>
        AssertStopsBeforeDeclaring(Variant.ConfigObject("us-data-enclave:groups", g => g["gatekeeper"] = "ParentCo-GlobalAdmins"),
            "groups.gatekeeper", "ParentCo-GlobalAdmins");

    [Fact]
    public Task Program_StopsBeforeDeclaringAnythingWhenBastionWouldAdmitParentNetwork() =>
        AssertStopsBeforeDeclaring(Variant.ConfigValue("us-data-enclave:gatekeeperCidrs", "[\"203.0.113.0/28\"]"),
            "gatekeeperCidrs", "203.0.113.0/28");
}
