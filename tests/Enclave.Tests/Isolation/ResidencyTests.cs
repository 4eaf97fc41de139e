using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class ResidencyTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Providers_AreInAllowedUsRegions(string stack) =>
        Holds(ResidencyRules.ProvidersAreInAllowedUsRegions(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Providers_AreInAllowedUsRegions_ReportsANonUsProvider() =>
        Broken(ResidencyRules.ProvidersAreInAllowedUsRegions(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Deployed.ProviderType, "region", "eu-frankfurt-1", nameContains: "standby"))), "eu-frankfurt-1");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task HomeRegionResources_UseHomeProvider(string stack) =>
        Holds(ResidencyRules.HomeRegionResourcesUseHomeProvider(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task HomeRegionResources_UseHomeProvider_ReportsPolicyOnDefaultProvider() =>
        Broken(ResidencyRules.HomeRegionResourcesUseHomeProvider(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Policy, p => p with { Provider = "" }))), "default");

    [Fact]
    public async Task Program_StopsWhenTenancySubscribesOutsideUs()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => EnclaveRun.RunAsync("dev",
            new Variant { EditSubscriptions = regions => [.. regions, "eu-frankfurt-1"] }));
        Assert.Contains("eu-frankfurt-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside allowedRegions", error.Message, StringComparison.Ordinal);
    }
}
