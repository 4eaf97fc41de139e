using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace Pulumi.Serialization;

/// <summary>
/// Turns program values (args, inputs, outputs, resources, lists, maps...) into the plain wire shape
/// (null/bool/number/string/list/string-keyed map, with the special objects of §3.5), recording which
/// resources the value depended on. <see cref="CreateValue"/> then builds the protobuf form.
/// One instance serializes one property, so its dependencies can be reported per property.
/// </summary>
internal sealed class Serializer
{
    /// <summary>
    /// Outputs become output-value objects (value, secret flag, dependency URNs) instead of plain values: what the
    /// official SDK sends a monitor that supports "outputValues" for calls (and remote components).
    /// </summary>
    private readonly bool _keepOutputValues;

    public Serializer(bool keepOutputValues = false)
    {
        _keepOutputValues = keepOutputValues;
    }

    /// <summary>Resources whose outputs (or which themselves) were part of the serialized value.</summary>
    public HashSet<Resource> DependentResources { get; } = new();

    /// <summary>True if an unknown output was met (it was written as the unknown sentinel).</summary>
    public bool ContainsUnknowns { get; private set; }

    /// <summary>True if a secret output was met (it was written as a secret object).</summary>
    public bool ContainsSecrets { get; private set; }

    public async Task<object?> SerializeAsync(string context, object? prop, bool keepResources)
    {
        switch (prop)
        {
            case null:
            case bool:
            case int:
            case double:
            case string:
                return prop;
            case InputArgs args:
                return await SerializeDictionaryAsync(context, args.ToDictionary(), keepResources).ConfigureAwait(false);
            case Task:
                throw new InvalidOperationException($"Tasks are not allowed inside ResourceArgs. Please wrap your Task in an Output:\n\t{context}");
            case IInput { Elements: IDictionary entries }:
                // A map or list built from elements: each element as it is (official SDK 3.112.1 behaviour), so an
                // unknown or secret element does not make the whole collection unknown or secret.
                return await SerializeDictionaryAsync(context, entries, keepResources).ConfigureAwait(false);
            case IInput { Elements: IList elements }:
                return await SerializeListAsync(context, elements, keepResources).ConfigureAwait(false);
            case IInput input:
                return await SerializeAsync(context, input.ToOutput(), keepResources).ConfigureAwait(false);
            case IUnion union:
                return await SerializeAsync(context, union.Value, keepResources).ConfigureAwait(false);
            case JsonElement element:
                return SerializeJson(context, element);
            case IOutput output:
                return await SerializeOutputAsync(context, output, keepResources).ConfigureAwait(false);
            case CustomResource customResource:
                return await SerializeCustomResourceAsync(context, customResource, keepResources).ConfigureAwait(false);
            case ComponentResource componentResource:
                DependentResources.Add(componentResource);
                var componentUrn = await SerializePlainAsync($"{context}.urn", componentResource.Urn, keepResources).ConfigureAwait(false);
                return keepResources ? ResourceReference(componentUrn, id: null) : componentUrn;
            case IDictionary dictionary:
                return await SerializeDictionaryAsync(context, dictionary, keepResources).ConfigureAwait(false);
            case IList list:
                return await SerializeListAsync(context, list, keepResources).ConfigureAwait(false);
            case System.Enum when System.Enum.GetUnderlyingType(prop.GetType()) == typeof(int):
                return Convert.ToInt32(prop, System.Globalization.CultureInfo.InvariantCulture);
            case ValueTuple:
                // The value of an Output<ValueTuple> (Apply of a Task-returning callback) is nothing, i.e. null.
                return null;
        }

        var type = prop.GetType();
        var shape = TypeShapes.For(type);
        if (shape.EnumConversion is { } conversion)
        {
            return conversion.Invoke(null, new[] { prop });
        }
        if (shape.OutputTypeFields is { } fields)
        {
            var result = new Dictionary<string, object?>();
            foreach (var (name, field) in fields)
            {
                // Unlike a map entry, a null field is kept (sent as null), as the official SDK sends it.
                result[name] = await SerializeAsync($"{context}.{name}", field.GetValue(prop), keepResources).ConfigureAwait(false);
            }
            return result;
        }

        throw new InvalidOperationException($"{type.FullName} is not a supported argument type.\n\t{context}");
    }

