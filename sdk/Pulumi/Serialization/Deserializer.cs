using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;

namespace Pulumi.Serialization;

/// <summary>
/// Turns a wire value into plain .NET values: double, bool, string, <c>ImmutableArray&lt;object?&gt;</c>,
/// <c>ImmutableDictionary&lt;string, object?&gt;</c> and <see cref="Resource"/> (for resource references), plus
/// whether it was known (no unknown sentinel inside) and secret (a secret wrapper inside).
/// </summary>
internal static class Deserializer
{
    public static OutputData<object?> Deserialize(Value value)
    {
        var state = new State();
        var result = DeserializeCore(value, ref state);
        return new OutputData<object?>(state.Resources, result, state.IsKnown, state.IsSecret);
    }

    private struct State
    {
        public bool IsKnown;
        public bool IsSecret;
        public ImmutableHashSet<Resource> Resources;

        public State()
        {
            IsKnown = true;
            IsSecret = false;
            Resources = ImmutableHashSet<Resource>.Empty;
        }
    }

    private static object? DeserializeCore(Value value, ref State state)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.None:
            case Value.KindOneofCase.NullValue:
                return null;
            case Value.KindOneofCase.NumberValue:
                return value.NumberValue;
            case Value.KindOneofCase.BoolValue:
                return value.BoolValue;
            case Value.KindOneofCase.StringValue:
                if (value.StringValue == Constants.UnknownValue)
                {
                    state.IsKnown = false;
                    return null;
                }
                return value.StringValue;
            case Value.KindOneofCase.ListValue:
                var list = ImmutableArray.CreateBuilder<object?>(value.ListValue.Values.Count);
                foreach (var element in value.ListValue.Values)
                {
                    list.Add(DeserializeCore(element, ref state));
                }
                return list.MoveToImmutable();
            case Value.KindOneofCase.StructValue:
                return DeserializeStruct(value.StructValue, ref state);
            default:
                throw new InvalidOperationException($"Unknown protobuf value kind: {value.KindCase}");
        }
    }

    private static object? DeserializeStruct(Struct structValue, ref State state)
    {
        var fields = structValue.Fields;
        if (fields.TryGetValue(Constants.SpecialSigKey, out var sigValue) && sigValue.KindCase == Value.KindOneofCase.StringValue)
        {
            switch (sigValue.StringValue)
            {
                case Constants.SpecialSecretSig:
                    state.IsSecret = true;
                    return fields.TryGetValue(Constants.SecretValueName, out var secretValue)
                        ? DeserializeCore(secretValue, ref state)
                        : throw new InvalidOperationException("Secrets must have a field called 'value'");
                case Constants.SpecialResourceSig:
                    return DeserializeResource(fields);
                case Constants.SpecialOutputValueSig:
                    return DeserializeOutputValue(fields, ref state);
                case Constants.SpecialAssetSig:
                case Constants.SpecialArchiveSig:
                    throw new NotSupportedException("Assets and archives are not supported by this Pulumi SDK subset.");
                default:
                    throw new NotSupportedException($"Unrecognized signature '{sigValue.StringValue}' when unmarshalling resource property");
            }
        }

        var builder = ImmutableDictionary.CreateBuilder<string, object?>();
        foreach (var (key, element) in fields)
        {
            // Keys starting with "__" are engine-internal and not part of the object's shape.
            if (key.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }
            builder[key] = DeserializeCore(element, ref state);
        }
        return builder.ToImmutable();
    }

    private static Resource DeserializeResource(Google.Protobuf.Collections.MapField<string, Value> fields)
    {
        if (!fields.TryGetValue(Constants.ResourceUrnName, out var urnValue) || urnValue.KindCase != Value.KindOneofCase.StringValue)
        {
            throw new InvalidOperationException("Value was marked as a Resource, but did not conform to required shape.");
        }
        var urn = urnValue.StringValue;
        var version = fields.TryGetValue(Constants.ResourceVersionName, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : "";
        var id = fields.TryGetValue(Constants.ResourceIdName, out var idValue) && idValue.KindCase == Value.KindOneofCase.StringValue ? idValue.StringValue : null;

        // The type is the last '$'-segment of the URN's qualified type.
        var parts = urn.Split("::");
        var type = parts.Length > 2 ? parts[2].Split('$')[^1] : "";
        if (ResourcePackages.TryConstruct(type, version, urn, out var resource))
        {
            return resource;
        }
        return new DependencyResource(urn, id);
    }

    private static object? DeserializeOutputValue(Google.Protobuf.Collections.MapField<string, Value> fields, ref State state)
    {
        if (fields.TryGetValue(Constants.SecretName, out var secret) && secret.KindCase == Value.KindOneofCase.BoolValue && secret.BoolValue)
        {
            state.IsSecret = true;
        }
        if (fields.TryGetValue(Constants.DependenciesName, out var dependencies) && dependencies.KindCase == Value.KindOneofCase.ListValue)
        {
            foreach (var urn in dependencies.ListValue.Values)
            {
                if (urn.KindCase == Value.KindOneofCase.StringValue)
                {
                    state.Resources = state.Resources.Add(new DependencyResource(urn.StringValue));
                }
            }
        }
        if (!fields.TryGetValue(Constants.ValueName, out var value))
        {
            state.IsKnown = false;
            return null;
        }
        return DeserializeCore(value, ref state);
    }
}
