using Pulumi;

namespace Enclave.Configuration;

public static partial class EnclaveConfig
{
    /// <summary>
    /// The settings of the running stack, read from the config the engine handed the program (<c>PULUMI_CONFIG</c>,
    /// through <see cref="Config"/>). Call it first, before declaring any resource.
    /// </summary>
    /// <exception cref="ConfigurationException">A <see cref="RunException"/> listing every problem, one per line.</exception>
    public static EnclaveSettings Read() => Load(new PulumiConfigSource(), Deployment.Instance.StackName);

    /// <summary><see cref="Parse"/>, throwing <see cref="ConfigurationException"/> when anything is wrong.</summary>
    public static EnclaveSettings Load(IConfigSource source, string stack)
    {
        var result = Parse(source, stack);
        if (!result.IsValid) throw new ConfigurationException(stack, result.Problems);
        return result.Settings!;
    }
}
