namespace Pulumi;

/// <summary>An explicitly configured provider instance (type <c>pulumi:providers:&lt;package&gt;</c>).</summary>
public class ProviderResource : CustomResource
{
    internal string Package { get; }

    private Task<string>? _registrationRef;

    public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null)
        : base($"pulumi:providers:{package}", name, args, options)
    {
        Package = package;
    }

    public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null, RegisterPackageRequest? registerPackageRequest = null)
        : this(package, name, args, options)
    {
    }

    /// <summary>
    /// The provider reference the engine expects, <c>"&lt;urn&gt;::&lt;id&gt;"</c>; an unknown ID (preview) is sent
    /// as the unknown sentinel. Null when no provider is given.
    /// </summary>
    internal static async Task<string?> RegisterAsync(ProviderResource? provider)
    {
        if (provider is null)
        {
            return null;
        }
        provider._registrationRef ??= provider.ComputeRefAsync();
        return await provider._registrationRef.ConfigureAwait(false);
    }

    private async Task<string> ComputeRefAsync()
    {
        var urn = await Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        var id = await Id.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        if (string.IsNullOrEmpty(id))
        {
            id = Constants.UnknownValue;
        }
        return $"{urn}::{id}";
    }
}
