using System.Text;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Found by the fuzzers (tests/Enclave.Fuzz.Tests): JSON may escape an unpaired surrogate ("\ud800"), which parses
/// but cannot be read as a string: System.Text.Json throws InvalidOperationException, which ended as exit 70. An
/// artifact holding one is unreadable input; a value holding one inside JSON text a rule parses matches nothing.
/// </summary>
public class UnpairedSurrogateTests
{
    private static string Preview(string condition) => $$"""
        { "steps": [ { "op": "create", "urn": "urn:pulumi:dev::p::oci:Events/rule:Rule::r",
          "newState": { "urn": "urn:pulumi:dev::p::oci:Events/rule:Rule::r", "type": "oci:Events/rule:Rule", "custom": true,
            "inputs": { "compartmentId": "ocid1.tenancy.oc1..x", "isEnabled": true, "condition": {{condition}} } } } ] }
        """;

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    public void An_artifact_string_escaping_an_unpaired_surrogate_is_unreadable_input(string condition)
    {
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Preview(condition)), "p.json"));
        Assert.Contains("unpaired surrogate", e.Message);
    }

    [Theory]
    [InlineData("{\"\u00FFdeployment\": {}}")]
    [InlineData("{\"kind\": \"\u00FFplan\"}")]
    [InlineData("{\"\\ud800\": 1}")]
    public void A_top_level_key_that_is_not_text_is_unreadable_input_while_the_format_is_told(string latin1)
    {
        // Found by the fuzzers: the format sniffer read keys without the readers' guard (InvalidOperationException, exit 70).
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.Latin1.GetBytes(latin1), "p.json"));
        Assert.Contains("invalid UTF-8 or escapes an unpaired surrogate", e.Message);
    }

    [Fact]
    public void A_condition_whose_json_escapes_an_unpaired_surrogate_is_judged_without_a_rule_throwing()
    {
        var graph = ArtifactLoader.Parse(Encoding.UTF8.GetBytes(Preview("\"{\\\"eventType\\\": \\\"\\\\ud800\\\"}\"")), "p.json").Graph;
        var report = PolicyEvaluator.Evaluate(graph, new PolicyContext(), WaiverSet.Empty, new DateOnly(2026, 6, 1));
        Assert.NotEmpty(report.Findings);
    }
}
