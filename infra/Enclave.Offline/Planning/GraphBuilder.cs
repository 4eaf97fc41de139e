using System.Collections.Immutable;
using Enclave.Offline.Fakes;
using Enclave.Policy.Graph;
using Pulumi;
using Pulumi.Utilities;

namespace Enclave.Offline.Planning;

/// <summary>
/// Builds the neutral <see cref="ResourceNode"/>s of one offline run from what the program declared (args and
/// options, through <see cref="ResourceObserver"/>) and what the mock engine received (inputs by wire name, fake ids).
/// Secrets are never kept: a top-level input the program passed as a secret, and any string equal to (or holding) a
/// known secret value — fake random results, any secret output — become <see cref="PropertyValue.Secret"/>.
/// </summary>
internal sealed class GraphBuilder(string stack, string project, FakeCloudMocks mocks)
{
    public async Task<ImmutableArray<ResourceNode>> BuildAsync(IReadOnlyList<ObservedResource> observed, Stack? stackResource)
    {
        var topology = new ResourceTopology(stack, project, observed);
        var inputs = new Dictionary<Resource, ImmutableSortedDictionary<string, InputFacts>>(ReferenceEqualityComparer.Instance);
        var outputs = new Dictionary<Resource, ImmutableSortedDictionary<string, OutputFacts>>(ReferenceEqualityComparer.Instance);
        foreach (var placement in topology.All)
        {
            var resource = placement.Observed.Resource;
            inputs[resource] = await InputInspector.InspectAsync(placement.Observed.Args).ConfigureAwait(false);
            outputs[resource] = await OutputReader.ReadAsync(resource).ConfigureAwait(false);
        }
        var stackOutputs = stackResource is null
            ? ImmutableSortedDictionary<string, OutputFacts>.Empty
            : await OutputReader.ReadAsync(stackResource).ConfigureAwait(false);

        // Every secret value we can know of, before any value is converted.
        var secrets = new HashSet<string>(mocks.SecretValues, StringComparer.Ordinal);
        foreach (var facts in outputs.Values.Append(stackOutputs).SelectMany(o => o.Values).Where(f => f is { Secret: true, Known: true }))
            CollectStrings(facts.Value, secrets);
        foreach (var facts in inputs.Values.SelectMany(i => i.Values).Where(f => f is { Secret: true, Known: true }))
            CollectStrings(facts.Value, secrets);
        secrets.RemoveWhere(string.IsNullOrEmpty);

        var converter = new ValueConverter(secrets, r => topology.Find(r) is { } p ? (p.Urn, IdOf(p)) : null);
        var nodes = ImmutableArray.CreateBuilder<ResourceNode>();
        foreach (var placement in topology.All)
            nodes.Add(await NodeAsync(placement, topology, inputs[placement.Observed.Resource], outputs[placement.Observed.Resource], converter)
                .ConfigureAwait(false));
        nodes.Add(StackNode(topology, stackOutputs, converter));
        return nodes.ToImmutable();
    }

    private async Task<ResourceNode> NodeAsync(Placement placement, ResourceTopology topology,
        ImmutableSortedDictionary<string, InputFacts> facts, ImmutableSortedDictionary<string, OutputFacts> outputFacts, ValueConverter converter)
    {
        var resource = placement.Observed.Resource;
        var type = resource.GetResourceType();
        var name = resource.GetResourceName();
        var registered = mocks.Resources.GetValueOrDefault((type, name));
        var mockInputs = registered?.Inputs ?? ImmutableDictionary<string, object>.Empty;

        var inputFields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var key in facts.Keys.Union(mockInputs.Keys))
        {
            var fact = facts.GetValueOrDefault(key);
            if (fact is { Secret: true }) inputFields[key] = PropertyValue.Secret;
            else if (fact is { Known: false }) inputFields[key] = PropertyValue.Unknown;
            else if (mockInputs.TryGetValue(key, out var value)) inputFields[key] = converter.Convert(value);
        }

        var outputFields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, fact) in outputFacts)
            outputFields[key] = fact.Secret ? PropertyValue.Secret : fact.Known ? converter.Convert(fact.Value) : PropertyValue.Unknown;

        var propertyDependencies = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (key, fact) in facts)
        {
            var urns = fact.Dependencies.SelectMany(topology.DependencyUrns).Where(u => u != placement.Urn)
                .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            if (!urns.IsEmpty) propertyDependencies[key] = urns;
        }

        var dependsOn = await ResolveDependsOnAsync(placement.Observed.Options).ConfigureAwait(false);
        var dependencies = dependsOn.SelectMany(topology.DependencyUrns)
            .Concat(propertyDependencies.Values.SelectMany(u => u))
            .Where(u => u != placement.Urn)
            .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();

        string? provider = null;
        string? region = null;
        if (placement.Provider is { } p && topology.Find(p) is { } providerPlacement)
        {
            provider = $"{providerPlacement.Urn}::{IdOf(providerPlacement)}";
            region = mocks.Resources.GetValueOrDefault((p.GetResourceType(), p.GetResourceName()))?.Region;
        }
        if (type.StartsWith("pulumi:providers:oci", StringComparison.Ordinal) || type.StartsWith("oci:", StringComparison.Ordinal))
            region ??= registered?.Region ?? mocks.DefaultRegion;

        return new ResourceNode(
            placement.Urn, type, name, resource is CustomResource,
            IdOf(placement) is { } id ? converter.Convert(id) : PropertyValue.Null,
            placement.ParentUrn, dependencies, propertyDependencies.ToImmutable(), provider, region, placement.Protect,
            new MapValue(inputFields.ToImmutable()), new MapValue(outputFields.ToImmutable()));
    }

    private ResourceNode StackNode(ResourceTopology topology, ImmutableSortedDictionary<string, OutputFacts> outputFacts, ValueConverter converter)
    {
        var outputs = outputFacts.ToImmutableSortedDictionary(
            kv => kv.Key,
            kv => kv.Value.Secret ? PropertyValue.Secret : kv.Value.Known ? converter.Convert(kv.Value.Value) : PropertyValue.Unknown,
            StringComparer.Ordinal);
        return new ResourceNode(topology.StackUrn, EngineUrns.StackType, $"{project}-{stack}", false, PropertyValue.Null, null,
            [], ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty, null, null, false, MapValue.Empty, new MapValue(outputs));
    }

    private string? IdOf(Placement placement) =>
        placement.Observed.Resource is CustomResource
            ? mocks.Resources.GetValueOrDefault((placement.Observed.Resource.GetResourceType(), placement.Observed.Resource.GetResourceName()))?.Id
            : null;

    private static async Task<ImmutableArray<Resource>> ResolveDependsOnAsync(ResourceOptions options)
    {
        Output<ImmutableArray<Resource>> output = (Input<ImmutableArray<Resource>>)options.DependsOn;
        return await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false)
            ? await OutputUtilities.GetValueAsync(output).ConfigureAwait(false)
            : [];
    }

    private static void CollectStrings(object? value, HashSet<string> into)
    {
        switch (value)
        {
            case string s: into.Add(s); break;
            case System.Collections.IDictionary d:
                foreach (var v in d.Values) CollectStrings(v, into);
                break;
            case System.Collections.IEnumerable e:
                foreach (var v in e) CollectStrings(v, into);
                break;
        }
    }
}