    private async Task<object?> SerializeOutputAsync(string context, IOutput output, bool keepResources)
    {
        var data = await output.GetDataAsync().ConfigureAwait(false);
        DependentResources.UnionWith(data.Resources);
        if (_keepOutputValues)
        {
            return await SerializeOutputValueAsync(context, data, keepResources).ConfigureAwait(false);
        }
        if (!data.IsKnown)
        {
            ContainsUnknowns = true;
            return Constants.UnknownValue;
        }
        var value = await SerializeAsync(context, data.Value, keepResources).ConfigureAwait(false);
        if (data.IsSecret)
        {
            ContainsSecrets = true;
            return new Dictionary<string, object?>
            {
                [Constants.SpecialSigKey] = Constants.SpecialSecretSig,
                [Constants.SecretValueName] = value,
            };
        }
        return value;
    }

    /// <summary>
    /// The output-value form: a known, non-secret output that depends on no resource is sent as its plain value;
    /// otherwise an object carrying the value (when known), <c>secret: true</c> (when secret) and the URNs it
    /// depends on (components expanded to their children, sorted), as the official SDK builds it.
    /// </summary>
    private async Task<object?> SerializeOutputValueAsync(string context, OutputData<object?> data, bool keepResources)
    {
        var resources = new HashSet<Resource>(data.Resources);
        object? value = null;
        if (data.IsKnown)
        {
            // The value inside is sent in the plain form (no nested output values).
            var inner = new Serializer();
            value = await inner.SerializeAsync(context, data.Value, keepResources).ConfigureAwait(false);
            DependentResources.UnionWith(inner.DependentResources);
            resources.UnionWith(inner.DependentResources);
            ContainsSecrets |= inner.ContainsSecrets;
            ContainsUnknowns |= inner.ContainsUnknowns;
        }
        else
        {
            ContainsUnknowns = true;
        }
        ContainsSecrets |= data.IsSecret;
        if (data.IsKnown && !data.IsSecret && resources.Count == 0)
        {
            return value;
        }

        var result = new Dictionary<string, object?> { [Constants.SpecialSigKey] = Constants.SpecialOutputValueSig };
        if (data.IsKnown)
        {
            result[Constants.ValueName] = value;
        }
        if (data.IsSecret)
        {
            result[Constants.SecretName] = true;
        }
        var urns = await Deployment.GetTransitiveUrnsAsync(resources).ConfigureAwait(false);
        if (urns.Count > 0)
        {
            result[Constants.DependenciesName] = urns.OrderBy(u => u, StringComparer.Ordinal).Cast<object?>().ToList();
        }
        return result;
    }

    private async Task<object?> SerializeCustomResourceAsync(string context, CustomResource resource, bool keepResources)
    {
        // A resource used as a value is a reference to it (or just its ID for engines without references).
        DependentResources.Add(resource);
        var id = await SerializePlainAsync($"{context}.id", resource.Id, keepResources).ConfigureAwait(false);
        if (!keepResources)
        {
            return id;
        }
        var urn = await SerializePlainAsync($"{context}.urn", resource.Urn, keepResources).ConfigureAwait(false);
        return ResourceReference(urn, id as string == Constants.UnknownValue ? "" : id ?? "");
    }

    /// <summary>
    /// A resource's own URN and ID are always sent in the plain form, even where outputs become output values (as
    /// officially); what they depend on and their flags still count for this serializer.
    /// </summary>
    private async Task<object?> SerializePlainAsync(string context, object? value, bool keepResources)
    {
        if (!_keepOutputValues)
        {
            return await SerializeAsync(context, value, keepResources).ConfigureAwait(false);
        }
        var plain = new Serializer();
        var result = await plain.SerializeAsync(context, value, keepResources).ConfigureAwait(false);
        DependentResources.UnionWith(plain.DependentResources);
        ContainsSecrets |= plain.ContainsSecrets;
        ContainsUnknowns |= plain.ContainsUnknowns;
        return result;
    }

    private static Dictionary<string, object?> ResourceReference(object? urn, object? id)
    {
        var reference = new Dictionary<string, object?>
        {
            [Constants.SpecialSigKey] = Constants.SpecialResourceSig,
            [Constants.ResourceUrnName] = urn,
        };
        if (id is not null)
        {
            reference[Constants.ResourceIdName] = id;
        }
        return reference;
    }

