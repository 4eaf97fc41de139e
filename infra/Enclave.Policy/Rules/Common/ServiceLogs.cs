using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// What a Logging log reads (its <c>configuration.source</c>), its log type and whether it is enabled, read from the
/// log once: the log rules ask several questions of every log of a graph, and each read is a walk down the log's inputs.
/// </summary>
public readonly record struct LogSource(PropertyValue Service, PropertyValue Category, PropertyValue Resource, PropertyValue Enabled,
    PropertyValue SourceType, PropertyValue LogType)
{
    public static LogSource Of(ResourceNode log)
    {
        var source = log.Input("configuration")["source"];
        return new LogSource(source["service"], source["category"], source["resource"], log.Input("isEnabled"),
            source["sourceType"], log.Input("logType"));
    }

    /// <summary>
    /// Is the log a service log (type SERVICE, source OCISERVICE, as the program writes both) of this service and
    /// category, and enabled (three-valued; case-insensitive)? Type and source type count too: a log of another type
    /// or source kind is not the service log the coverage rules look for, whatever service and category it names.
    /// </summary>
    public Truth Is(string service, string category) =>
        Service.EqualsString(service, StringComparison.OrdinalIgnoreCase)
            .And(Category.EqualsString(category, StringComparison.OrdinalIgnoreCase))
            .And(Enabled.IsNull ? Truth.True : Enabled.EqualsBool(true))
            .And(SourceType.IsNull ? Truth.True : SourceType.EqualsString("OCISERVICE", StringComparison.OrdinalIgnoreCase))
            .And(LogType.IsNull ? Truth.True : LogType.EqualsString("SERVICE", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The Logging service logs of a graph (flow logs, bucket logs) and what each one covers.</summary>
public static class ServiceLogs
{
    /// <summary>Does the log capture <paramref name="target"/>, identified by <paramref name="identifiers"/> (default: its id)?</summary>
    public static Truth Covers(ResourceGraph graph, Candidate log, ResourceNode target, IReadOnlyCollection<string> candidateTypes,
        params ReadOnlySpan<PropertyValue> identifiers) =>
        References.Identifies(graph, log.Log, "configuration", log.Source.Resource, target, candidateTypes, identifiers);

    /// <summary>A log that may cover a target, with what it reads.</summary>
    public readonly record struct Candidate(ResourceNode Log, LogSource Source);

    /// <summary>
    /// Logs indexed by what their <c>configuration.source.resource</c> can name, so coverage is looked up per target
    /// instead of scanning every log: known strings by value, references by URN, unknown values by the resources
    /// their configuration was built from; a log whose resource cannot be narrowed down is a candidate for every
    /// target. Candidates are then judged with <see cref="Covers"/>, so the answer is the same as a full scan.
    /// </summary>
    public sealed class Index
    {
        private readonly Dictionary<string, List<Candidate>> _byValue = new(StringComparer.Ordinal);
        private readonly List<Candidate> _anywhere = [];

        /// <param name="logs">The logs to index.</param>
        /// <param name="relevant">Which of them to keep, by what they read (e.g. those that may be flow logs).</param>
        public Index(IEnumerable<ResourceNode> logs, Func<LogSource, bool> relevant)
        {
            foreach (var log in logs)
            {
                var candidate = new Candidate(log, LogSource.Of(log));
                if (!relevant(candidate.Source)) continue;
                var hasDeps = log.PropertyDependencies.TryGetValue("configuration", out var deps);
                switch (candidate.Source.Resource)
                {
                    case StringValue s: Add(s.Value, candidate); break;
                    case ResourceRefValue r: Add(r.Urn, candidate); break;
                    case NullValue: break;
                    default:
                        if (!hasDeps || deps.Length == 0) { _anywhere.Add(candidate); continue; }
                        break;
                }
                // A known string may also name a target whose id is not known yet, through the dependencies.
                if (hasDeps) foreach (var urn in deps) Add(urn, candidate);
            }
        }

        private void Add(string key, Candidate candidate)
        {
            if (!_byValue.TryGetValue(key, out var list)) _byValue[key] = list = [];
            // A log is listed once per key even when its value and a dependency say the same.
            if (list.Count == 0 || !ReferenceEquals(list[^1].Log, candidate.Log)) list.Add(candidate);
        }

        /// <summary>
        /// Fills <paramref name="into"/> (cleared first) with the logs that may cover <paramref name="target"/>, named
        /// by its URN, its id or <paramref name="name"/>, or <paramref name="alsoTarget"/> likewise; each log once.
        /// </summary>
        public void Candidates(List<Candidate> into, ResourceNode target, ResourceNode? alsoTarget = null, PropertyValue? name = null)
        {
            into.Clear();
            if (name?.AsString() is { } text) AddKeyed(into, text);
            AddKeyed(into, target);
            if (alsoTarget is not null) AddKeyed(into, alsoTarget);
            // Unplaced logs are never keyed, so they cannot be in the list yet.
            into.AddRange(_anywhere);
        }

        private void AddKeyed(List<Candidate> into, ResourceNode target)
        {
            if (target.Id.AsString() is { } id) AddKeyed(into, id);
            AddKeyed(into, target.Urn);
        }

        private void AddKeyed(List<Candidate> into, string key)
        {
            if (!_byValue.TryGetValue(key, out var logs)) return;
            foreach (var log in logs)
                if (!Holds(into, log.Log)) into.Add(log);
        }

        // By reference: nodes are records, and their equality would compare whole input trees.
        private static bool Holds(List<Candidate> list, ResourceNode log)
        {
            foreach (var c in list)
                if (ReferenceEquals(c.Log, log)) return true;
            return false;
        }
    }
}
