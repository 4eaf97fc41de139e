using Enclave.Configuration;
using Enclave.Offline.Stacks;

namespace Enclave.Tests.Configuration;

/// <summary>The stacks we ship are valid as they stand, and say what the issue asks of them.</summary>
public class ShippedStacksTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    private static EnclaveSettings Load(string stack)
    {
        var config = StackConfigFile.Load(RepoRoot.Path, stack);
        var result = EnclaveConfig.Parse(config.Source, stack);
        Assert.True(result.IsValid, result.Message);
        return result.Settings!;
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Shipped_stack_validates_cleanly(string stack)
    {
        var s = Load(stack);
        Assert.Equal(stack, s.Stack);
        Assert.NotEmpty(s.ParentExclusions.TenancyOcids);
        Assert.NotEmpty(s.ParentExclusions.IdentityDomains);
        Assert.NotEmpty(s.ParentExclusions.Groups);
        Assert.NotEmpty(s.ParentExclusions.IdentityProviders);
        Assert.NotEmpty(s.ParentExclusions.EmailDomains);
        Assert.NotEmpty(s.ParentExclusions.Cidrs);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Shipped_stack_uses_clearly_fake_ocids_and_documentation_ranges(string stack)
    {
        var s = Load(stack);
        Assert.Contains("example", s.TenancyOcid, StringComparison.Ordinal);
        Assert.All(s.ParentExclusions.TenancyOcids, o => Assert.Contains("example", o, StringComparison.Ordinal));
        string[] documentation = ["192.0.2.", "198.51.100.", "203.0.113."];
        Assert.All(s.GatekeeperCidrs, c => Assert.Contains(documentation, d => c.StartsWith(d, StringComparison.Ordinal)));
        Assert.StartsWith("10.", s.Network.VcnCidr, StringComparison.Ordinal);
        Assert.All(s.NotificationEmails, e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Prod_uses_a_virtual_private_vault_local_data_guard_and_a_phoenix_standby()
    {
        var s = Load("prod");
        Assert.Equal("us-ashburn-1", s.DeploymentRegion);
        Assert.Equal(VaultType.VirtualPrivate, s.Vault.Type);
        Assert.True(s.Database.LocalDataGuard);
        Assert.Equal("us-phoenix-1", s.Database.StandbyRegion);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void Dev_and_staging_use_a_virtual_private_vault_and_no_standby(string stack)
    {
        var s = Load(stack);
        // Key auto-rotation exists only in virtual private vaults, so even dev uses one.
        Assert.Equal(VaultType.VirtualPrivate, s.Vault.Type);
        Assert.Null(s.Database.StandbyRegion);
    }
}
