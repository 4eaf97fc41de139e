using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Mapping;

/// <summary>The stack a pack was configured for: every resource it is shown must belong to it.</summary>
/// <param name="ConfigRegion">The stack's <c>oci:region</c>: the region of default providers.</param>
internal sealed record StackIdentity(string Stack, string Project, GraphOrigin Origin, string? ConfigRegion)
{
    public string Source => Origin == GraphOrigin.Preview ? "pulumi preview (policy pack)" : "pulumi up (policy pack)";
}

/// <summary>
/// The engine's analyzer requests as the same <see cref="ResourceGraph"/> the loaders build from files: URNs checked
/// against the configured stack, values through <see cref="StructDecoder"/>, regions through
/// <see cref="RegionResolver"/>. <c>AnalyzeStack</c> shows each resource's outputs; the inputs the program gave it
/// come from its <c>Analyze</c> call of the same run when there was one (else the outputs stand in for them, unknowns
/// and all), so a rule reads what it reads in a <c>pulumi preview --json</c> step.
/// </summary>
internal static class AnalyzerGraphs
{
    /// <summary>One resource as the program registers it: its inputs, options and provider (the provider is a node too).</summary>
    public static ResourceGraph Single(AnalyzeRequest request, StackIdentity stack)
    {
        var node = Node("request", request.Urn, request.Type, request.Name, request.Options, request.Provider,
            request.Options?.Parent, [], null, stack);
        node = node with { Inputs = StructDecoder.Map(request.Properties, "request.properties") };
        var nodes = new List<ResourceNode>(2) { node };
        if (request.Provider is { Urn.Length: > 0 } provider && provider.Urn != node.Urn) nodes.Add(ProviderNode(provider, "request.provider", stack));
        return new ResourceGraph(stack.Stack, stack.Project, stack.Origin, RegionResolver.Resolve(nodes, stack.ConfigRegion), stack.Source);
    }

    /// <param name="inputs">The inputs of each URN the engine showed through <c>Analyze</c> in this run.</param>
    public static ResourceGraph Stack(AnalyzeStackRequest request, StackIdentity stack, IReadOnlyDictionary<string, MapValue> inputs)
    {
        var nodes = new List<ResourceNode>(request.Resources.Count + 1);
        var seen = new Dictionary<string, int>(request.Resources.Count, StringComparer.Ordinal);
        for (var i = 0; i < request.Resources.Count; i++)
        {
            var r = request.Resources[i];
            var where = $"resources[{i}]";
            var parent = r.Parent is { Length: > 0 } p ? p : r.Options?.Parent;
            var node = Node(where, r.Urn, r.Type, r.Name, r.Options, r.Provider, parent, r.Dependencies, r.PropertyDependencies, stack);
            if (!seen.TryAdd(node.Urn, i)) throw new MalformedRequestException($"{where}.urn repeats resources[{seen[node.Urn]}].urn {node.Urn}");
            var outputs = StructDecoder.Map(r.Properties, where + ".properties");
            nodes.Add(node with
            {
                Id = IdOf(outputs, node.Custom),
                Inputs = inputs.TryGetValue(node.Urn, out var registered) ? registered : outputs,
                Outputs = outputs,
            });
        }
        // A provider the engine names but does not list (it lists every provider of the stack) still gives its region.
        for (var i = 0; i < request.Resources.Count; i++)
            if (request.Resources[i].Provider is { Urn.Length: > 0 } provider && seen.TryAdd(provider.Urn, -1))
                nodes.Add(ProviderNode(provider, $"resources[{i}].provider", stack));
        return new ResourceGraph(stack.Stack, stack.Project, stack.Origin, RegionResolver.Resolve(nodes, stack.ConfigRegion), stack.Source);
    }

    private static ResourceNode Node(string where, string urn, string type, string name, AnalyzerResourceOptions? options,
        AnalyzerProviderResource? provider, string? parent, IEnumerable<string> dependencies,
        IDictionary<string, AnalyzerPropertyDependencies>? propertyDependencies, StackIdentity stack)
    {
        var parts = Urn(where, urn, stack);
        var token = type.Length > 0 ? type : parts.Type;
        if (token != parts.Type)
            throw new MalformedRequestException($"{where}.type {token} is not the type of its urn ({parts.Type})");
        var custom = provider is { Urn.Length: > 0 } || token.StartsWith(RegionResolver.ProviderTypePrefix, StringComparison.Ordinal);
        var deps = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (propertyDependencies is not null)
            foreach (var (key, value) in propertyDependencies)
                deps[key] = [.. value.Urns];
        return new ResourceNode(
            urn, token, name.Length > 0 ? name : parts.Name, custom,
            custom ? PropertyValue.Unknown : PropertyValue.Null,
            parent is { Length: > 0 } ? parent : null,
            [.. dependencies],
            deps.ToImmutable(),
            provider is { Urn.Length: > 0 } ? ProviderReference(provider) : null,
            Region: null,
            Protect: options?.Protect ?? false,
            Inputs: MapValue.Empty,
            Outputs: MapValue.Empty);
    }

    private static ResourceNode ProviderNode(AnalyzerProviderResource provider, string where, StackIdentity stack)
    {
        var parts = Urn(where + ".urn", provider.Urn, stack);
        var properties = StructDecoder.Map(provider.Properties, where + ".properties");
        return new ResourceNode(provider.Urn, provider.Type.Length > 0 ? provider.Type : parts.Type,
            provider.Name.Length > 0 ? provider.Name : parts.Name, true, IdOf(properties, true), null, [],
            ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty, null, null, false, properties, properties);
    }

    /// <summary><c>providerUrn::providerId</c>, as in state and preview files (the id is the unknown sentinel when not known).</summary>
    private static string ProviderReference(AnalyzerProviderResource provider) =>
        $"{provider.Urn}::{(provider.Properties?.Fields.TryGetValue("id", out var id) == true && id.StringValue is { Length: > 0 } s ? s : PulumiValues.UnknownSentinel)}";

    /// <summary>Outputs carry the provider id as <c>id</c>; a custom resource without one is not created yet.</summary>
    private static PropertyValue IdOf(MapValue outputs, bool custom) =>
        outputs.TryGetValue("id", out var id) && id is StringValue { Value.Length: > 0 } or UnknownValue ? id
        : custom ? PropertyValue.Unknown : PropertyValue.Null;

    private static UrnParts Urn(string where, string urn, StackIdentity stack)
    {
        if (UrnParts.TryParse(urn) is not { } parts)
            throw new MalformedRequestException($"{where}.urn \"{Shorten(urn)}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)");
        if (parts.Stack != stack.Stack || parts.Project != stack.Project)
            throw new MalformedRequestException(
                $"{where}.urn belongs to stack {parts.Stack} of project {parts.Project}; the pack was configured for stack {stack.Stack} of project {stack.Project}");
        return parts;
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..120] + "…";
}
