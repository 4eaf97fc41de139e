using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace Pulumi.Serialization;

/// <summary>
/// Converts deserialized wire values into the declared .NET type of an output (or invoke result): numbers to
/// int/double/enums, lists to <c>ImmutableArray&lt;T&gt;</c>, maps to <c>ImmutableDictionary&lt;string,T&gt;</c> or
/// [OutputType] classes (through their [OutputConstructor], parameter names = wire names). Mismatches are
/// reported as warnings and yield default values, as in the official SDK. Per-type plans are cached.
/// </summary>
internal static class Converter
{
    public static OutputData<object?> ConvertValue(Action<string> warn, string context, Value value, System.Type targetType, ImmutableHashSet<Resource> resources)
    {
        var data = Deserializer.Deserialize(value);
        var converted = ConvertObject(warn, context, data.Value, targetType);
        return new OutputData<object?>(resources.Union(data.Resources), converted, data.IsKnown, data.IsSecret);
    }

    public static object? ConvertObject(Action<string> warn, string context, object? value, System.Type targetType)
    {
        var plan = TypePlan.For(targetType);
        return plan.Convert(warn, context, value);
    }

    /// <summary>Checks eagerly (at resource construction) that an output type can be produced from the wire.</summary>
    public static void CheckTargetType(string context, System.Type targetType)
    {
        if (CheckedTypes.ContainsKey(targetType))
        {
            return;
        }
        CheckTargetType(context, targetType, new HashSet<System.Type>());
        CheckedTypes.TryAdd(targetType, true);
    }

    private static readonly ConcurrentDictionary<System.Type, bool> CheckedTypes = new();

