using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Google.Protobuf;

namespace Pulumi.Serialization;

/// <summary>The [Input] members of an args type, reflected once per type.</summary>
internal sealed class InputArgsInfo
{
    internal sealed record Member(string WireName, bool IsRequired, bool Json, string MemberName, string FullName, Func<object, object?> GetValue);

    private static readonly ConcurrentDictionary<System.Type, InputArgsInfo> Cache = new();

    public ImmutableArray<Member> Members { get; }

    private InputArgsInfo(ImmutableArray<Member> members)
    {
        Members = members;
    }

    public static InputArgsInfo For([DynamicallyAccessedMembers(InputArgs.ReflectedMembers)] System.Type type)
        => Cache.TryGetValue(type, out var info) ? info : Cache.GetOrAdd(type, Reflect(type));

    // InputArgs' [DynamicallyAccessedMembers] keeps every args class's fields and properties for this.
    private static InputArgsInfo Reflect([DynamicallyAccessedMembers(InputArgs.ReflectedMembers)] System.Type t)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var members = ImmutableArray.CreateBuilder<Member>();
        foreach (var field in t.GetFields(flags))
        {
            if (field.GetCustomAttribute<InputAttribute>() is { } attribute)
            {
                members.Add(new Member(attribute.Name, attribute.IsRequired, attribute.Json, field.Name, $"[Input] {t.FullName}.{field.Name}", field.GetValue));
            }
        }
        foreach (var property in t.GetProperties(flags))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } attribute)
            {
                // Auto-properties are read through their backing field (see AutoProperty).
                Func<object, object?> get = AutoProperty.BackingField(t, property) is { } backing ? backing.GetValue : property.GetValue;
                members.Add(new Member(attribute.Name, attribute.IsRequired, attribute.Json, property.Name, $"[Input] {t.FullName}.{property.Name}", get));
            }
        }
        return new InputArgsInfo(members.ToImmutable());
    }
}

/// <summary>
/// <c>[Input(json: true)]</c> members are sent as a JSON string of their serialized value
/// (the protobuf JSON rendering, as the official SDK does).
/// </summary>
internal static class JsonInput
{
    public static Input<string>? Convert(string context, object? value)
    {
        if (value is null)
        {
            return null;
        }
        return new Output<string>(ConvertAsync(context, value));
    }

    private static async Task<OutputData<string>> ConvertAsync(string context, object value)
    {
        var output = value is IInput input ? input.ToOutput() : (IOutput)Output.Create(value);
        var data = await output.GetDataAsync().ConfigureAwait(false);
        if (!data.IsKnown)
        {
            return new OutputData<string>(data.Resources, default!, false, data.IsSecret);
        }
        var serializer = new Serializer();
        var serialized = await serializer.SerializeAsync(context, data.Value, keepResources: false).ConfigureAwait(false);
        var json = JsonFormatter.Default.Format(Serializer.CreateValue(serialized));
        return new OutputData<string>(data.Resources.Union(serializer.DependentResources), json,
            !serializer.ContainsUnknowns, data.IsSecret || serializer.ContainsSecrets);
    }
}
