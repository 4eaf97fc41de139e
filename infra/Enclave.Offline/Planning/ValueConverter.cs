using System.Diagnostics.CodeAnalysis;
using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Enclave.Policy.Graph;
using Pulumi;

namespace Enclave.Offline.Planning;

/// <summary>
/// Plain values (mock inputs, resolved outputs) → <see cref="PropertyValue"/>, replacing every string that is or
/// contains a known secret with <see cref="PropertyValue.Secret"/>, so no secret survives into the graph.
/// </summary>
internal sealed class ValueConverter(IReadOnlyCollection<string> secrets, Func<Resource, (string Urn, string? Id)?> resolve)
{
    /// <summary>The engine's marker for a value not known until deploy.</summary>
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    // Short strings (e.g. "true") are too common to be treated as a leak of a secret that merely contains them.
    private const int MinContainedSecretLength = 8;

    public PropertyValue Convert(object? value, int depth = 0)
    {
        if (depth > 64) return PropertyValue.Unknown;
        if (IsDefaultImmutableArray(value)) return PropertyValue.Null;
        switch (value)
        {
            case null:
                return PropertyValue.Null;
            case string s:
                if (s == UnknownSentinel) return PropertyValue.Unknown;
                return IsSecret(s) ? PropertyValue.Secret : PropertyValue.Of(s);
            case bool b:
                return PropertyValue.Of(b);
            case double or float or int or long or short or byte or uint or ulong or decimal:
                return PropertyValue.Of(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Resource r:
                return resolve(r) is { } target ? new ResourceRefValue(target.Urn, target.Id) : PropertyValue.Unknown;
            case IDictionary dictionary:
                return Map(dictionary.Keys.Cast<object>().Select(k => (k.ToString() ?? "", dictionary[k])), depth);
            case IEnumerable enumerable:
                return new ListValue(enumerable.Cast<object?>().Select(i => Convert(i, depth + 1)).ToImmutableArray());
        }
        var type = value.GetType();
        if (type.IsEnum) return PropertyValue.Of(value.ToString());
        if (type.GetCustomAttribute<OutputTypeAttribute>() is not null) return Map(OutputTypeFields(value), depth);
        // Enum-like structs of generated SDKs and anything else: their text.
        return Convert(value.ToString(), depth + 1);
    }

    /// <summary>A default (uninitialised) ImmutableArray, which output types use for "not set" and which cannot be enumerated.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    private static bool IsDefaultImmutableArray(object? value) =>
        value is not null && value.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>) &&
        (bool)t.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;

    public bool IsSecret(string s) =>
        secrets.Any(secret => s == secret || (secret.Length >= MinContainedSecretLength && s.Contains(secret, StringComparison.Ordinal)));

    private MapValue Map(IEnumerable<(string Key, object? Value)> fields, int depth) =>
        new(fields.ToImmutableSortedDictionary(f => f.Key, f => Convert(f.Value, depth + 1), StringComparer.Ordinal));

    /// <summary>Fields of an <c>[OutputType]</c> object by wire name (the <c>[OutputConstructor]</c>'s parameter names).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    private static IEnumerable<(string, object?)> OutputTypeFields(object value)
    {
        var type = value.GetType();
        var wireNames = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() is not null)?
            .GetParameters()
            .Select(p => p.Name ?? "")
            .ToDictionary(n => n, StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>();
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public))
        {
            var wire = wireNames.TryGetValue(field.Name, out var w) ? w : char.ToLowerInvariant(field.Name[0]) + field.Name[1..];
            var v = field.GetValue(value);
            if (v is not null) yield return (wire, v);
        }
    }
}
