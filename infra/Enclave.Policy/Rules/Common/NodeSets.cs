using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// The resources of one type as a set by identity, built once per graph: the targets rules correlate against
/// (subnets, keys, gateways…), so a lookup per resource costs O(1) instead of a scan.
/// </summary>
public static class NodeSets
{
    private static readonly ConditionalWeakTable<ResourceGraph, ConcurrentDictionary<string, NodeSet>> Cache = new();

    // Static lambdas: rules ask per resource, and a closure over the graph was a delegate and an object per call.
    public static NodeSet Of(ResourceGraph graph, string type) =>
        Cache.GetValue(graph, static _ => new(StringComparer.Ordinal)).GetOrAdd(type, static (t, g) => References.Set(g.OfType(t)), graph);
}
