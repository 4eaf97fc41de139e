using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Streams an engine event log (<c>pulumi preview|up --event-log FILE</c>: one <c>EngineEvent</c> JSON object per
/// line, <c>$[i]</c> in errors is the i-th event from 0) into the same <see cref="PreviewDocument"/> a
/// <c>preview --json</c> gives: each resource's step from its <c>resourcePreEvent</c> and <c>resOutputsEvent</c>
/// metadata (the latter, when present, has the outputs), old and new states with secrets and unknowns as the engine
/// writes them, the config from the prelude and the diagnostics. An <c>up</c> log holds its preview's events too
/// (<c>planning</c>); the update's own are used when present. A log of a run that did not finish (no summary after
/// the last step), failed (an error diagnostic, a failed resource operation) or may be corrupt is refused: its
/// resources are not the whole story, and a gate must not pass what it has not seen.
/// </summary>
internal static class EventLogReader
{
    private const int Sequence = 0, Timestamp = 1, Prelude = 2, Summary = 3, Pre = 4, Outputs = 5, Failed = 6, Diagnostic = 7,
        Cancel = 8, Stdout = 9, Policy = 10;
    private static readonly FieldSet EventFields = new("sequence", "timestamp", "preludeEvent", "summaryEvent", "resourcePreEvent",
        "resOutputsEvent", "resOpFailedEvent", "diagnosticEvent", "cancelEvent", "stdoutEvent", "policyEvent");
    private static readonly FieldSet DiagnosticFields = new("urn", "severity", "message");

    public static PreviewDocument Read(ref JsonCursor c)
    {
        var log = new EventLog();
        for (var item = 0; c.Read(); item++)
        {
            c.Path.Push(item);
            ReadEvent(ref c, item, log);
            c.Path.Pop();
        }
        return log.Complete(ref c);
    }

    private static void ReadEvent(ref JsonCursor c, int item, EventLog log)
    {
        c.IsObject("an engine event object {\"sequence\", \"timestamp\", …Event}", nullable: false);
        var seen = new FieldSet.Seen();
        var events = 0;
        while (c.NextProperty())
        {
            var field = c.Field(EventFields, ref seen, out var key);
            if (field > Timestamp && ++events > 1)
                throw c.Source.Error("an engine event holds exactly one event; this one holds several");
            switch (field)
            {
                case Sequence: c.Integer("the event's sequence number"); break;
                case Timestamp: c.Integer("the event's Unix timestamp"); break;
                case Prelude: log.ReadPrelude(ref c, item); break;
                case Summary: log.ReadSummary(ref c, item); break;
                case Pre or Outputs: log.ReadStep(ref c, item, field == Outputs); break;
                case Failed: log.Failure ??= "a resource operation failed (resOpFailedEvent)"; c.Skip(); break;
                case Diagnostic:
                    var d = PreviewReader.ReadDiagnostic(ref c, DiagnosticFields);
                    log.Diagnostics.Add(d);
                    if (d.Severity == "error") log.Failure ??= $"an error was reported ({d.Message.Trim()})";
                    break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
    }

    /// <summary>Reads the one field <paramref name="name"/> of the object at the cursor with <paramref name="read"/>; skips the rest.</summary>
    private static T? ReadObjectField<T>(ref JsonCursor c, string name, ReadField<T> read) where T : class
    {
        if (!c.IsObject("an event object")) return null;
        var fields = new FieldSet(name);
        var seen = new FieldSet.Seen();
        T? value = null;
        while (c.NextProperty())
        {
            var key = c.Text();
            var field = fields.Find(key);
            c.Path.Push(key);
            c.Next();
            if (field == 0) { seen.Add(fields, 0, key, c.Source); value = read(ref c); }
            else c.Skip();
            c.Path.Pop();
        }
        return value;
    }

    private delegate T ReadField<out T>(ref JsonCursor c);

    /// <summary>What the events said so far.</summary>
    private sealed class EventLog
    {
        private readonly Dictionary<(bool Planning, string Urn, string Op), StepEvents> _steps = new();
        private int _lastStepItem = -1;
        private int _lastSummaryItem = -1;
        private int _preludeItem = -1;
        private bool _maybeCorrupt;

        public MapValue Config { get; set; } = MapValue.Empty;
        public List<PreviewDiagnostic> Diagnostics { get; } = [];
        public string? Failure { get; set; }

        public void ReadStep(ref JsonCursor c, int item, bool outputs)
        {
            var (step, planning) = StepMetadataReader.Read(ref c);
            var key = (planning, step.Urn, step.OpName);
            if (!_steps.TryGetValue(key, out var events)) events = new StepEvents();
            if ((outputs ? events.Outputs : events.Pre) is not null)
                throw c.Source.Error($"a second {(outputs ? "resOutputsEvent" : "resourcePreEvent")} for the \"{step.OpName}\" step of " +
                                     $"\"{step.Urn}\" (the first is event {(outputs ? events.OutputsItem : events.PreItem)}); refused rather than pick one");
            if (outputs) { events.Outputs = step; events.OutputsItem = item; }
            else { events.Pre = step; events.PreItem = item; }
            _steps[key] = events;
            _lastStepItem = item;
        }

        /// <summary>
        /// The run's configuration. An <c>up</c> log has a prelude for its preview and one for its update, with one
        /// configuration; two that differ are two runs in one file (logs concatenated, or a forged prelude after the
        /// real one), and the last no longer silently wins: refused rather than pick one.
        /// </summary>
        public void ReadPrelude(ref JsonCursor c, int item)
        {
            var config = ReadObjectField(ref c, "config", static (ref JsonCursor json) => PulumiValueReader.ReadMap(ref json, previewSecrets: true, "an object of configuration values")) ?? MapValue.Empty;
            if (_preludeItem >= 0 && !config.Equals(Config))
                throw c.Source.Error($"a second preludeEvent with another configuration than the first (event {_preludeItem}); one run has one " +
                                     "configuration, so which one the resources were planned with is ambiguous; refused rather than pick one");
            Config = config;
            _preludeItem = item;
        }

        public void ReadSummary(ref JsonCursor c, int item)
        {
            _lastSummaryItem = item;
            _maybeCorrupt |= ReadObjectField(ref c, "maybeCorrupt", static (ref JsonCursor json) => json.Bool() ? "yes" : "no") == "yes";
        }

        public PreviewDocument Complete(ref JsonCursor c)
        {
            if (Failure is not null)
                throw c.Source.Error($"the event log records a failed run: {Failure}; its resources are incomplete, so the gate cannot judge them");
            if (_lastSummaryItem < 0 || _lastSummaryItem < _lastStepItem)
                throw c.Source.Error("the event log ends without the run's summaryEvent after its last step: the run did not finish " +
                                     "(cancelled, crashed, or the file is cut short), so its resources are incomplete");
            if (_maybeCorrupt) throw c.Source.Error("the run's summary says the state may be corrupt (maybeCorrupt); refused");
            // An `up` log holds its preview's events (planning) and then the update's: the update's are the outcome.
            var update = _steps.Keys.Any(k => !k.Planning);
            var steps = new StepSet("step event", i => $"$[{i}]");
            foreach (var ((planning, _, _), events) in _steps.OrderBy(e => Math.Min((uint)e.Value.PreItem, (uint)e.Value.OutputsItem)))
            {
                if (planning == update) continue;
                var item = events.Outputs is null ? events.PreItem : events.OutputsItem;
                c.Path.Push(item);
                steps.Add(events.Outputs ?? events.Pre!, item, ref c);
                c.Path.Pop();
            }
            var (stack, project) = steps.Identity;
            return new PreviewDocument(c.Source.Name, stack, project, Config.Fields, steps.Complete(c.Source.Name),
                [.. Diagnostics], ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal));
        }
    }

    private struct StepEvents
    {
        public PreviewStep? Pre;
        public PreviewStep? Outputs;
        public int PreItem;
        public int OutputsItem;

        public StepEvents() => PreItem = OutputsItem = -1;
    }
}
