using Enclave.Configuration;
using Enclave.Offline.Stacks;
using Enclave.Tests.Offline;

namespace Enclave.Tests.Configuration;

/// <summary>
/// The program's view of the config the engine hands it: read from the process environment once per source, as the
/// engine's own config is read once per deployment. The reader asks for the secret keys at every key it reads, so a
/// source that parsed the variable again each time cost a JSON parse per setting, and could answer two keys from two
/// different lists.
/// </summary>
[Collection(OfflineCollection.Name)]
public class PulumiConfigSourceTests
{
    [Fact]
    public async Task A_source_reads_the_keys_and_secret_keys_once()
    {
        var prod = StackConfigFile.Load(RepoRoot.Path, "prod");
        var source = new PulumiConfigSource();
        using (await ConfigEnvironment.EnterAsync(prod with { SecretKeys = prod.SecretKeys.Add("us-data-enclave:federation") }))
        {
            Assert.Equal(new[] { "us-data-enclave:federation" }, source.SecretKeys);
            Assert.Equal(prod.Values.Keys.Order(StringComparer.Ordinal), source.Keys.Order(StringComparer.Ordinal));
        }
        // The variables are restored (unset) once the run is over: the source keeps what it read.
        Assert.Equal(new[] { "us-data-enclave:federation" }, source.SecretKeys);
        Assert.NotEmpty(source.Keys);
        Assert.Same(source.SecretKeys, source.SecretKeys);
    }
}
