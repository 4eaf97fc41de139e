using System.Text;
using Enclave.Policy.Loaders;
using static Enclave.Policy.Tests.Loaders.ArtifactValidationTests;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Pulumi's Go reader (<c>encoding/json</c>) keeps the last of two equal keys and matches struct fields
/// case-insensitively (with Unicode folding). The gate reads a field exactly as Go does and refuses every object in
/// which two keys land on one field or one map entry: a hostile duplicate can never make it read another value
/// than Pulumi would.
/// </summary>
public class DuplicateKeyTests
{
    [Fact]
    public void Two_equal_keys_in_a_property_map_are_refused()
    {
        var e = Refused(Export(Res("v", """, "inputs": { "cidrBlocks": ["10.0.0.0/16"], "cidrBlocks": ["0.0.0.0/0"] }""")));
        Assert.Equal("$.deployment.resources[0].inputs", e.JsonPath);
        Assert.Contains("the key \"cidrBlocks\" is given twice in one object", e.Message);
    }

    [Fact]
    public void Two_equal_keys_inside_a_secret_are_refused() =>
        Assert.Contains("is given twice", Refused(Export(Res("v", """, "inputs": { "s": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "a", "ciphertext": "b" } }"""))).Message);

    [Fact]
    public void A_second_signature_is_refused_so_a_secret_cannot_turn_into_a_value() =>
        Assert.Contains("is given twice", Refused(Export(Res("v", """, "inputs": { "s": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "4dabf18193072939515e22adb298388d": "x" } }"""))).Message);

    [Theory]
    [InlineData("\"protect\": false, \"protect\": true", "protect")]
    [InlineData("\"custom\": true, \"Custom\": false", "custom")]
    [InlineData("\"inputs\": {}, \"INPUTS\": { \"cidrBlocks\": [\"0.0.0.0/0\"] }", "inputs")]
    [InlineData("\"inputs\": {}, \"input\u017f\": { \"cidrBlocks\": [\"0.0.0.0/0\"] }", "inputs")]
    [InlineData("\"parent\": \"a\", \"pArEnT\": \"b\"", "parent")]
    public void Two_keys_for_one_field_are_refused_however_they_are_spelled(string fields, string field)
    {
        var e = Refused(Export($$"""{ "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::v", "type": "oci:Core/vcn:Vcn", {{fields}} }"""));
        Assert.Contains($"\"{field}\" is given twice in one object", e.Message);
    }

    [Fact]
    public void A_field_spelled_in_another_case_is_read_as_go_reads_it()
    {
        var node = ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Export(Res("v", """, "Protect": true, "INPUTS": { "cidrBlocks": ["0.0.0.0/0"] }"""))), "x.json").Graph.Resources.Single();
        Assert.True(node.Protect);
        Assert.Equal("0.0.0.0/0", node.Inputs.At("cidrBlocks[0]").AsString());
    }

    [Fact]
    public void Two_deployments_at_the_top_are_refused() =>
        Assert.Contains("\"deployment\" is given twice", Refused("""{ "version": 3, "deployment": { "manifest": {}, "resources": [] }, "Deployment": { "manifest": {}, "resources": [] } }""").Message);

    [Fact]
    public void Two_steps_lists_in_a_preview_are_refused() =>
        Assert.Contains("\"steps\" is given twice", Refused("""{ "steps": [], "steps": [] }""").Message);

    [Fact]
    public void Two_equal_keys_in_a_plan_resource_are_refused() =>
        Assert.Contains("\"custom\" is given twice", Refused(PlanDocs.Plan(PlanDocs.Resource("a", "\"custom\": true, \"custom\": false"))).Message);
}