    private static void CheckTargetType(string context, System.Type targetType, HashSet<System.Type> seen)
    {
        if (!seen.Add(targetType))
        {
            return;
        }
        if (targetType == typeof(bool) || targetType == typeof(int) || targetType == typeof(double) ||
            targetType == typeof(string) || targetType == typeof(object) || targetType == typeof(JsonElement) ||
            typeof(Resource).IsAssignableFrom(targetType))
        {
            return;
        }
        if (targetType.IsEnum && System.Enum.GetUnderlyingType(targetType) == typeof(int))
        {
            return;
        }
        if (targetType.IsValueType && targetType.GetCustomAttribute<EnumTypeAttribute>() != null)
        {
            if (EnumTypeConstructor(targetType) is null)
            {
                throw new InvalidOperationException($"{context}: enum type {targetType.FullName} must have a constructor taking a String or a Double.");
            }
            return;
        }
        if (targetType.IsConstructedGenericType)
        {
            var definition = targetType.GetGenericTypeDefinition();
            var arguments = targetType.GenericTypeArguments;
            if (definition == typeof(Nullable<>) || definition == typeof(ImmutableArray<>))
            {
                CheckTargetType(context, arguments[0], seen);
                return;
            }
            if (definition == typeof(ImmutableDictionary<,>))
            {
                if (arguments[0] != typeof(string))
                {
                    throw new InvalidOperationException($"{context} contains invalid type {targetType.FullName}:\n\tThe only allowed ImmutableDictionary 'TKey' type is 'String'.");
                }
                CheckTargetType(context, arguments[1], seen);
                return;
            }
            if (definition == typeof(Union<,>))
            {
                CheckTargetType(context, arguments[0], seen);
                CheckTargetType(context, arguments[1], seen);
                return;
            }
        }
        if (targetType.GetCustomAttribute<OutputTypeAttribute>() != null)
        {
            var info = OutputTypeInfo.For(targetType);
            foreach (var parameter in info.Parameters)
            {
                CheckTargetType($"{targetType.FullName}({parameter.Name})", parameter.Type, seen);
            }
            return;
        }

        throw new InvalidOperationException(
            $"{context} contains invalid type {targetType.FullName}. Allowed types are: String, Boolean, Int32, Double, Object, JsonElement, " +
            $"Nullable<...>, ImmutableArray<...>, ImmutableDictionary<string, ...>, Union<...>, resources, enums, or a class explicitly marked with [{nameof(OutputTypeAttribute)}].");
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
        "[EnumType] structs: none in the provider assemblies here; on the JIT runtime nothing is trimmed, and a trimmed " +
        "build that lost the constructor reports the type as invalid, naming it.")]
    internal static ConstructorInfo? EnumTypeConstructor(System.Type type)
        => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .FirstOrDefault(c => c.GetParameters() is [{ } p] && (p.ParameterType == typeof(string) || p.ParameterType == typeof(double)));

    /// <summary>A cached conversion from a deserialized value to one target type.</summary>
    private sealed class TypePlan
    {
        private static readonly ConcurrentDictionary<System.Type, TypePlan> Cache = new();

        private readonly Func<Action<string>, string, object?, object?> _convert;
        private readonly object? _default;
        private readonly System.Type _type;

        private TypePlan(System.Type type, Func<Action<string>, string, object?, object?> convert)
        {
            _type = type;
            _convert = convert;
            _default = OutputShapes.DefaultOf(type);
        }

        public static TypePlan For(System.Type type) => Cache.GetOrAdd(type, Build);

        public object? Convert(Action<string> warn, string context, object? value)
        {
            if (value is null)
            {
                return _default;
            }
            return _convert(warn, context, value);
        }

        private object? Mismatch(Action<string> warn, string context, object value)
        {
            warn($"Expected {_type.FullName} but got {value.GetType().FullName} deserializing {context}");
            return _default;
        }

        private static TypePlan Build(System.Type type)
        {
            TypePlan? plan = null;
            plan = new TypePlan(type, BuildConverter(type, () => plan!));
            return plan;
        }

        private static Func<Action<string>, string, object?, object?> BuildConverter(System.Type type, Func<TypePlan> self)
        {
            if (type == typeof(object))
                return (_, _, v) => v;
            if (type == typeof(string))
                return (w, c, v) => v is string ? v : self().Mismatch(w, c, v!);
            if (type == typeof(bool))
                return (w, c, v) => v is bool ? v : self().Mismatch(w, c, v!);
            if (type == typeof(double))
                return (w, c, v) => v is double ? v : self().Mismatch(w, c, v!);
            if (type == typeof(int))
                return (w, c, v) => v is double d ? (int)d : self().Mismatch(w, c, v!);
            if (type == typeof(JsonElement))
                return (_, _, v) => ToJsonElement(v);
            if (typeof(Resource).IsAssignableFrom(type))
                return (w, c, v) => type.IsInstanceOfType(v) ? v : self().Mismatch(w, c, v!);
            if (type.IsEnum)
                return (w, c, v) => v is double d ? System.Enum.ToObject(type, (int)d) : self().Mismatch(w, c, v!);
            if (type.IsValueType && type.GetCustomAttribute<EnumTypeAttribute>() != null)
            {
                var constructor = EnumTypeConstructor(type);
                var parameterType = constructor?.GetParameters()[0].ParameterType;
                return (w, c, v) => constructor is not null && parameterType!.IsInstanceOfType(v)
                    ? constructor.Invoke(new[] { v })
                    : self().Mismatch(w, c, v!);
            }
            if (type.IsConstructedGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var arguments = type.GenericTypeArguments;
                if (definition == typeof(Nullable<>))
                {
                    var inner = For(arguments[0]);
                    return (w, c, v) => inner.Convert(w, c, v);
                }
                if (definition == typeof(ImmutableArray<>))
                {
                    var element = For(arguments[0]);
                    var build = OutputShapes.ArrayBuilder(type.FullName!, arguments[0]);
                    return (w, c, v) => v is ImmutableArray<object?> items
                        ? build(items.Select((item, i) => element.Convert(w, $"{c}[{i}]", item)))
                        : self().Mismatch(w, c, v!);
                }
                if (definition == typeof(ImmutableDictionary<,>) && arguments[0] == typeof(string))
                {
                    var element = For(arguments[1]);
                    var build = OutputShapes.MapBuilder(type.FullName!, arguments[1]);
                    return (w, c, v) => v is ImmutableDictionary<string, object?> map
                        ? build(map.Select(kv => new KeyValuePair<string, object?>(kv.Key, element.Convert(w, $"{c}.{kv.Key}", kv.Value))))
                        : self().Mismatch(w, c, v!);
                }
                if (definition == typeof(Union<,>))
                {
                    return BuildUnionConverter(type, arguments, self);
                }
            }
            if (type.GetCustomAttribute<OutputTypeAttribute>() != null)
            {
                return (w, c, v) => v is ImmutableDictionary<string, object?> map
                    ? OutputTypeInfo.For(type).Create(w, c, map)
                    : self().Mismatch(w, c, v!);
            }
            return (w, c, v) =>
            {
                w($"Unexpected target type {type.FullName} when deserializing {c}");
                return self()._default;
            };
        }

        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
            "Union<,> outputs: none in the provider assemblies here; on the JIT runtime nothing is trimmed.")]
        private static Func<Action<string>, string, object?, object?> BuildUnionConverter(System.Type type, System.Type[] arguments, Func<TypePlan> self)
        {
            var first = For(arguments[0]);
            var second = For(arguments[1]);
            var fromT0 = type.GetMethod(nameof(Union<int, int>.FromT0))!;
            var fromT1 = type.GetMethod(nameof(Union<int, int>.FromT1))!;
            return (w, c, v) =>
            {
                // Take the first case the value converts to without complaint.
                var failed = false;
                var asFirst = first.Convert(_ => failed = true, c, v);
                if (!failed)
                {
                    return fromT0.Invoke(null, new[] { asFirst });
                }
                failed = false;
                var asSecond = second.Convert(_ => failed = true, c, v);
                if (!failed)
                {
                    return fromT1.Invoke(null, new[] { asSecond });
                }
                return self().Mismatch(w, c, v!);
            };
        }

        /// <summary>A deserialized value as JSON (resources by name), written directly: no reflection-based serializer.</summary>
        private static JsonElement ToJsonElement(object? value)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteJson(writer, value);
            }
            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            return document.RootElement.Clone();
        }

        private static void WriteJson(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case double d: writer.WriteNumberValue(d); break;
                case int i: writer.WriteNumberValue(i); break;
                case Resource resource: writer.WriteStringValue(resource.GetResourceName()); break;
                case ImmutableArray<object?> list:
                    writer.WriteStartArray();
                    foreach (var item in list) WriteJson(writer, item);
                    writer.WriteEndArray();
                    break;
                case ImmutableDictionary<string, object?> map:
                    writer.WriteStartObject();
                    foreach (var (key, item) in map)
                    {
                        writer.WritePropertyName(key);
                        WriteJson(writer, item);
                    }
                    writer.WriteEndObject();
                    break;
                default: throw new InvalidOperationException($"Unexpected deserialized value of type {value.GetType().FullName}");
            }
        }
    }
}
