using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.PolicyPack.Mapping;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.Mapping;

/// <summary>
/// The engine's property values mean to the pack what the same values mean in a state or preview file: the engine
/// sends a secret's plaintext, which is never kept; the unknown sentinel is unknown; engine bookkeeping is dropped.
/// </summary>
public sealed class StructDecoderTests
{
    private static Value Signed(string signature, params (string Key, Value Value)[] fields)
    {
        var s = new Struct { Fields = { [PulumiValues.SignatureKey] = Value.ForString(signature) } };
        foreach (var (key, value) in fields) s.Fields[key] = value;
        return Value.ForStruct(s);
    }

    [Fact]
    public void Secrets_keep_no_plaintext_wherever_they_are()
    {
        var properties = new Struct
        {
            Fields =
            {
                ["password"] = Signed(PulumiValues.SecretSignature, ("value", Value.ForString("hunter2"))),
                ["wrapped"] = Signed(PulumiValues.OutputValueSignature, ("value", Value.ForString("hunter2")), ("secret", Value.ForBool(true))),
                ["nested"] = Value.ForList(Signed(PulumiValues.SecretSignature, ("value", Value.ForString("hunter2")))),
            },
        };

        var map = StructDecoder.Map(properties, "request.properties");

        Assert.IsType<SecretValue>(map["password"]);
        Assert.IsType<SecretValue>(map["wrapped"]);
        Assert.IsType<SecretValue>(map["nested"][0]);
        Assert.DoesNotContain("hunter2", map.ToString());
    }

    [Fact]
    public void Unknowns_references_assets_and_engine_bookkeeping_read_as_in_files()
    {
        var properties = new Struct
        {
            Fields =
            {
                ["subnetId"] = Value.ForString(PulumiValues.UnknownSentinel),
                ["vault"] = Signed(PulumiValues.ResourceReferenceSignature, ("urn", Value.ForString("urn:pulumi:dev::p::oci:Kms/vault:Vault::v")), ("id", Value.ForString(""))),
                ["code"] = Signed(PulumiValues.AssetSignature, ("path", Value.ForString("main.zip")), ("text", Value.ForString("inline text"))),
                ["pending"] = Signed(PulumiValues.OutputValueSignature),
                ["future"] = Signed("0123456789abcdef0123456789abcdef"),
                ["__defaults"] = Value.ForList(Value.ForString("displayName")),
                ["enabled"] = Value.ForBool(true),
                ["size"] = Value.ForNumber(2),
                ["nothing"] = Value.ForNull(),
            },
        };

        var map = StructDecoder.Map(properties, "request.properties");

        Assert.IsType<UnknownValue>(map["subnetId"]);
        Assert.Equal(new ResourceRefValue("urn:pulumi:dev::p::oci:Kms/vault:Vault::v", null), map["vault"]);
        Assert.Equal(PropertyValue.Map(("kind", PropertyValue.Of("asset")), ("path", PropertyValue.Of("main.zip"))), map["code"]);
        Assert.IsType<UnknownValue>(map["pending"]);
        Assert.IsType<UnknownValue>(map["future"]);
        Assert.False(map.TryGetValue("__defaults", out _));
        Assert.Equal(PropertyValue.Of(true), map["enabled"]);
        Assert.Equal(PropertyValue.Of(2), map["size"]);
        Assert.True(map["nothing"].IsNull);
    }
}
