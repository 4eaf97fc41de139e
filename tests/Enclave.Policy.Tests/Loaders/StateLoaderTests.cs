using System.Text;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Loaders;

public class StateLoaderTests
{
    private static LoadedArtifact Parse(string json, string name = "state.json") => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), name);

    [Fact]
    public void Stack_export_round_trips_the_hand_written_graph()
    {
        var g = CompliantEnclave.Build();
        var loaded = Parse(PulumiJson.Export(g));
        Assert.Equal(ArtifactKind.StackExport, loaded.Kind);
        Assert.Equal(GraphOrigin.State, loaded.Graph.Origin);
        var expected = g.Build().Resources;
        Assert.Equal(expected.Select(n => n.Urn), loaded.Graph.Resources.Select(n => n.Urn));
        foreach (var (want, got) in expected.Zip(loaded.Graph.Resources))
        {
            Assert.Equal(want.Inputs, got.Inputs);
            Assert.Equal(want.Protect, got.Protect);
            Assert.Equal(want.Id, got.Id);
            Assert.Equal(want.PropertyDependencies.Keys, got.PropertyDependencies.Keys);
        }
    }

    [Fact]
    public void Checkpoint_wrapper_reads_the_latest_deployment_and_config_region()
    {
        var loaded = Parse(PulumiJson.Export(CompliantEnclave.Build(), checkpoint: true));
        Assert.Equal(ArtifactKind.Checkpoint, loaded.Kind);
        Assert.Equal("dev", loaded.Graph.Stack);
        Assert.Contains(loaded.Graph.Resources, n => n.Type == "oci:Database/autonomousDatabase:AutonomousDatabase");
    }

    [Fact]
    public void Checkpoint_of_a_stack_never_deployed_is_an_empty_graph_named_after_the_stack()
    {
        var loaded = Parse("""{ "version": 3, "checkpoint": { "stack": "organization/us-data-enclave/prod", "latest": null } }""");
        Assert.Equal("prod", loaded.Graph.Stack);
        Assert.Empty(loaded.Graph.Resources);
    }

    [Theory]
    [InlineData(5, "newer than this tool understands")]
    [InlineData(2, "no longer supported")]
    [InlineData(1, "no longer supported")]
    public void Other_deployment_versions_are_refused_clearly(int version, string expected)
    {
        var e = Assert.Throws<ArtifactLoadException>(() => Parse(PulumiJson.Export(CompliantEnclave.Build(), version: version), "old.json"));
        Assert.Contains(expected, e.Message);
        Assert.Contains("supported: 3 and 4", e.Message);
        Assert.StartsWith("old.json at $.version:", e.Message);
    }

    [Fact]
    public void Version_must_be_a_number()
    {
        var e = Assert.Throws<ArtifactLoadException>(() => Parse("""{ "version": "3", "deployment": {} }"""));
        Assert.Contains("expected the schema version number, found the string \"3\"", e.Message);
    }

    [Fact]
    public void Deleted_and_external_resources_are_not_part_of_the_stack()
    {
        var json = """
        { "version": 3, "deployment": { "manifest": {}, "resources": [
          { "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::kept", "custom": true, "type": "oci:Core/vcn:Vcn" },
          { "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::old", "custom": true, "type": "oci:Core/vcn:Vcn", "delete": true },
          { "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::read", "custom": true, "type": "oci:Core/vcn:Vcn", "external": true } ] } }
        """;
        Assert.Equal(["urn:pulumi:dev::p::oci:Core/vcn:Vcn::kept"], Parse(json).Graph.Resources.Select(r => r.Urn));
    }

    [Fact]
    public void Special_values_become_secret_reference_and_asset_summary()
    {
        var json = """
        { "version": 3, "deployment": { "manifest": {}, "resources": [
          { "urn": "urn:pulumi:dev::p::x:y:Z::r", "custom": true, "type": "x:y:Z", "inputs": {
            "secret": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:abc" },
            "ref": { "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:dev::p::x:y:Z::other", "id": "ocid1.x" },
            "asset": { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "hash": "h1", "text": "inline body" },
            "future": { "4dabf18193072939515e22adb298388d": "0123456789abcdef0123456789abcdef", "x": 1 } } } ] } }
        """;
        var node = Parse(json).Graph.Resources.Single();
        Assert.True(node["secret"].IsSecret);
        Assert.Equal(new ResourceRefValue("urn:pulumi:dev::p::x:y:Z::other", "ocid1.x"), node["ref"]);
        Assert.Equal("h1", node["asset"]["hash"].AsString());
        Assert.True(node["asset"]["text"].IsNull);
        Assert.True(node["future"].IsUnknown);
    }

    [Fact]
    public void Secret_plaintext_from_show_secrets_never_reaches_the_graph()
    {
        var json = PulumiJson.Export(CompliantEnclave.Build(), secretPlaintext: CompliantEnclave.SecretPlaintext);
        Assert.Contains(CompliantEnclave.SecretPlaintext, json);  // the fixture really carries it
        var graph = Parse(json).Graph;
        var adb = graph.Resources.Single(n => n.Name == "adb");
        Assert.True(adb["adminPassword"].IsSecret);
        var everything = string.Join("\n", graph.Resources.SelectMany(n => PropertyWalkText(n.Inputs).Concat(PropertyWalkText(n.Outputs))));
        Assert.DoesNotContain(CompliantEnclave.SecretPlaintext, everything);
    }

    [Fact]
    public void Outputs_that_repeat_an_input_are_held_once_and_every_difference_is_kept()
    {
        // A state's outputs repeat most inputs: at 200k resources holding both copies was a third of the graph.
        var json = """
        { "version": 3, "deployment": { "manifest": {}, "resources": [
          { "urn": "urn:pulumi:dev::p::x:y:Z::r", "custom": true, "type": "x:y:Z",
            "inputs": { "rules": [ { "cidr": "10.0.0.0/16", "port": 1522 } ], "zero": 0, "name": "a", "on": true },
            "outputs": { "rules": [ { "cidr": "10.0.0.0/16", "port": 1522 } ], "zero": -0.0, "name": "b", "on": true,
                         "state": "ACTIVE" } } ] } }
        """;
        var node = Parse(json).Graph.Resources.Single();
        Assert.Same(node.Inputs["rules"], node.Outputs["rules"]);
        Assert.Same(node.Inputs["on"], node.Outputs["on"]);
        Assert.Equal("b", node.Outputs["name"].AsString());
        Assert.Equal("a", node.Inputs["name"].AsString());
        Assert.True(double.IsNegative(((NumberValue)node.Outputs["zero"]).Value));  // -0 is not 0
        Assert.Equal("ACTIVE", node.Outputs["state"].AsString());
    }

    [Fact]
    public void Maps_lists_and_numbers_that_repeat_across_resources_are_held_once_and_near_misses_are_kept_apart()
    {
        // Every workload repeats the same tags, rule options and port ranges: one instance each, never a wrong one.
        static string Resource(string name, string tags, string rule) => $$"""
            { "urn": "urn:pulumi:dev::p::x:y:Z::{{name}}", "custom": true, "type": "x:y:Z",
              "inputs": { "tags": {{tags}}, "rules": [ {{rule}} ], "port": 1522.5 } }
            """;
        var json = $$"""
        { "version": 3, "deployment": { "manifest": {}, "resources": [
          {{Resource("a", """{ "team": "data", "zone": "us" }""", """{ "min": 1522, "max": 1522 }""")}},
          {{Resource("b", """{ "team": "data", "zone": "us" }""", """{ "min": 1522, "max": 1522 }""")}},
          {{Resource("c", """{ "zone": "us", "team": "data" }""", """{ "min": 1522, "max": 1523 }""")}},
          {{Resource("d", """{ "team": "data", "zone": "eu" }""", """{ "min": 1522, "max": -0.0 }""")}},
          {{Resource("e", """{ "team": "data", "zone": "us", "x": null }""", """{ "min": 1522, "max": 0 }""")}} ] } }
        """;
        var n = Parse(json).Graph.Resources.ToDictionary(r => r.Name);
        Assert.Same(n["a"].Inputs["tags"], n["b"].Inputs["tags"]);
        Assert.Same(n["a"].Inputs["rules"], n["b"].Inputs["rules"]);
        Assert.Same(n["a"].Inputs["port"], n["e"].Inputs["port"]);
        Assert.Same(n["a"].Inputs["tags"], n["c"].Inputs["tags"]); // the same fields written in another order
        Assert.NotSame(n["a"].Inputs["rules"], n["c"].Inputs["rules"]);
        Assert.Equal(1523, n["c"].Inputs["rules"][0]["max"].AsNumber());
        Assert.Equal("eu", n["d"].Inputs["tags"]["zone"].AsString());
        Assert.True(double.IsNegative(n["d"].Inputs["rules"][0]["max"].AsNumber()!.Value)); // -0 is not 0
        Assert.False(double.IsNegative(n["e"].Inputs["rules"][0]["max"].AsNumber()!.Value));
        Assert.Equal(3, ((MapValue)n["e"].Inputs["tags"]).Count);
        Assert.True(n["e"].Inputs["tags"]["x"].IsNull);
    }

    internal static IEnumerable<string> PropertyWalkText(PropertyValue v) =>
        Enclave.Policy.Rules.Common.PropertyWalk.Leaves(v).Select(x => $"{x.Path}={x.Value}");
}
