using Pulumi;
using ProviderArgs = Pulumi.Oci.ProviderArgs;

namespace Enclave.Components.Regions;

/// <summary>
/// Args of an explicit OCI provider. Explicit providers do not read the stack's <c>oci:*</c> config (only the default
/// provider does), so the credentials settings the operator configured there are carried over; only the region differs.
/// (No <c>using Pulumi.Oci</c>: the official package's static <c>Pulumi.Oci.Config</c> would clash with <see cref="Config"/>.)
/// </summary>
internal static class ExplicitProviderArgs
{
    public static ProviderArgs For(string region, string tenancyOcid)
    {
        var oci = new Config("oci");
        var args = new ProviderArgs { Region = region, TenancyOcid = tenancyOcid };
        if (oci.Get("auth") is { } auth) args.Auth = auth;
        if (oci.Get("configFileProfile") is { } profile) args.ConfigFileProfile = profile;
        if (oci.Get("userOcid") is { } user) args.UserOcid = user;
        if (oci.Get("fingerprint") is { } fingerprint) args.Fingerprint = fingerprint;
        if (oci.Get("privateKeyPath") is { } keyPath) args.PrivateKeyPath = keyPath;
        // The private key is only ever passed on as a secret.
        if (oci.GetSecret("privateKey") is { } privateKey) args.PrivateKey = privateKey;
        return args;
    }
}
