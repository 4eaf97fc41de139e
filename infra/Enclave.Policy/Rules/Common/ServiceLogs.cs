using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>The Logging service logs of a graph (flow logs, bucket logs) and what each one covers.</summary>
public static class ServiceLogs
{
    public static PropertyValue Service(ResourceNode log) => log.Input("configuration").At("source.service");
    public static PropertyValue Category(ResourceNode log) => log.Input("configuration").At("source.category");
    public static PropertyValue Resource(ResourceNode log) => log.Input("configuration").At("source.resource");

    /// <summary>Is the log of this service and category (three-valued; case-insensitive)?</summary>
    public static Truth Is(ResourceNode log, string service, string category) =>
        Service(log).EqualsString(service, StringComparison.OrdinalIgnoreCase)
            .And(Category(log).EqualsString(category, StringComparison.OrdinalIgnoreCase))
            .And(log.Input("isEnabled").IsNull ? Truth.True : log.Input("isEnabled").EqualsBool(true));

    /// <summary>Does the log capture <paramref name="target"/>, identified by <paramref name="identifiers"/> (default: its id)?</summary>
    public static Truth Covers(ResourceGraph graph, ResourceNode log, ResourceNode target, IReadOnlyCollection<string> candidateTypes,
        params PropertyValue[] identifiers) =>
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
                var keys = new List<string>();
                switch (Resource(log))
                {
                    case StringValue s: keys.Add(s.Value); break;
                    case ResourceRefValue r: keys.Add(r.Urn); break;
                    case NullValue: break;
                    default:
                        if (log.PropertyDependencies.TryGetValue("configuration", out var deps) && deps.Length > 0) keys.AddRange(deps);
                        else { _anywhere.Add(log); continue; }
                        break;
                }
                // A known string may also name a target whose id is not known yet, through the dependencies.
                if (log.PropertyDependencies.TryGetValue("configuration", out var also)) keys.AddRange(also);
                foreach (var key in keys.Distinct(StringComparer.Ordinal))
                {
                    if (!_byValue.TryGetValue(key, out var list)) _byValue[key] = list = [];
                    list.Add(log);
                }
            }
        }

        /// <summary>Logs that may cover the target named by its URN and <paramref name="identifiers"/>.</summary>
        public IEnumerable<ResourceNode> Candidates(ResourceNode target, params PropertyValue[] identifiers)
        {
            var keys = identifiers.Append(target.Id).Select(i => i.AsString()).OfType<string>().Append(target.Urn);
            return keys.SelectMany(k => _byValue.TryGetValue(k, out var list) ? list : []).Concat(_anywhere).Distinct(ReferenceEqualityComparer.Instance).Cast<ResourceNode>();
        }
    }
}
