using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Pb = Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// Property values marshalled as the engine marshals them for an analyzer (Go <c>MarshalProperties</c> with
/// <c>KeepUnknowns</c> and <c>KeepSecrets</c>, without <c>KeepResources</c>): unknowns as the sentinel string, secrets
/// as signed objects that carry the plaintext (the engine does send it), resource references as the target's id
/// (a custom resource; unknown while it has none) or URN (a component), keys starting with "__" left out.
/// </summary>
public sealed class EngineValues(ResourceGraph graph)
{
    /// <summary>What the harness sends as every secret's plaintext: it must never come back in any answer.</summary>
    public const string SecretPlaintext = "PLAINTEXT-OF-A-SECRET-7f3a";

    public Pb.Struct Struct(MapValue map)
    {
        var s = new Pb.Struct();
        foreach (var (key, value) in map.Entries)
            if (!key.StartsWith("__", StringComparison.Ordinal)) s.Fields[key] = Value(value);
        return s;
    }

    public Pb.Value Value(PropertyValue value) => value switch
    {
        NullValue => Pb.Value.ForNull(),
        BoolValue b => Pb.Value.ForBool(b.Value),
        NumberValue n => Pb.Value.ForNumber(n.Value),
        StringValue s => Pb.Value.ForString(s.Value),
        UnknownValue => Pb.Value.ForString(PulumiValues.UnknownSentinel),
        SecretValue => Pb.Value.ForStruct(new Pb.Struct
        {
            Fields =
            {
                [PulumiValues.SignatureKey] = Pb.Value.ForString(PulumiValues.SecretSignature),
                ["value"] = Pb.Value.ForString(SecretPlaintext),
            },
        }),
        ResourceRefValue r => Reference(r),
        ListValue l => Pb.Value.ForList([.. l.Items.Select(Value)]),
        MapValue m => Pb.Value.ForStruct(Struct(m)),
        _ => throw new ArgumentException($"no engine encoding for {value.GetType().Name}"),
    };

    private Pb.Value Reference(ResourceRefValue r)
    {
        var target = graph.ByUrn(r.Urn);
        if (target is { Custom: false }) return Pb.Value.ForString(r.Urn);
        return Pb.Value.ForString(r.Id ?? target?.Id.AsString() ?? PulumiValues.UnknownSentinel);
    }
}
