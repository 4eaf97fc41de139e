using Enclave.Configuration;
using Enclave.Offline.Stacks;
using Enclave.Tests.Offline;
using Pulumi;

namespace Enclave.Tests.Configuration;

/// <summary>
/// Red team round 9: a stack value kept as a secret reaches the gate as a placeholder while the program deploys its
/// plaintext. Most keys failed validation on the placeholder by luck; a federation entity id did not, so a secret one
/// passed the gate. Every key the program reads is an isolation setting, so a secret one (or one holding a secret
/// field) is refused by name, offline and under `pulumi up` alike.
/// </summary>
[Collection(OfflineCollection.Name)]
public class SecretSettingTests
{
    private const string Federation = "us-data-enclave:federation";

    [Fact]
    public void A_secret_setting_is_refused_by_name_offline()
    {
        var prod = StackConfigFile.Load(RepoRoot.Path, "prod");
        Assert.True(EnclaveConfig.Parse(prod.Source, "prod").IsValid);

        var secret = EnclaveConfig.Parse(new DictionaryConfigSource(prod.Values, [Federation]), "prod");
        ConfigAssert.Single(secret, Federation, "is a secret (or holds one): every enclave setting decides who and what reaches the data");
    }

    [Fact]
    public void A_provider_credential_kept_secret_is_no_setting_of_the_enclave()
    {
        var prod = StackConfigFile.Load(RepoRoot.Path, "prod");
        var values = prod.Values.SetItem("oci:privateKeyPassword", StackConfig.SecretPlaceholder);
        Assert.True(EnclaveConfig.Parse(new DictionaryConfigSource(values, ["oci:privateKeyPassword"]), "prod").IsValid);
    }

    [Fact]
    public async Task The_program_refuses_a_secret_setting_it_is_handed_in_plaintext()
    {
        // Under `pulumi up` the engine hands the program the plaintext and lists the key as secret.
        var prod = StackConfigFile.Load(RepoRoot.Path, "prod");
        var handed = prod with { SecretKeys = prod.SecretKeys.Add(Federation) };
        var e = await Assert.ThrowsAsync<RunException>(() => UnderPulumi.ReadAsync(handed));
        Assert.Contains($"{Federation}: is a secret", e.Message, StringComparison.Ordinal);
    }
}
