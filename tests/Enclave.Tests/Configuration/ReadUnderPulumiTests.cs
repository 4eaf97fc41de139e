using Enclave.Configuration;
using Enclave.Offline.Stacks;
using Enclave.Tests.Offline;
using Pulumi;

namespace Enclave.Tests.Configuration;

/// <summary><see cref="EnclaveConfig.Read"/> inside a real (mock-engine) deployment: the config the engine hands the
/// program through PULUMI_CONFIG, read with the official Config API.</summary>
[Collection(OfflineCollection.Name)]
public class ReadUnderPulumiTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Read_sees_the_same_settings_as_the_stack_file(string stack)
    {
        var config = StackConfigFile.Load(RepoRoot.Path, stack);

        var settings = await UnderPulumi.ReadAsync(config);

        var expected = EnclaveConfig.Parse(config.Source, stack).Settings!;
        Assert.NotNull(settings);
        Assert.Equal(stack, settings!.Stack);
        Assert.Equal(expected.TenancyOcid, settings.TenancyOcid);
        Assert.Equal(expected.Network, settings.Network with { OnPremCidrs = expected.Network.OnPremCidrs });
        Assert.Equal(expected.Network.OnPremCidrs.ToArray(), settings.Network.OnPremCidrs.ToArray());
        Assert.Equal(expected.Database, settings.Database);
        Assert.Equal(expected.Vault, settings.Vault);
        Assert.Equal(expected.AllowedRegions.ToArray(), settings.AllowedRegions.ToArray());
    }

    [Fact]
    public async Task A_bad_value_stops_the_program_with_the_clear_message_only()
    {
        var good = StackConfigFile.Load(RepoRoot.Path, "dev");
        var bad = good with
        {
            Values = good.Values
                .SetItem("us-data-enclave:homeRegion", "eu-frankfurt-1")
                .SetItem("us-data-enclave:gatekeeperCidrs", """["0.0.0.0/0"]"""),
        };

        var e = await Assert.ThrowsAsync<RunException>(() => UnderPulumi.ReadAsync(bad));

        Assert.Contains("Configuration of stack 'dev' is invalid (2 problems):", e.Message, StringComparison.Ordinal);
        Assert.Contains("us-data-enclave:homeRegion: 'eu-frankfurt-1' is not a US commercial region", e.Message, StringComparison.Ordinal);
        Assert.Contains("us-data-enclave:gatekeeperCidrs[0]: '0.0.0.0/0' is the whole IPv4 internet", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_in_PULUMI_CONFIG_stops_the_program()
    {
        // The official Config API cannot list keys; the misspelling is found in PULUMI_CONFIG itself.
        var good = StackConfigFile.Load(RepoRoot.Path, "dev");
        var bad = good with { Values = good.Values.SetItem("us-data-enclave:namePrefx", "usde-dev") };

        var e = await Assert.ThrowsAsync<RunException>(() => UnderPulumi.ReadAsync(bad));

        Assert.Contains("us-data-enclave:namePrefx: unknown key 'namePrefx'; did you mean 'namePrefix'?", e.Message, StringComparison.Ordinal);
    }
}
