using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    private sealed record OutputSlot(string Name, Action<Resource, object> Set, Func<Resource, IOutputCompletionSource> Create);

    private static readonly ConcurrentDictionary<System.Type, ImmutableArray<OutputSlot>> Plans = new();

    public static ImmutableDictionary<string, IOutputCompletionSource> InitializeOutputs(Resource resource)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, IOutputCompletionSource>();
        foreach (var slot in Plans.GetOrAdd(resource.GetType(), BuildPlan))
        {
            var source = slot.Create(resource);
            slot.Set(resource, source.Output);
            builder[slot.Name] = source;
        }
        return builder.ToImmutable();
    }

    private static ImmutableArray<OutputSlot> BuildPlan(System.Type type)
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
            var setter = property.DeclaringType!.GetMethod("set_" + property.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{fullName} did not have a 'set' method");
            // An auto-property (every generated resource output) is set through its backing field: a field write
            // needs no per-member invoke stub, which a setter call through reflection compiles for each member.
            Action<Resource, object> set = AutoProperty.BackingField(property) is { } field
                ? field.SetValue
                : (resource, value) => setter.Invoke(resource, new[] { value });
            var valueType = propertyType.GenericTypeArguments[0];
            Converter.CheckTargetType(fullName, valueType);
            var create = typeof(OutputCompletionSource).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(valueType).CreateDelegate<Func<Resource, IOutputCompletionSource>>();
            slots.Add(new OutputSlot(name, set, create));
        }
        return slots.ToImmutable();
    }

    private static IOutputCompletionSource Create<T>(Resource resource) => new OutputCompletionSource<T>(resource);
}

/// <summary>
/// The compiler's backing field of an auto-property. Reading or writing it through reflection is a plain field access,
/// whereas invoking the accessor through reflection compiles an invoke stub per accessor: at start-up, with hundreds of
/// [Input]/[Output] members, those stubs were a large share of the program's CPU time.
/// </summary>
internal static class AutoProperty
{
    public static FieldInfo? BackingField(PropertyInfo property)
        => property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is { } field
           && field.FieldType == property.PropertyType
            ? field
            : null;
}
