using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi.Serialization;

/// <summary>How to build an [OutputType] class from a wire object: its [OutputConstructor] and parameter wire names.</summary>
/// Registered [OutputType]s (OutputShapes) are reflected through their annotated type, so trimming keeps what is read.
internal sealed class OutputTypeInfo
{
    /// <summary>What is reflected over on an [OutputType] class.</summary>
    internal const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicConstructors |
        DynamicallyAccessedMemberTypes.NonPublicConstructors | DynamicallyAccessedMemberTypes.PublicFields;

    private static readonly ConcurrentDictionary<System.Type, OutputTypeInfo> Cache = new();

    public ConstructorInfo Constructor { get; }
    public ImmutableArray<(string Name, System.Type Type)> Parameters { get; }

    private OutputTypeInfo(ConstructorInfo constructor, ImmutableArray<(string, System.Type)> parameters)
    {
        Constructor = constructor;
        Parameters = parameters;
    }

    public static OutputTypeInfo For(System.Type type)
        => Cache.TryGetValue(type, out var info) ? info : Cache.GetOrAdd(type, OutputShapes.OutputTypeOf(type) ?? ReflectUnregistered(type));

    /// <summary>The public instance fields of an [OutputType] (the serializer sends such a value as an object of them).</summary>
    public static FieldInfo[] PublicFields(System.Type type) => OutputShapes.OutputTypeFieldsOf(type) ?? PublicFieldsUnregistered(type);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "As ReflectUnregistered: a type no assembly registered in OutputShapes.")]
    private static FieldInfo[] PublicFieldsUnregistered(System.Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Instance);

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification =
        "An [OutputType] no assembly registered in OutputShapes: on the JIT runtime nothing is trimmed; a trimmed build " +
        "that lost its constructor fails with the 'exactly one constructor' message below, naming the type.")]
    private static OutputTypeInfo ReflectUnregistered(System.Type type) => Reflect(type);

    internal static OutputTypeInfo Reflect([DynamicallyAccessedMembers(Members)] System.Type t)
    {
        var constructors = t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => c.GetCustomAttribute<OutputConstructorAttribute>() != null)
            .ToList();
        if (constructors.Count != 1)
        {
            throw new InvalidOperationException($"{t.FullName} had [{nameof(OutputTypeAttribute)}], but did not contain exactly one constructor with [{nameof(OutputConstructorAttribute)}].");
        }
        var parameters = constructors[0].GetParameters()
            .Select(p => (p.GetCustomAttribute<OutputConstructorParameterAttribute>()?.Name ?? p.Name!, p.ParameterType))
            .ToImmutableArray();
        return new OutputTypeInfo(constructors[0], parameters);
    }

    public object Create(Action<string> warn, string context, ImmutableDictionary<string, object?> values)
    {
        var arguments = new object?[Parameters.Length];
        for (var i = 0; i < Parameters.Length; i++)
        {
            var (name, type) = Parameters[i];
            values.TryGetValue(name, out var value);
            // Missing fields become the parameter type's default.
            arguments[i] = Converter.ConvertObject(warn, $"{context}.{name}", value, type);
        }
        return Constructor.Invoke(arguments);
    }
}
