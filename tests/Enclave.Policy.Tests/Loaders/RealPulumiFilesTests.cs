using System.Text;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using static Enclave.Policy.Tests.Loaders.ArtifactValidationTests;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Files current Pulumi writes: stack exports of schema version 4 and engine event logs (real ones from
/// pulumi/pulumi's test data, see Fixtures/pulumi-testdata), and other JSON files named for what they are.
/// </summary>
public class RealPulumiFilesTests
{
    private static string Testdata(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pulumi-testdata", name);
    private static LoadedArtifact Parse(string json, string name = "in.json") => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), name);

    [Fact]
    public void A_version_4_export_with_features_the_gate_understands_is_read()
    {
        var json = Export(Res("v", ", \"refreshBeforeUpdate\": true, \"protect\": true"))
            .Replace("\"version\": 3", "\"version\": 4, \"features\": [\"refreshBeforeUpdate\", \"views\"]");
        var artifact = Parse(json);
        Assert.Equal(ArtifactKind.StackExport, artifact.Kind);
        Assert.True(artifact.Graph.Resources.Single().Protect);
    }

    [Fact]
    public void A_version_4_checkpoint_is_read() =>
        Assert.Equal(ArtifactKind.Checkpoint, Parse("""{ "version": 4, "features": ["hooks"], "checkpoint": { "stack": "dev", "latest": null } }""").Kind);

    [Fact]
    public void A_feature_the_gate_does_not_understand_is_refused_by_name()
    {
        var e = Refused(Export(Res("v")).Replace("\"version\": 3", "\"version\": 4, \"features\": [\"byteString\"]"));
        Assert.Equal("$.features", e.JsonPath);
        Assert.Contains("needs the feature \"byteString\", which this tool does not understand", e.Message);
    }

    [Fact]
    public void Output_values_of_the_outputDependencies_feature_are_read_as_their_value_or_secret()
    {
        var json = Export(Res("v", """, "outputs": { "cidr": { "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", "value": "10.0.0.0/16", "dependencies": [] }, "key": { "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", "secret": true, "value": "hunter2" }, "later": { "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4" } }"""))
            .Replace("\"version\": 3", "\"version\": 4, \"features\": [\"outputDependencies\"]");
        var node = Parse(json).Graph.Resources.Single();
        Assert.Equal("10.0.0.0/16", node.Outputs["cidr"].AsString());
        Assert.True(node.Outputs["key"].IsSecret);
        Assert.True(node.Outputs["later"].IsUnknown);
    }

    [Fact]
    public void A_pulumi_event_log_of_a_destroy_is_read()
    {
        var artifact = ArtifactLoader.LoadArtifact(Testdata("destroy-with-custom-resource-parent.json"));
        Assert.Equal(ArtifactKind.EventLog, artifact.Kind);
        var steps = artifact.Preview!.Steps;
        Assert.Equal(["same", "delete", "delete"], steps.OrderBy(s => s.Op).Select(s => s.OpName));
        var bucket = steps.Single(s => s.Urn.EndsWith("::mybucket", StringComparison.Ordinal));
        Assert.Equal("mybucket-id", bucket.Old!.Id.AsString());
        Assert.True(bucket.Old.Custom);
        // Only the stack survives a destroy; it is a component (custom is left out when false).
        var stack = Assert.Single(artifact.Graph.Resources);
        Assert.False(stack.Custom);
        Assert.Equal(("dev", "myproject"), (artifact.Graph.Stack, artifact.Graph.Project));
    }

    [Fact]
    public void A_pulumi_event_log_written_indented_is_read()
    {
        var preview = ArtifactLoader.LoadArtifact(Testdata("json-yaml-json.json"), ArtifactKind.EventLog).Preview!;
        var step = Assert.Single(preview.Steps);
        Assert.Equal(StepOp.Update, step.Op);
        Assert.Equal("{\"color\":\"red\"}", step.New!.Outputs.At("vehicles.taxi").AsString());
    }

    private static string Event(int sequence, string body) => $$"""{"sequence":{{sequence}},"timestamp":1700000000,{{body}}}""";

    private static string StepEvent(int sequence, string kind, string op, string name, string state) =>
        Event(sequence, $$"""
        "{{kind}}":{"metadata":{"op":"{{op}}","urn":"urn:pulumi:dev::p::oci:Core/vcn:Vcn::{{name}}","type":"oci:Core/vcn:Vcn","old":null,"new":{"type":"oci:Core/vcn:Vcn","urn":"urn:pulumi:dev::p::oci:Core/vcn:Vcn::{{name}}","custom":true,"id":"","parent":"","inputs":{{state}},"outputs":{{state}},"provider":""},"provider":""},"planning":true}
        """.Trim());

    private static readonly string Summary = Event(99, "\"summaryEvent\":{\"maybeCorrupt\":false,\"durationSeconds\":1,\"resourceChanges\":{\"create\":1},\"PolicyPacks\":{}}");

    [Fact]
    public void Secrets_and_unknowns_in_events_are_read_as_the_engine_writes_them()
    {
        const string state = """{"password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"[secret]"},"blinded":"[secret]","id":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","cidr":"10.0.0.0/16"}""";
        var log = string.Join("\n", StepEvent(1, "resourcePreEvent", "create", "v", state), StepEvent(2, "resOutputsEvent", "create", "v", state), Summary);
        var node = Parse(log).Graph.Resources.Single();
        Assert.True(node["password"].IsSecret);
        Assert.True(node["blinded"].IsSecret);
        Assert.True(node["id"].IsUnknown);
        Assert.Equal("10.0.0.0/16", node["cidr"].AsString());
    }

    [Fact]
    public void An_event_log_of_a_run_that_did_not_finish_is_refused() =>
        Assert.Contains("the run did not finish", Refused(StepEvent(1, "resourcePreEvent", "create", "v", "{}")).Message);

    [Fact]
    public void An_event_log_cut_in_the_middle_of_an_event_is_refused_as_truncated()
    {
        var log = string.Join("\n", StepEvent(1, "resourcePreEvent", "create", "v", "{}"), Summary);
        // Cut inside a number the reader reports the number it cannot finish; either way one line with the position.
        Assert.Matches(@"^in\.json:2:\d+: (JSON ends before the document is complete|malformed JSON)", Refused(log[..(log.Length - 20)]).Message);
    }

    [Fact]
    public void An_event_log_of_a_failed_run_is_refused()
    {
        var error = Event(2, "\"diagnosticEvent\":{\"message\":\"oci: 409 conflict\",\"color\":\"never\",\"severity\":\"error\"}");
        Assert.Contains("records a failed run: an error was reported (oci: 409 conflict)",
            Refused(string.Join("\n", StepEvent(1, "resourcePreEvent", "create", "v", "{}"), error, Summary)).Message);
    }

    [Fact]
    public void Two_outputs_events_for_one_step_are_refused() =>
        Assert.Contains("a second resOutputsEvent",
            Refused(string.Join("\n", StepEvent(1, "resOutputsEvent", "create", "v", "{}"), StepEvent(2, "resOutputsEvent", "create", "v", """{"x":1}"""), Summary)).Message);

    private static string Prelude(int sequence, string region) =>
        Event(sequence, "\"preludeEvent\":{\"config\":{\"oci:region\":\"" + region + "\"}}");

    [Fact]
    public void Two_preludes_with_different_configurations_are_refused_rather_than_the_last_one_winning()
    {
        // Before: the second prelude's configuration silently replaced the first's (a forged prelude after the real
        // one, or two runs' logs in one file), and the preview was judged under it.
        var step = StepEvent(2, "resourcePreEvent", "create", "v", "{}");
        var e = Refused(string.Join("\n", Prelude(0, "us-ashburn-1"), Prelude(1, "eu-frankfurt-1"), step, Summary));
        Assert.Equal("$[1].preludeEvent", e.JsonPath);
        Assert.Contains("a second preludeEvent with another configuration than the first (event 0)", e.Message);
        // An `up` log has a prelude for its preview and one for its update, with the same configuration: read.
        var preview = Parse(string.Join("\n", Prelude(0, "us-ashburn-1"), Prelude(1, "us-ashburn-1"), step, Summary)).Preview!;
        Assert.Equal("us-ashburn-1", preview.ConfigRegion);
    }

    [Fact]
    public void An_event_with_a_string_typed_boolean_is_refused() =>
        Assert.Equal("$[0].resourcePreEvent.metadata.new.custom",
            Refused(string.Join("\n", StepEvent(1, "resourcePreEvent", "create", "v", "{}").Replace("\"custom\":true", "\"custom\":\"true\""), Summary)).JsonPath);

    [Theory]
    [InlineData("""{ "format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {} }""", "this is a Terraform plan or state")]
    [InlineData("""{ "schemaVersion": 1, "tool": {}, "gate": {}, "rules": [], "stacks": [] }""", "this is an enclave check report")]
    [InlineData("""{ "formatVersion": 1, "kind": "enclave-diff", "stack": "prod" }""", "this is an enclave diff report")]
    [InlineData("""{ "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [] }""", "this is a SARIF report")]
    [InlineData("""{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": {} }""", "this is a CloudFormation template")]
    [InlineData("""{ "hello": 1, "world": 2 }""", "unrecognised JSON (top-level keys \"hello\", \"world\")")]
    [InlineData("""[ { "version": 1 } ]""", "a JSON list at the top level")]
    public void Other_json_files_are_named_for_what_they_are(string json, string expected) =>
        Assert.Contains(expected, Refused(json).Message);

    [Fact]
    public void Input_larger_than_the_limit_is_refused_while_streaming()
    {
        var json = Encoding.UTF8.GetBytes(Export(Enumerable.Range(0, 200).Select(i => Res($"r{i}")).ToArray()));
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Load(new UnknownLengthStream(json), "pipe", limits: new LoadLimits { MaxFileBytes = 4096 }));
        Assert.Contains("larger than the", e.Message);
    }

    /// <summary>A stream that cannot say how long it is (a pipe).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
