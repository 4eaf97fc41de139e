using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>Pulumi's state encoding (ResourceV3) of the neutral graph's values and resources.</summary>
public static class StateJson
{
    /// <summary>The ciphertext written for every secret: the gate never decrypts, so any opaque string will do.</summary>
    public const string Ciphertext = "v1:Tm9uY2VOb25jZQ==:ZmFicmljYXRlZC1jaXBoZXJ0ZXh0";

    public static JsonObject Secret() => new()
    {
        [PulumiValues.SignatureKey] = PulumiValues.SecretSignature,
        ["ciphertext"] = Ciphertext,
    };

    public static JsonNode Unknown() => JsonValue.Create(PulumiValues.UnknownSentinel);

    public static bool IsSecret(JsonNode? node) =>
        node is JsonObject o && o[PulumiValues.SignatureKey]?.GetValue<string>() == PulumiValues.SecretSignature;

    public static JsonObject Resource(ResourceNode n, string? provider)
    {
        var o = new JsonObject { ["urn"] = n.Urn, ["custom"] = n.Custom };
        if (n.Id.AsString() is { Length: > 0 } id) o["id"] = id;
        o["type"] = n.Type;
        o["inputs"] = Properties(n.Inputs);
        o["outputs"] = Properties(n.Outputs);
        if (n.Parent is not null) o["parent"] = n.Parent;
        if (n.Protect) o["protect"] = true;
        if (provider is not null) o["provider"] = provider;
        o["dependencies"] = new JsonArray(n.Dependencies.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        var deps = new JsonObject();
        foreach (var (k, v) in n.PropertyDependencies) deps[k] = new JsonArray(v.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        o["propertyDependencies"] = deps;
        o["created"] = "2026-01-01T00:00:00Z";
        o["modified"] = "2026-01-01T00:00:00Z";
        return o;
    }

    public static JsonObject Provider(string urn, string type, JsonObject inputs) => new()
    {
        ["urn"] = urn,
        ["custom"] = true,
        ["id"] = ProviderId(urn),
        ["type"] = type,
        ["inputs"] = inputs,
        ["outputs"] = inputs.DeepClone(),
        ["dependencies"] = new JsonArray(),
        ["propertyDependencies"] = new JsonObject(),
        ["created"] = "2026-01-01T00:00:00Z",
        ["modified"] = "2026-01-01T00:00:00Z",
    };

    /// <summary>A stable UUID-shaped provider id from the provider's URN.</summary>
    public static string ProviderId(string urn)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(urn));
        return new Guid(h.AsSpan(0, 16)).ToString();
    }

    /// <summary>A map of properties; values a deployed state cannot hold (unknowns) are left out.</summary>
    private static JsonObject Properties(MapValue map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map.Fields)
            if (v is not UnknownValue) o[k] = Value(v);
        return o;
    }

    public static JsonNode? Value(PropertyValue v) => v switch
    {
        NullValue => null,
        UnknownValue => Unknown(),
        SecretValue => Secret(),
        BoolValue b => JsonValue.Create(b.Value),
        NumberValue n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 1e15 => JsonValue.Create((long)n.Value),
        NumberValue n => JsonValue.Create(n.Value),
        StringValue s => JsonValue.Create(s.Value),
        ResourceRefValue r => new JsonObject
        {
            [PulumiValues.SignatureKey] = PulumiValues.ResourceReferenceSignature,
            ["urn"] = r.Urn,
            ["id"] = r.Id,
        },
        ListValue l => new JsonArray(l.Items.Where(i => i is not UnknownValue).Select(Value).ToArray()),
        MapValue m => Properties(m),
        _ => throw new ArgumentOutOfRangeException(nameof(v), v.GetType().Name),
    };
}
