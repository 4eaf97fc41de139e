using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>The Logging service logs of a graph (flow logs, bucket logs) and what each one covers.</summary>
public static class ServiceLogs
{
    private static PropertyValue Source(ResourceNode log) => log.Input("configuration")["source"];
    public static PropertyValue Service(ResourceNode log) => Source(log)["service"];
    public static PropertyValue Category(ResourceNode log) => Source(log)["category"];
    public static PropertyValue Resource(ResourceNode log) => Source(log)["resource"];

    /// <summary>Is the log of this service and category (three-valued; case-insensitive)?</summary>
    public static Truth Is(ResourceNode log, string service, string category)
    {
        var source = Source(log);
        var enabled = log.Input("isEnabled");
        return source["service"].EqualsString(service, StringComparison.OrdinalIgnoreCase)
            .And(source["category"].EqualsString(category, StringComparison.OrdinalIgnoreCase))
            .And(enabled.IsNull ? Truth.True : enabled.EqualsBool(true));
    }

    /// <summary>Does the log capture <paramref name="target"/>, identified by <paramref name="identifiers"/> (default: its id)?</summary>
    public static Truth Covers(ResourceGraph graph, ResourceNode log, ResourceNode target, IReadOnlyCollection<string> candidateTypes,
        params ReadOnlySpan<PropertyValue> identifiers) =>
        References.Identifies(graph, log, "configuration", Resource(log), target, candidateTypes, identifiers);

    /// <summary>
    /// Logs indexed by what their <c>configuration.source.resource</c> can name, so coverage is looked up per target
    /// instead of scanning every log: known strings by value, references by URN, unknown values by the resources
    /// their configuration was built from; a log whose resource cannot be narrowed down is a candidate for every
    /// target. Candidates are then judged with <see cref="Covers"/>, so the answer is the same as a full scan.
    /// </summary>
    public sealed class Index
    {
        private readonly Dictionary<string, List<ResourceNode>> _byValue = new(StringComparer.Ordinal);
        private readonly List<ResourceNode> _anywhere = [];

        public Index(IEnumerable<ResourceNode> logs)
        {
            foreach (var log in logs)
            {
                var hasDeps = log.PropertyDependencies.TryGetValue("configuration", out var deps);
                switch (Resource(log))
                {
                    case StringValue s: Add(s.Value, log); break;
                    case ResourceRefValue r: Add(r.Urn, log); break;
                    case NullValue: break;
                    default:
                        if (!hasDeps || deps.Length == 0) { _anywhere.Add(log); continue; }
                        break;
                }
                // A known string may also name a target whose id is not known yet, through the dependencies.
                if (hasDeps) foreach (var urn in deps) Add(urn, log);
            }
        }

        private void Add(string key, ResourceNode log)
        {
            if (!_byValue.TryGetValue(key, out var list)) _byValue[key] = list = [];
            // A log is listed once per key even when its value and a dependency say the same.
            if (list.Count == 0 || !ReferenceEquals(list[^1], log)) list.Add(log);
        }

        /// <summary>
        /// Fills <paramref name="into"/> (cleared first) with the logs that may cover <paramref name="target"/>, named
        /// by its URN, its id or <paramref name="name"/>, or <paramref name="alsoTarget"/> likewise; each log once.
        /// </summary>
        public void Candidates(List<ResourceNode> into, ResourceNode target, ResourceNode? alsoTarget = null, PropertyValue? name = null)
        {
            into.Clear();
            if (name?.AsString() is { } text) AddKeyed(into, text);
            AddKeyed(into, target);
            if (alsoTarget is not null) AddKeyed(into, alsoTarget);
            // Unplaced logs are never keyed, so they cannot be in the list yet.
            into.AddRange(_anywhere);
        }

        private void AddKeyed(List<ResourceNode> into, ResourceNode target)
        {
            if (target.Id.AsString() is { } id) AddKeyed(into, id);
            AddKeyed(into, target.Urn);
        }

        private void AddKeyed(List<ResourceNode> into, string key)
        {
            if (!_byValue.TryGetValue(key, out var logs)) return;
            foreach (var log in logs)
                if (!Holds(into, log)) into.Add(log);
        }

        // By reference: nodes are records, and their equality would compare whole input trees.
        private static bool Holds(List<ResourceNode> list, ResourceNode node)
        {
            foreach (var n in list)
                if (ReferenceEquals(n, node)) return true;
            return false;
        }
    }
}