    private async Task<Dictionary<string, object?>> SerializeDictionaryAsync(string context, IDictionary dictionary, bool keepResources)
    {
        var result = new Dictionary<string, object?>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new InvalidOperationException($"Dictionaries are only supported with string keys:\n\t{context}");
            }
            // Null entries are dropped: an absent property and a null one mean the same on the wire.
            var value = await SerializeAsync($"{context}.{key}", entry.Value, keepResources).ConfigureAwait(false);
            if (value is not null)
            {
                result[key] = value;
            }
        }
        return result;
    }

    private async Task<List<object?>> SerializeListAsync(string context, IList list, bool keepResources)
    {
        // A default ImmutableArray is an empty list, not an error.
        if (IsDefaultImmutableArray(list))
        {
            return new List<object?>();
        }
        var result = new List<object?>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(await SerializeAsync($"{context}[{i}]", list[i], keepResources).ConfigureAwait(false));
        }
        return result;
    }

    /// <summary>
    /// Whether <paramref name="list"/> is a default (uninitialized) <c>ImmutableArray&lt;T&gt;</c> of any T, without
    /// reflection: an ImmutableArray compares structurally equal to another default one exactly when it is default itself.
    /// </summary>
    private static bool IsDefaultImmutableArray(IList list)
        => list.GetType() is { IsValueType: true, IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
           && ((IStructuralEquatable)list).Equals(DefaultImmutableArray, EqualityComparer<object>.Default);

    private static readonly object DefaultImmutableArray = default(ImmutableArray<object>);

    private static object? SerializeJson(string context, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(e => SerializeJson(context, e)).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => SerializeJson($"{context}.{p.Name}", p.Value)),
        _ => throw new InvalidOperationException($"Unsupported JsonElement kind {element.ValueKind}:\n\t{context}"),
    };

    /// <summary>Builds the protobuf value of a plain serialized value (map keys sorted for determinism).</summary>
    public static Value CreateValue(object? value) => value switch
    {
        null => Value.ForNull(),
        int i => Value.ForNumber(i),
        double d => Value.ForNumber(d),
        bool b => Value.ForBool(b),
        string s => Value.ForString(s),
        IDictionary<string, object?> dictionary => Value.ForStruct(CreateStruct(dictionary)),
        IList list => Value.ForList(list.Cast<object?>().Select(CreateValue).ToArray()),
        _ => throw new InvalidOperationException($"Unsupported value when converting to protobuf: {value.GetType().FullName}"),
    };

    public static Struct CreateStruct(IDictionary<string, object?> dictionary)
    {
        var result = new Struct();
        foreach (var key in dictionary.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            result.Fields.Add(key, CreateValue(dictionary[key]));
        }
        return result;
    }

    /// <summary>Per-type facts the serializer needs, reflected once.</summary>
    private sealed record TypeShape(MethodInfo? EnumConversion, ImmutableArray<(string Name, FieldInfo Field)>? OutputTypeFields);

    private static class TypeShapes
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Type, TypeShape> Cache = new();

        public static TypeShape For(System.Type type) => Cache.GetOrAdd(type, Build);

        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
            "[EnumType] structs: none in the provider assemblies here; on the JIT runtime nothing is trimmed, and a trimmed " +
            "build that lost the conversion operator fails with the message below, naming the type.")]
        private static TypeShape Build(System.Type type)
        {
            if (type.IsValueType && type.GetCustomAttribute<EnumTypeAttribute>() != null)
            {
                var conversion = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .FirstOrDefault(m => m.Name == "op_Explicit" && m.GetParameters() is [{ } p] && p.ParameterType == type
                        && (m.ReturnType == typeof(string) || m.ReturnType == typeof(double)));
                if (conversion is null)
                {
                    throw new InvalidOperationException($"Expected {type.FullName} to have an explicit conversion operator to String or Double.");
                }
                return new TypeShape(conversion, null);
            }
            if (type.GetCustomAttribute<OutputTypeAttribute>() != null)
            {
                var fields = OutputTypeInfo.PublicFields(type)
                    .Select(f => (char.ToLowerInvariant(f.Name[0]) + f.Name[1..], f))
                    .ToImmutableArray();
                return new TypeShape(null, fields);
            }
            return new TypeShape(null, null);
        }
    }
}

/// <summary>Serializes a property bag (resource args, invoke args, outputs) into a Struct plus per-property dependencies.</summary>
internal static class PropertySerializer
{
    public static async Task<(Struct Struct, Dictionary<string, HashSet<Resource>> Dependencies)> SerializePropertiesAsync(
        string label, IDictionary<string, object?> properties, bool keepResources, Func<string, bool> include, bool keepOutputValues = false)
    {
        var values = new Dictionary<string, object?>();
        var dependencies = new Dictionary<string, HashSet<Resource>>();
        foreach (var (key, value) in properties)
        {
            if (!include(key))
            {
                continue;
            }
            var serializer = new Serializer(keepOutputValues);
            var serialized = await serializer.SerializeAsync($"{label}.{key}", value, keepResources).ConfigureAwait(false);
            // Top-level nulls are omitted.
            if (serialized is not null)
            {
                values[key] = serialized;
                dependencies[key] = serializer.DependentResources;
            }
        }
        return (Serializer.CreateStruct(values), dependencies);
    }
}
