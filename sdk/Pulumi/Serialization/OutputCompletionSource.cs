using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi.Serialization;

/// <summary>The pending value of one [Output] property, completed from the registration response.</summary>
internal interface IOutputCompletionSource
{
    System.Type TargetType { get; }
    IOutput Output { get; }
    void TrySetException(Exception exception);
    void TrySetDefaultResult(bool isKnown);
    void SetStringValue(string value, bool isKnown);
    void SetValue(OutputData<object?> data);
}

internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
{
    private readonly ImmutableHashSet<Resource> _resources;
    private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputCompletionSource(Resource? resource)
    {
        // Every output of a resource depends on that resource.
        _resources = resource is null ? ImmutableHashSet<Resource>.Empty : ImmutableHashSet.Create(resource);
        Output = new Output<T>(_source.Task);
    }

    public Output<T> Output { get; }

    IOutput IOutputCompletionSource.Output => Output;

    public System.Type TargetType => typeof(T);

    public void SetStringValue(string value, bool isKnown)
        => _source.TrySetResult(new OutputData<T>(_resources, (T)(object)value, isKnown, false));

    public void SetValue(OutputData<object?> data)
        => _source.TrySetResult(new OutputData<T>(_resources.Union(data.Resources), data.Value is null ? default! : (T)data.Value, data.IsKnown, data.IsSecret));

    public void TrySetDefaultResult(bool isKnown)
        => _source.TrySetResult(new OutputData<T>(_resources, default!, isKnown, false));

    public void TrySetException(Exception exception) => _source.TrySetException(exception);
}

/// <summary>Creates the completion sources of a resource's [Output] properties from a per-type cached plan.</summary>
internal static class OutputCompletionSource
{
    private sealed record OutputSlot(string Name, Action<Resource, object> Set, Func<Resource?, IOutputCompletionSource> Create);

    private static readonly ConcurrentDictionary<System.Type, ImmutableArray<OutputSlot>> Plans = new();

    public static ImmutableDictionary<string, IOutputCompletionSource> InitializeOutputs(Resource resource)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, IOutputCompletionSource>();
        var type = resource.GetType();
        if (!Plans.TryGetValue(type, out var plan))
        {
            plan = Plans.GetOrAdd(type, BuildPlan(type));
        }
        foreach (var slot in plan)
        {
            var source = slot.Create(resource);
            slot.Set(resource, source.Output);
            builder[slot.Name] = source;
        }
        return builder.ToImmutable();
    }

    // Resource's [DynamicallyAccessedMembers] keeps every resource class's public properties and backing fields.
    private static ImmutableArray<OutputSlot> BuildPlan([DynamicallyAccessedMembers(Resource.ReflectedMembers)] System.Type type)
    {
        var slots = ImmutableArray.CreateBuilder<OutputSlot>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<OutputAttribute>();
            if (attribute is null)
            {
                continue;
            }
            var name = attribute.Name ?? property.Name;
            var fullName = $"[Output] {type.FullName}.{property.Name}";
            var propertyType = property.PropertyType;
            if (!propertyType.IsConstructedGenericType || propertyType.GetGenericTypeDefinition() != typeof(Output<>))
            {
                throw RunException.OutputsHaveIncorrectType(new[] { name });
            }
            var setter = property.GetSetMethod(nonPublic: true)
                ?? throw new InvalidOperationException($"{fullName} did not have a 'set' method");
            // An auto-property (every generated resource output) is set through its backing field: a field write
            // needs no per-member invoke stub, which a setter call through reflection compiles for each member.
            Action<Resource, object> set = AutoProperty.BackingField(type, property) is { } field
                ? field.SetValue
                : (resource, value) => setter.Invoke(resource, new[] { value });
            var valueType = propertyType.GenericTypeArguments[0];
            Converter.CheckTargetType(fullName, valueType);
            slots.Add(new OutputSlot(name, set, OutputShapes.CompletionSource(fullName, valueType)));
        }
        return slots.ToImmutable();
    }
}

/// <summary>
/// The compiler's backing field of an auto-property. Reading or writing it through reflection is a plain field access,
/// whereas invoking the accessor through reflection compiles an invoke stub per accessor: at start-up, with hundreds of
/// [Input]/[Output] members, those stubs were a large share of the program's CPU time.
/// </summary>
internal static class AutoProperty
{
    /// <summary>
    /// The backing field of <paramref name="property"/>, declared on <paramref name="type"/> itself (a property that
    /// a base class declares is set through its accessor: trimming keeps only the annotated type's non-public fields).
    /// </summary>
    public static FieldInfo? BackingField([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.NonPublicFields)] System.Type type, PropertyInfo property)
        => property.DeclaringType == type
           && type.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is { } field
           && field.FieldType == property.PropertyType
            ? field
            : null;
}
