using System.Text;
using Enclave.Engine.Tests.FakeEngine;
using Google.Protobuf;
using Pulumirpc;

namespace Enclave.EngineDriver;

/// <summary>
/// Everything one run sent the engine, as canonical text (one JSON line per request), so that two builds of the program
/// (plain, ReadyToRun, Native AOT) can be compared with diff: the same requests, field for field. Only what the
/// program's concurrency may order differently is put in order (requests by resource, dependency lists by URN), and
/// feature queries are listed once each.
/// </summary>
public static class RequestDump
{
    public static string Render(EngineRecording recording)
    {
        var text = new StringBuilder();
        void Section(string title, IEnumerable<string> lines)
        {
            text.Append("## ").AppendLine(title);
            foreach (var line in lines.Order(StringComparer.Ordinal)) text.AppendLine(line);
        }
        Section("RegisterResource", recording.Registrations.Select(r => Json(Canonical(r.Request))));
        Section("RegisterResourceOutputs", recording.Outputs.Select(Json));
        Section("Invoke", recording.Invokes.Select(Json));
        Section("ReadResource", recording.Reads.Select(Json));
        // Which features are asked, not how often: concurrent first registrations may each ask before one answer is cached.
        Section("SupportsFeature", recording.FeatureQueries.Distinct());
        Section("Log", recording.Logs.Select(Json));
        Section("Violations", recording.Violations);
        text.Append("## SignalAndWaitForShutdown ").Append(recording.ShutdownSignals).AppendLine();
        return text.ToString();
    }

    private static string Json(IMessage message) => JsonFormatter.Default.Format(message);

    private static RegisterResourceRequest Canonical(RegisterResourceRequest request)
    {
        var copy = request.Clone();
        Sort(copy.Dependencies);
        var byProperty = copy.PropertyDependencies.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        copy.PropertyDependencies.Clear();
        foreach (var (key, urns) in byProperty)
        {
            Sort(urns.Urns);
            copy.PropertyDependencies.Add(key, urns);
        }
        return copy;
    }

    private static void Sort(Google.Protobuf.Collections.RepeatedField<string> field)
    {
        var sorted = field.Order(StringComparer.Ordinal).ToList();
        field.Clear();
        field.AddRange(sorted);
    }
}
