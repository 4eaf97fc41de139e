using System.Diagnostics.CodeAnalysis;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;

namespace Enclave.Offline.Planning;

/// <summary>One <c>[Output]</c> property of a resource after the run.</summary>
internal sealed record OutputFacts(bool Known, bool Secret, object? Value);

/// <summary>Reads every <c>[Output]</c> property of a resource (except <c>urn</c> and <c>id</c>) through the official API.</summary>
internal static class OutputReader
{
    private static readonly MethodInfo ReadMethod =
        typeof(OutputReader).GetMethod(nameof(ReadOutput), BindingFlags.NonPublic | BindingFlags.Static)!;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "OfflinePlanner.RunAsync refuses to run without dynamic code (the Native AOT CLI)")]
    public static async Task<ImmutableSortedDictionary<string, OutputFacts>> ReadAsync(Resource resource)
    {
        var outputs = ImmutableSortedDictionary.CreateBuilder<string, OutputFacts>(StringComparer.Ordinal);
        foreach (var property in resource.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute) continue;
            var name = attribute.Name ?? property.Name;
            if (name is "urn" or "id" || outputs.ContainsKey(name)) continue;
            if (property.GetValue(resource) is not { } output) continue;
            var type = output.GetType();
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Output<>)) continue;
            var task = (Task<OutputFacts>)ReadMethod.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [output])!;
            outputs[name] = await task.ConfigureAwait(false);
        }
        return outputs.ToImmutable();
    }

    private static async Task<OutputFacts> ReadOutput<T>(Output<T> output)
    {
        var known = await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false);
        var secret = await Output.IsSecretAsync(output).ConfigureAwait(false);
        object? value = known ? await OutputUtilities.GetValueAsync(output).ConfigureAwait(false) : null;
        return new OutputFacts(known, secret, value);
    }
}
