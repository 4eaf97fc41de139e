using System.Collections.Concurrent;
using Enclave.Configuration;
using Enclave.Offline.Fakes;
using Enclave.Tests.Support;
using Pulumi;
using ProviderArgs = Pulumi.Oci.ProviderArgs;

namespace Enclave.Tests.Isolation;

/// <summary>
/// The home-region and standby-region providers are explicit providers, which do not read the stack's <c>oci:*</c>
/// settings (only the default provider does). The program carries the operator's credential settings over, so IAM in
/// the home region is changed with the same identity as the rest of the enclave, never with whatever credentials the
/// machine happens to hold; and the private key goes on only as a secret, so no plan, state or log shows it.
/// </summary>
public sealed class ProviderCredentialsTests
{
    private const string Key = "-----BEGIN TEST KEY-----";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["oci:auth"] = "ApiKey",
        ["oci:configFileProfile"] = "ENCLAVE",
        ["oci:userOcid"] = "ocid1.user.oc1..deployer",
        ["oci:fingerprint"] = "aa:bb:cc",
        ["oci:privateKeyPath"] = "/keys/deployer.pem",
    };

    [Fact]
    public async Task ExplicitProviders_CarryTheStacksOciCredentials_AndTheKeyOnlyAsASecret()
    {
        var (registered, observed) = await RunProd(Settings.Append(new("oci:privateKey", Key)), secretKeys: ["oci:privateKey"]);

        // prod: a home region (us-ashburn-1 is also its deployment region, but IAM goes through the explicit home
        // provider) and the standby region us-phoenix-1.
        Assert.Equal(2, registered.Count);
        Assert.Contains(registered, p => p.Name.EndsWith("home", StringComparison.Ordinal));
        Assert.Contains(registered, p => p.Name.EndsWith("standby", StringComparison.Ordinal));
        foreach (var provider in registered)
        {
            foreach (var (key, value) in Settings)
                Assert.Equal(value, provider.Str(key["oci:".Length..]));
        }
        foreach (var provider in observed)
        {
            var privateKey = ((ProviderArgs)provider.Args).PrivateKey;
            Assert.NotNull(privateKey);
            Assert.True(await Output.IsSecretAsync(privateKey.ToOutput()), $"{provider}: the private key is passed on in plain text");
        }
    }

    [Fact]
    public async Task ExplicitProviders_SetNoCredentialTheStackDoesNotSet()
    {
        var (registered, observed) = await RunProd([], secretKeys: []);

        Assert.Equal(2, registered.Count);
        foreach (var provider in registered)
            Assert.All(Settings.Keys.Append("oci:privateKey"), key => Assert.False(provider.Inputs.ContainsKey(key["oci:".Length..]), $"{provider.Name} sets {key}"));
        Assert.All(observed, o => Assert.Null(((ProviderArgs)o.Args).PrivateKey));
    }

    private static async Task<(List<Registered> Registered, List<Observed> Observed)> RunProd(
        IEnumerable<KeyValuePair<string, string>> extra, IEnumerable<string> secretKeys)
    {
        var loaded = StackFiles.Load("prod");
        var config = loaded with { Values = loaded.Values.SetItems(extra), SecretKeys = loaded.SecretKeys.Union(secretKeys) };
        var settings = EnclaveConfig.Load(config.Source, "prod");
        var mocks = new RecordingMocks(FakeCloud.For(settings), settings.DeploymentRegion, mutate: null);
        var observations = new ConcurrentQueue<Observed>();
        await EnclaveRun.Run(config, mocks,
            () => ResourceObserver.Observe(a => observations.Enqueue(new Observed(a.Resource, a.Args, a.Options))));
        return ([.. mocks.Registrations.Where(r => r.Type == Deployed.ProviderType)],
            [.. observations.Where(o => o.Type == Deployed.ProviderType)]);
    }
}
