using System.Text;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Pulumi's step metadata always carries the step's own states: a new one for every step that leaves the resource
/// in place (same, create, update, replace, create-replacement, import, import-replacement) and the old one for
/// every step that removes it (delete, delete-replaced, discard, discard-replaced); <c>preview --json</c> and the
/// event log copy them as they are. A step without them is a trimmed or edited artifact. It used to be read as
/// "every input unknown" (undetermined, advisory in a preview: a trimmed create of a public bucket passed) or, for a
/// deletion, as nothing to see (the archive's deletion was invisible). It is refused like every other shape Pulumi
/// never writes: one line naming the step and the state it lacks (exit 3 in the CLI).
/// </summary>
public class TrimmedStepTests
{
    private const string Urn = "urn:pulumi:prod::us-data-enclave::oci:ObjectStorage/bucket:Bucket::archive";
    private const string State = $$"""{ "urn": "{{Urn}}", "custom": true, "type": "oci:ObjectStorage/bucket:Bucket", "id": "prod/archive", "inputs": { "accessType": "NoPublicAccess" } }""";

    public static TheoryData<string, string> NeedNew => new()
    {
        { "same", "newState" }, { "create", "newState" }, { "update", "newState" }, { "replace", "newState" },
        { "create-replacement", "newState" }, { "import", "newState" }, { "import-replacement", "newState" },
    };

    public static TheoryData<string, string> NeedOld => new()
    {
        { "delete", "oldState" }, { "delete-replaced", "oldState" }, { "discard", "oldState" }, { "discard-replaced", "oldState" },
    };

    private static PreviewDocument EventLogParse(byte[] log, string name) => ArtifactLoader.Parse(log, name).Preview!;

    private static ArtifactLoadException Refused(string text, string name) =>
        Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(text), name));

    /// <summary>A preview of one step of <paramref name="op"/> with only the states named.</summary>
    private static string Preview(string op, bool old, bool @new) =>
        $$"""{ "steps": [ { "op": "{{op}}", "urn": "{{Urn}}"{{(old ? $", \"oldState\": {State}" : "")}}{{(@new ? $", \"newState\": {State}" : "")}} } ] }""";

    /// <summary>An event log of a finished preview whose one step has only the states named (in both events, or trimmed in the outputs event only).</summary>
    private static string EventLog(string op, bool old, bool @new, bool trimOutputsOnly = false)
    {
        string Metadata(bool o, bool n) =>
            $$"""{"op":"{{op}}","urn":"{{Urn}}","type":"oci:ObjectStorage/bucket:Bucket","old":{{(o ? State : "null")}},"new":{{(n ? State : "null")}}""" + "}";
        var pre = trimOutputsOnly ? Metadata(true, true) : Metadata(old, @new);
        return string.Join('\n',
            """{"sequence":0,"timestamp":1,"preludeEvent":{"config":{"oci:region":"us-ashburn-1"}}}""",
            """{"sequence":1,"timestamp":2,"resourcePreEvent":{"metadata":""" + pre + ""","planning":true}}""",
            """{"sequence":2,"timestamp":3,"resOutputsEvent":{"metadata":""" + Metadata(old, @new) + ""","planning":true}}""",
            """{"sequence":3,"timestamp":4,"summaryEvent":{"maybeCorrupt":false}}""") + "\n";
    }

    [Theory]
    [MemberData(nameof(NeedNew))]
    public void A_preview_step_without_its_new_state_is_refused(string op, string key)
    {
        var e = Refused(Preview(op, old: true, @new: false), "preview.json");
        Assert.Equal("$.steps[0]", e.JsonPath);
        Assert.Equal($"preview.json at $.steps[0]: the \"{op}\" step of \"{Urn}\" has no \"{key}\" (the resource as the step leaves it), " +
                     "which Pulumi always writes: the file was trimmed or edited", e.Message);
        Assert.Single(ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Preview(op, old: true, @new: true)), "whole.json").Graph.Resources);
    }

    [Theory]
    [MemberData(nameof(NeedOld))]
    public void A_preview_removal_without_its_old_state_is_refused(string op, string key)
    {
        var e = Refused(Preview(op, old: false, @new: false), "preview.json");
        Assert.Contains($"the \"{op}\" step of \"{Urn}\" has no \"{key}\" (the resource the step removes)", e.Message);
        var whole = PreviewLoader.Parse(Encoding.UTF8.GetBytes(Preview(op, old: true, @new: false)), "whole.json");
        Assert.Equal(Urn, Assert.Single(whole.Steps).Old!.Urn);
    }

    [Fact]
    public void A_null_new_state_is_no_state()
    {
        var e = Refused($$"""{ "steps": [ { "op": "create", "urn": "{{Urn}}", "newState": null } ] }""", "preview.json");
        Assert.Contains("has no \"newState\"", e.Message);
    }

    [Theory]
    [MemberData(nameof(NeedNew))]
    public void An_event_log_step_without_its_new_state_is_refused(string op, string _)
    {
        var e = Refused(EventLog(op, old: true, @new: false), "events.jsonl");
        Assert.Contains($"the \"{op}\" step of \"{Urn}\" has no \"new\" (the resource as the step leaves it)", e.Message);
        Assert.StartsWith("$[1]", e.JsonPath);
        // Trimmed in the outputs event only (the one the gate prefers): refused as well, at that event.
        Assert.StartsWith("$[2]", Refused(EventLog(op, old: true, @new: false, trimOutputsOnly: true), "events.jsonl").JsonPath);
        Assert.Single(EventLogParse(Encoding.UTF8.GetBytes(EventLog(op, old: true, @new: true)), "whole.jsonl").Steps);
    }

    [Theory]
    [MemberData(nameof(NeedOld))]
    public void An_event_log_removal_without_its_old_state_is_refused(string op, string _)
    {
        var e = Refused(EventLog(op, old: false, @new: false), "events.jsonl");
        Assert.Contains($"the \"{op}\" step of \"{Urn}\" has no \"old\" (the resource the step removes)", e.Message);
        Assert.Single(EventLogParse(Encoding.UTF8.GetBytes(EventLog(op, old: true, @new: false)), "whole.jsonl").Steps);
    }

    [Fact]
    public void A_refresh_of_a_resource_gone_from_the_cloud_has_no_new_state_and_is_read()
    {
        var step = Assert.Single(PreviewLoader.Parse(Encoding.UTF8.GetBytes(Preview("refresh", old: true, @new: false)), "refresh.json").Steps);
        Assert.Null(step.New);
    }
}
