using System.Text;
using Enclave.Policy.Loaders;
using static Enclave.Policy.Tests.Loaders.ArtifactValidationTests;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>Plan documents edited by hand (a committed plan is a file a pull request can change).</summary>
public class PlanDocs
{
    internal static string Resource(string name, string fields = "\"custom\": true", string type = "oci:Core/vcn:Vcn") =>
        $$"""{ "urn": "urn:pulumi:prod::us-data-enclave::{{type}}::{{name}}", "type": "{{type}}", "name": "{{name}}", {{fields}}, "protect": false, "inputs": {}, "outputs": {} }""";

    internal static string Plan(params string[] resources) => Plan(resources.Length, resources);

    internal static string Plan(int count, params string[] resources) =>
        $$"""{ "formatVersion": 1, "kind": "enclave-plan", "stack": "prod", "project": "us-data-enclave", "resourceCount": {{count}}, "resources": [ {{string.Join(", ", resources)}} ], "policy": { "passed": 0, "findings": [] } }""";

    [Fact]
    public void A_consistent_plan_loads()
    {
        var artifact = ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Plan(Resource("a"), Resource("b"))), "plan.json");
        Assert.Equal(ArtifactKind.Plan, artifact.Kind);
        Assert.Equal(2, artifact.Graph.Resources.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_resource_count_that_disagrees_with_the_resources_is_refused(int count)
    {
        var e = Refused(Plan(count, Resource("a"), Resource("b")), "plan.json");
        Assert.Equal("$.resourceCount", e.JsonPath);
        Assert.Contains($"resourceCount is {count} but the plan lists 2 resources", e.Message);
    }

    [Theory]
    [InlineData("\"custom\": \"true\"", "custom", "the string \"true\"")]
    [InlineData("\"custom\": true, \"inputsUnknown\": \"yes\"", "inputsUnknown", "the string \"yes\"")]
    [InlineData("\"custom\": null", "custom", "null")]
    public void String_typed_booleans_in_a_plan_are_refused(string fields, string key, string found)
    {
        var e = Refused(Plan(Resource("a", fields)), "plan.json");
        Assert.Equal($"$.resources[0].{key}", e.JsonPath);
        Assert.Contains($"expected true or false, found {found}", e.Message);
    }

    [Fact]
    public void Protect_yes_in_a_plan_is_refused() =>
        Assert.Contains("expected true or false, found the string \"yes\"", Refused(Plan(Resource("a").Replace("\"protect\": false", "\"protect\": \"yes\"")), "plan.json").Message);

    [Fact]
    public void Duplicate_urns_in_a_plan_are_refused() =>
        Assert.Contains("is given to two resources (the first at $.resources[0])", Refused(Plan(Resource("a"), Resource("a")), "plan.json").Message);

    [Fact]
    public void A_type_that_is_not_the_urns_is_refused() =>
        Assert.Contains("are not those of the URN", Refused(Plan(Resource("a").Replace("\"type\": \"oci:Core/vcn:Vcn\"", "\"type\": \"oci:Core/drg:Drg\"")), "plan.json").Message);

    [Fact]
    public void Parent_cycles_in_a_plan_are_refused() =>
        Assert.Contains("returns to it", Refused(Plan(Resource("a", "\"custom\": true, \"parent\": \"urn:pulumi:prod::us-data-enclave::oci:Core/vcn:Vcn::a\"")), "plan.json").Message);

    [Fact]
    public void Resources_of_another_stack_than_the_plan_names_are_refused() =>
        Assert.Contains("the plan is of us-data-enclave/prod but its resources' URNs are of us-data-enclave/dev",
            Refused(Plan(Resource("a").Replace(":prod::", ":dev::"))).Message);

    [Fact]
    public void A_mistyped_finding_is_refused() =>
        Assert.Contains("\"severe\" is not valid (expected one of",
            Refused(Plan(Resource("a")).Replace("\"findings\": []",
                "\"findings\": [ { \"ruleId\": \"X\", \"severity\": \"severe\", \"enforcement\": \"mandatory\", \"urn\": \"u\", \"verdict\": \"fail\" } ]")).Message);
}
