using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pulumi.Serialization;

/// <summary>
/// The generic code each output value type needs (its completion source, typed list and map builders, the default of a
/// value type, an [OutputType]'s constructor), instantiated where the type is written in source rather than through
/// <c>MakeGenericMethod</c>. A Native AOT build has no JIT: a generic instantiation over a value type that no source
/// names has no code at run time. The provider assemblies register every type their resources and output types use
/// (their generated <c>OutputShapes</c> module initializer, sdk/tools/ProviderGen.cs); the common scalar shapes are
/// registered here. A type nobody registered (a user's component output, say) takes the reflection path, which only a
/// JIT runtime can run; under Native AOT it fails with one line naming the type.
/// </summary>
internal static class OutputShapes
{
    private static readonly ConcurrentDictionary<System.Type, Func<Resource?, IOutputCompletionSource>> Sources = new();
    private static readonly ConcurrentDictionary<System.Type, Func<IEnumerable<object?>, object>> Arrays = new();
    private static readonly ConcurrentDictionary<System.Type, Func<IEnumerable<KeyValuePair<string, object?>>, object>> Maps = new();
    private static readonly ConcurrentDictionary<System.Type, object> Defaults = new();
    private static readonly ConcurrentDictionary<System.Type, Func<OutputTypeInfo>> OutputTypes = new();
    private static readonly ConcurrentDictionary<System.Type, Func<FieldInfo[]>> OutputTypeFields = new();

    static OutputShapes()
    {
        Output<string>();
        Output<object>();
        Output<bool>();
        Output<int>();
        Output<double>();
        Output<bool?>();
        Output<int?>();
        Output<double?>();
        Output<JsonElement>();
        Array<string>();
        Array<object>();
        Array<bool>();
        Array<int>();
        Array<double>();
        Map<string>();
        Map<object>();
        Map<bool>();
        Map<int>();
        Map<double>();
    }

    /// <summary>An output value type: <c>Output&lt;T&gt;</c> properties of this type can be completed.</summary>
    public static void Output<T>()
    {
        Sources.TryAdd(typeof(T), Create<T>);
        if (typeof(T).IsValueType && default(T) is { } value)
        {
            Defaults.TryAdd(typeof(T), value);
        }
    }

    /// <summary>Lists of <typeparamref name="T"/>, as an output value and nested in output types.</summary>
    public static void Array<T>()
    {
        Output<ImmutableArray<T>>();
        Arrays.TryAdd(typeof(T), BuildArray<T>);
    }

    /// <summary>Maps from string to <typeparamref name="T"/>, as an output value and nested in output types.</summary>
    public static void Map<T>()
    {
        Output<ImmutableDictionary<string, T>>();
        Maps.TryAdd(typeof(T), BuildMap<T>);
    }

    /// <summary>An [OutputType] class: built from a wire object through its [OutputConstructor], read through its fields.</summary>
    public static void OutputType<[DynamicallyAccessedMembers(OutputTypeInfo.Members)] T>()
    {
        Output<T>();
        OutputTypes.TryAdd(typeof(T), static () => OutputTypeInfo.Reflect(typeof(T)));
        OutputTypeFields.TryAdd(typeof(T), static () => typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance));
    }

    public static Func<Resource?, IOutputCompletionSource> CompletionSource(string context, System.Type type)
        => Sources.TryGetValue(type, out var create) ? create : Dynamic(Sources, context, type, nameof(Create), "Output");

    public static Func<IEnumerable<object?>, object> ArrayBuilder(string context, System.Type element)
        => Arrays.TryGetValue(element, out var build) ? build : Dynamic(Arrays, context, element, nameof(BuildArray), "ImmutableArray");

    public static Func<IEnumerable<KeyValuePair<string, object?>>, object> MapBuilder(string context, System.Type element)
        => Maps.TryGetValue(element, out var build) ? build : Dynamic(Maps, context, element, nameof(BuildMap), "ImmutableDictionary<string, ...>");

    /// <summary>The boxed default of a value type (null for reference and nullable types).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "A struct's all-zero instance runs no constructor, so none need be kept.")]
    public static object? DefaultOf(System.Type type)
    {
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null)
        {
            return null;
        }
        // A struct's default is its all-zero instance; no constructor runs for it, so none is needed.
        return Defaults.TryGetValue(type, out var value) ? value : RuntimeHelpers.GetUninitializedObject(type);
    }

    public static OutputTypeInfo? OutputTypeOf(System.Type type)
        => OutputTypes.TryGetValue(type, out var reflect) ? reflect() : null;

    public static FieldInfo[]? OutputTypeFieldsOf(System.Type type)
        => OutputTypeFields.TryGetValue(type, out var reflect) ? reflect() : null;

    /// <summary>What a Native AOT build would lack to complete and convert an output of <paramref name="type"/> (for tests).</summary>
    internal static IEnumerable<string> Unregistered(System.Type type)
    {
        if (!Sources.ContainsKey(type))
        {
            yield return $"Output<{type}>";
        }
        foreach (var missing in UnregisteredNested(type, new HashSet<System.Type>()))
        {
            yield return missing;
        }
    }

    private static IEnumerable<string> UnregisteredNested(System.Type type, HashSet<System.Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type == typeof(object) || type == typeof(JsonElement))
        {
            yield break;
        }
        IEnumerable<System.Type> inner = [];
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            inner = [underlying];
        }
        else if (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            if (!Arrays.ContainsKey(type.GenericTypeArguments[0])) yield return $"Array<{type.GenericTypeArguments[0]}>";
            inner = type.GenericTypeArguments;
        }
        else if (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>))
        {
            if (!Maps.ContainsKey(type.GenericTypeArguments[1])) yield return $"Map<{type.GenericTypeArguments[1]}>";
            inner = type.GenericTypeArguments;
        }
        else if (OutputTypeOf(type) is { } info)
        {
            inner = info.Parameters.Select(p => p.Type);
        }
        else
        {
            yield return $"OutputType<{type}>";
        }
        foreach (var missing in inner.SelectMany(t => UnregisteredNested(t, seen)))
        {
            yield return missing;
        }
    }

    /// <summary>
    /// The reflection path for a type no assembly registered: the generic method instantiated over the run-time type,
    /// which only a runtime with a JIT can do. Under Native AOT, one line naming the type instead.
    /// </summary>
    private static TDelegate Dynamic<TDelegate>(ConcurrentDictionary<System.Type, TDelegate> cache, string context, System.Type type, string method, string what)
        where TDelegate : Delegate
    {
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            return cache.GetOrAdd(type, Instantiate<TDelegate>(method, type));
        }
        throw new NotSupportedException(
            $"{context}: {what} of {type.FullName} has no precompiled code in this Native AOT build (no assembly registered it in OutputShapes); run the program on the JIT runtime.");
    }

    [RequiresDynamicCode("Instantiates a generic method over a run-time type.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "The instantiated methods' type parameters carry no annotations: nothing to keep.")]
    private static TDelegate Instantiate<TDelegate>(string method, System.Type type)
        where TDelegate : Delegate
        => (TDelegate)typeof(OutputShapes).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).CreateDelegate(typeof(TDelegate));

    private static IOutputCompletionSource Create<T>(Resource? resource) => new OutputCompletionSource<T>(resource);

    private static object BuildArray<T>(IEnumerable<object?> items) => items.Select(i => (T)i!).ToImmutableArray();

    private static object BuildMap<T>(IEnumerable<KeyValuePair<string, object?>> items) => items.ToImmutableDictionary(kv => kv.Key, kv => (T)kv.Value!);
}
