using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// The buckets of a graph by their known <c>name</c>, built once per graph: connectors, lifecycle policies and
/// replication policies name buckets by name, and a lookup per reference keeps those rules linear in hostile graphs.
/// </summary>
public static class BucketNames
{
    private static readonly ConditionalWeakTable<ResourceGraph, Index> Cache = new();

    public static Index Of(ResourceGraph graph) => Cache.GetValue(graph, g => new Index(g));

    public sealed class Index
    {
        private readonly Dictionary<string, List<ResourceNode>> _byName = new(StringComparer.Ordinal);
        private readonly List<ResourceNode> _unnamed = [];

        internal Index(ResourceGraph graph)
        {
            foreach (var bucket in graph.OfType(OciTypes.Bucket))
            {
                if (bucket.Input("name").AsString() is { } name)
                {
                    if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = [];
                    list.Add(bucket);
                }
                else _unnamed.Add(bucket);
            }
        }

        /// <summary>
        /// The buckets <paramref name="value"/> (input <paramref name="key"/> of <paramref name="from"/>) may name: those
        /// of that name, those the input was built from, and every bucket whose name is not known yet; every bucket of
        /// the graph when the value is a secret or an unknown with no recorded origin. Callers judge each candidate with
        /// <see cref="References.Identifies"/>.
        /// </summary>
        public IEnumerable<ResourceNode> Candidates(ResourceGraph graph, ResourceNode from, string key, PropertyValue value)
        {
            var seen = new HashSet<ResourceNode>(ReferenceEqualityComparer.Instance);
            if (value is StringValue s && _byName.TryGetValue(s.Value, out var named))
                foreach (var b in named) if (seen.Add(b)) yield return b;
            var hasDeps = from.PropertyDependencies.TryGetValue(key, out var deps) && deps.Length > 0;
            if (hasDeps)
                foreach (var urn in deps)
                    if (graph.ByUrn(urn) is { } dep && dep.IsType(OciTypes.Bucket) && seen.Add(dep)) yield return dep;
            if (value is SecretValue || (value is UnknownValue && !hasDeps))
            {
                foreach (var list in _byName.Values)
                    foreach (var b in list) if (seen.Add(b)) yield return b;
            }
            foreach (var b in _unnamed) if (seen.Add(b)) yield return b;
        }
    }
}
