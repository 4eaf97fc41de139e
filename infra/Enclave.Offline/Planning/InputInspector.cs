using System.Diagnostics.CodeAnalysis;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;

namespace Enclave.Offline.Planning;

/// <summary>What the program passed for one top-level input, seen through the official API: whether it is known
/// and secret, its value, and the resources it came from.</summary>
internal sealed record InputFacts(bool Known, bool Secret, object? Value, ImmutableHashSet<Resource> Dependencies);

/// <summary>
/// Reads a resource's args (a <see cref="ResourceArgs"/>) by reflection: every field or property carrying
/// <c>[Input("wireName")]</c>, converted to an Output to ask <see cref="Output.IsSecretAsync{T}"/>,
/// <see cref="OutputUtilities.GetIsKnownAsync{T}"/> and <see cref="OutputUtilities.GetDependenciesAsync{T}"/>.
/// </summary>
internal static class InputInspector
{
    private static readonly MethodInfo InspectMethod =
        typeof(InputInspector).GetMethod(nameof(InspectInput), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<ImmutableSortedDictionary<string, InputFacts>> InspectAsync(ResourceArgs? args)
    {
        var facts = ImmutableSortedDictionary.CreateBuilder<string, InputFacts>(StringComparer.Ordinal);
        if (args is null) return facts.ToImmutable();
        foreach (var (name, value) in InputMembers(args))
        {
            if (value is null) continue;
            facts[name] = await InspectAsync(value).ConfigureAwait(false);
        }
        return facts.ToImmutable();
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    private static async Task<InputFacts> InspectAsync(object value)
    {
        var inputType = FindInputType(value.GetType());
        if (inputType is null) return new InputFacts(true, false, value, ImmutableHashSet<Resource>.Empty);
        var task = (Task<InputFacts>)InspectMethod.MakeGenericMethod(inputType.GetGenericArguments()[0]).Invoke(null, [value])!;
        return await task.ConfigureAwait(false);
    }

    private static async Task<InputFacts> InspectInput<T>(Input<T> input)
    {
        Output<T> output = input;
        var known = await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false);
        var secret = await Output.IsSecretAsync(output).ConfigureAwait(false);
        var dependencies = await OutputUtilities.GetDependenciesAsync(output).ConfigureAwait(false);
        object? value = known ? await OutputUtilities.GetValueAsync(output).ConfigureAwait(false) : null;
        return new InputFacts(known, secret, value, dependencies);
    }

    /// <summary>Every <c>[Input]</c> member of the args class (fields included: generated list inputs keep the attribute on a private backing field).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    private static IEnumerable<(string Name, object? Value)> InputMembers(ResourceArgs args)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var type = args.GetType(); type is not null && type != typeof(ResourceArgs); type = type.BaseType)
        {
            foreach (var field in type.GetFields(flags))
                if (InputName(field) is { } name) yield return (name, field.GetValue(args));
            foreach (var property in type.GetProperties(flags))
                if (property.GetIndexParameters().Length == 0 && InputName(property) is { } name) yield return (name, property.GetValue(args));
        }
    }

    /// <summary>The wire name of <c>[Input("name", …)]</c>: its first constructor argument (the attribute's properties are not public).</summary>
    private static string? InputName(MemberInfo member) =>
        member.CustomAttributes.FirstOrDefault(a => a.AttributeType == typeof(InputAttribute)) is { ConstructorArguments: [var first, ..] }
            ? first.Value as string
            : null;

    private static Type? FindInputType(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>)) return type;
        return null;
    }
}
