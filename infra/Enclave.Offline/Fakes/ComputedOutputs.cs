namespace Enclave.Offline.Fakes;

/// <summary>
/// The provider-computed outputs the enclave program reads before deploy time (a Vcn's default security list, a
/// Vault's management endpoint, a RandomPassword's result, an Autonomous Database's private endpoint). Everything
/// else a provider would compute is left out, so it stays unknown in a preview, as it would against a real cloud.
/// </summary>
internal static class ComputedOutputs
{
    public static Dictionary<string, object> For(string type, string name, string? region, IReadOnlyDictionary<string, object> inputs,
        Action<string> addSecret)
    {
        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        switch (type)
        {
            case "oci:Core/vcn:Vcn":
                outputs["defaultSecurityListId"] = FakeIds.Ocid("securitylist", region, name + "/default");
                outputs["defaultRouteTableId"] = FakeIds.Ocid("routetable", region, name + "/default");
                outputs["defaultDhcpOptionsId"] = FakeIds.Ocid("dhcpoptions", region, name + "/default");
                break;
            case "oci:Kms/vault:Vault":
                var host = FakeIds.Digest(12, "vault", name);
                outputs["managementEndpoint"] = $"https://{host}-management.kms.{region}.oraclecloud.com";
                outputs["cryptoEndpoint"] = $"https://{host}-crypto.kms.{region}.oraclecloud.com";
                break;
            case "oci:Database/autonomousDatabase:AutonomousDatabase":
                if (inputs.GetValueOrDefault("privateEndpointLabel") is string label)
                    outputs["privateEndpoint"] = $"{label}.adb.{region}.oraclecloudapps.com";
                break;
            case "oci:ObjectStorage/bucket:Bucket":
                outputs["bucketId"] = FakeIds.Ocid("bucket", region, name);
                break;
            case "random:index/randomPassword:RandomPassword":
            case "random:index/randomString:RandomString":
                var result = FakeSecrets.Generate(type, name, inputs);
                addSecret(result);
                outputs["result"] = result;
                if (type.EndsWith("RandomPassword", StringComparison.Ordinal))
                {
                    var hash = "$2a$10$" + FakeIds.Digest(53, "bcrypt", name);
                    addSecret(hash);
                    outputs["bcryptHash"] = hash;
                }
                break;
        }
        return outputs;
    }
}
