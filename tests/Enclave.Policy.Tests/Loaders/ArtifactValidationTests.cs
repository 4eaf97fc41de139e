using System.Text;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Well-formed JSON of a shape Pulumi never writes is refused in one line naming the file, the JSON path and what is
/// valid there (exit 3 in the CLI): string-typed booleans, duplicate URNs, parent cycles, unknown step operations,
/// a plan whose resourceCount disagrees with its resources.
/// </summary>
public class ArtifactValidationTests
{
    private const string P = "urn:pulumi:dev::p::";

    internal static ArtifactLoadException Refused(string json, string name = "in.json") =>
        Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), name));

    internal static string Export(params string[] resources) =>
        $$"""{ "version": 3, "deployment": { "manifest": {}, "resources": [ {{string.Join(", ", resources)}} ] } }""";

    internal static string Res(string name, string extra = "", string type = "oci:Core/vcn:Vcn") =>
        $$"""{ "urn": "{{P}}{{type}}::{{name}}", "custom": true, "type": "{{type}}"{{extra}} }""";

    [Theory]
    [InlineData("\"custom\": \"true\"", "custom", "the string \"true\"")]
    [InlineData("\"protect\": \"yes\"", "protect", "the string \"yes\"")]
    [InlineData("\"delete\": 1", "delete", "the number 1")]
    [InlineData("\"external\": \"false\"", "external", "the string \"false\"")]
    public void String_typed_booleans_in_an_export_are_refused(string field, string key, string found)
    {
        var json = Export($$"""{ "urn": "{{P}}oci:Core/vcn:Vcn::v", "type": "oci:Core/vcn:Vcn", {{field}} }""");
        var e = Refused(json, "export.json");
        Assert.Equal($"$.deployment.resources[0].{key}", e.JsonPath);
        Assert.Equal($"export.json at $.deployment.resources[0].{key}: expected true or false, found {found}", e.Message);
    }

    [Fact]
    public void String_typed_booleans_in_a_preview_step_state_are_refused()
    {
        var json = $$"""{ "steps": [ { "op": "create", "urn": "{{P}}oci:Core/vcn:Vcn::v", "newState": { "urn": "{{P}}oci:Core/vcn:Vcn::v", "custom": "true" } } ] }""";
        Assert.Equal("$.steps[0].newState.custom", Refused(json).JsonPath);
    }

    [Theory]
    [InlineData("\"id\": 42", "id", "expected an id string, found the number 42")]
    [InlineData("\"parent\": {}", "parent", "expected a parent URN string, found an object")]
    [InlineData("\"dependencies\": \"urn:x\"", "dependencies", "expected a list of URN strings, found the string \"urn:x\"")]
    [InlineData("\"inputs\": []", "inputs", "expected an object of input properties, found a list")]
    [InlineData("\"propertyDependencies\": { \"vcnId\": [1] }", "propertyDependencies.vcnId[0]", "expected a string, found the number 1")]
    public void Every_field_the_loader_reads_is_typed(string field, string path, string message)
    {
        var e = Refused(Export(Res("v", ", " + field)));
        Assert.Equal($"$.deployment.resources[0].{path}", e.JsonPath);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_type_that_is_not_a_string_is_refused() =>
        Assert.Contains("resources[0].type: expected a type token string, found the number 7",
            Refused(Export($$"""{ "urn": "{{P}}oci:Core/vcn:Vcn::v", "custom": true, "type": 7 }""")).Message);

    [Fact]
    public void A_component_with_an_id_is_refused_as_pulumi_refuses_it()
    {
        var e = Refused(Export($$"""{ "urn": "{{P}}oci:Core/vcn:Vcn::v", "custom": false, "id": "ocid1.vcn.oc1..x", "type": "oci:Core/vcn:Vcn" }"""));
        Assert.Contains("\"custom\" is false but the resource has an id", e.Message);
    }

    [Fact]
    public void Duplicate_urns_in_an_export_are_refused_naming_both()
    {
        var e = Refused(Export(Res("v"), Res("other"), Res("v", ", \"inputs\": { \"cidrBlocks\": [\"0.0.0.0/0\"] }")));
        Assert.Equal("$.deployment.resources[2]", e.JsonPath);
        Assert.Contains($"the URN \"{P}oci:Core/vcn:Vcn::v\" is given to two resources (the first at $.deployment.resources[0])", e.Message);
    }

    [Fact]
    public void A_live_resource_and_its_replaced_twin_awaiting_deletion_may_share_a_urn() =>
        Assert.Single(ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Export(Res("v"), Res("v", ", \"delete\": true"))), "x.json").Graph.Resources);

    [Theory]
    [InlineData("a", "a", "a → a")]
    [InlineData("b", "a", "a → b → a")]
    public void Parent_cycles_are_refused(string parentOfA, string parentOfB, string loop)
    {
        var e = Refused(Export(Res("a", $", \"parent\": \"{P}oci:Core/vcn:Vcn::{parentOfA}\""), Res("b", $", \"parent\": \"{P}oci:Core/vcn:Vcn::{parentOfB}\"")));
        Assert.Contains($"returns to it ({loop})", e.Message);
        Assert.EndsWith(".parent", e.JsonPath);
    }

    [Fact]
    public void A_long_parent_chain_is_fine_and_linear() =>
        Assert.Equal(5000, ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Export(Enumerable.Range(0, 5000)
            .Select(i => Res($"r{i}", i == 0 ? "" : $", \"parent\": \"{P}oci:Core/vcn:Vcn::r{i - 1}\"")).ToArray())), "chain.json").Graph.Resources.Length);

    [Fact]
    public void Resources_of_two_stacks_are_refused() =>
        Assert.Contains("several stacks", Refused(Export(Res("a"), """{ "urn": "urn:pulumi:prod::p::oci:Core/vcn:Vcn::b", "custom": true, "type": "oci:Core/vcn:Vcn" }""")).Message);

    [Fact]
    public void Unknown_step_operations_are_refused_listing_the_valid_ones()
    {
        var e = Refused($$"""{ "steps": [ { "op": "frobnicate", "urn": "{{P}}oci:Core/drg:Drg::d" } ] }""");
        Assert.Equal("$.steps[0]", e.JsonPath);
        Assert.Contains("unknown step operation \"frobnicate\"; expected one of same, create, update, delete, replace", e.Message);
    }

    [Fact]
    public void One_resource_with_two_operations_is_refused()
    {
        const string state = $$"""{ "urn": "{{P}}oci:Core/drg:Drg::d", "custom": true, "type": "oci:Core/drg:Drg" }""";
        var e = Refused($$"""{ "steps": [ { "op": "same", "urn": "{{P}}oci:Core/drg:Drg::d", "oldState": {{state}}, "newState": {{state}} }, { "op": "delete", "urn": "{{P}}oci:Core/drg:Drg::d", "oldState": {{state}} } ] }""");
        Assert.Contains("has two operations (\"same\" at $.steps[0], and \"delete\")", e.Message);
    }

    [Fact]
    public void The_parts_of_a_replacement_are_one_operation()
    {
        static string Step(string op) => $$"""{ "op": "{{op}}", "urn": "{{P}}oci:Core/drg:Drg::d", "newState": { "urn": "{{P}}oci:Core/drg:Drg::d", "custom": true, "type": "oci:Core/drg:Drg", "inputs": { "x": 1 } } }""";
        var preview = PreviewLoader.Parse(Encoding.UTF8.GetBytes($$"""{ "steps": [ {{Step("create-replacement")}}, {{Step("replace")}}, {{Step("delete-replaced").Replace("newState", "oldState")}} ] }"""), "r.json");
        Assert.Equal([StepOp.Replace, StepOp.CreateReplacement, StepOp.DeleteReplaced], preview.Steps.Select(s => s.Op));
    }

    [Fact]
    public void Parts_of_a_replacement_that_disagree_on_the_new_state_are_refused()
    {
        var json = $$"""
        { "steps": [
          { "op": "replace", "urn": "{{P}}oci:Core/drg:Drg::d", "newState": { "urn": "{{P}}oci:Core/drg:Drg::d", "custom": true, "type": "oci:Core/drg:Drg", "inputs": { "x": 1 } } },
          { "op": "create-replacement", "urn": "{{P}}oci:Core/drg:Drg::d", "newState": { "urn": "{{P}}oci:Core/drg:Drg::d", "custom": true, "type": "oci:Core/drg:Drg", "inputs": { "x": 2 } } } ] }
        """;
        Assert.Contains("disagree on its new state", Refused(json).Message);
    }

    [Fact]
    public void A_step_carrying_another_resources_state_is_refused() =>
        Assert.Contains("a step's states are its own resource's",
            Refused($$"""{ "steps": [ { "op": "create", "urn": "{{P}}oci:Core/drg:Drg::d", "newState": { "urn": "{{P}}oci:Core/drg:Drg::other", "type": "oci:Core/drg:Drg" } } ] }""").Message);
}
