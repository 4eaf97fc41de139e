using System.Globalization;
using System.Text.Json;
using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Tests.Plan;

public class PlanDocumentTests
{
    private static PlanDocument PlanOf(ResourceGraph graph) =>
        PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, new PolicyContext(), rules: [new OpenIngressRule()]));

    [Fact]
    public void Json_is_identical_whatever_the_insertion_order_and_the_culture()
    {
        var first = PlanJsonWriter.Write(PlanOf(EnclaveGraph.Base().Build()));

        // Same resources added in the opposite order, written under a culture with a decimal comma.
        var reversed = new EnclaveGraph();
        foreach (var r in EnclaveGraph.Base().Build().Resources.Reverse()) reversed.Add(r);
        var saved = CultureInfo.CurrentCulture;
        string second;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            second = PlanJsonWriter.Write(PlanOf(reversed.Build()));
        }
        finally { CultureInfo.CurrentCulture = saved; }

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.EndsWith("}\n", first);
    }

    [Fact]
    public void Json_declares_its_format_and_lists_resources_sorted_by_urn()
    {
        var json = PlanJsonWriter.Write(PlanOf(EnclaveGraph.Base().Build()));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("enclave-plan", root.GetProperty("kind").GetString());
        Assert.Equal("prod", root.GetProperty("stack").GetString());
        var urns = root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("urn").GetString()!).ToList();
        Assert.Equal(urns.Order(StringComparer.Ordinal), urns);
        Assert.Equal(9, urns.Count);
    }

    [Fact]
    public void Secrets_and_unknowns_are_markers_that_survive_a_round_trip()
    {
        var plan = PlanOf(EnclaveGraph.Base().Build());
        var json = PlanJsonWriter.Write(plan);
        Assert.Contains("\"adminPassword\": {\n", json);
        Assert.Contains("\"$enclave\": \"secret\"", json);
        Assert.Contains("\"$enclave\": \"unknown\"", json);

        var read = PlanJsonReader.Read(json, "plan.json");
        var adb = read.Resources.Single(r => r.Name == "adb");
        Assert.True(adb.Inputs.Fields["adminPassword"].IsSecret);
        Assert.True(adb.Inputs.Fields["subnetId"].IsUnknown);
        Assert.True(adb.Protect);
        Assert.Equal(json, PlanJsonWriter.Write(read));
    }

    [Fact]
    public void Policy_summary_lists_violations_with_rule_ids_and_counts_passes()
    {
        var graph = EnclaveGraph.Base().Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0")).Build();
        var json = PlanJsonWriter.Write(PlanOf(graph));
        using var doc = JsonDocument.Parse(json);
        var policy = doc.RootElement.GetProperty("policy");
        Assert.Equal("fail", policy.GetProperty("verdict").GetString());
        Assert.Equal(1, policy.GetProperty("violations").GetProperty("critical").GetInt32());
        var finding = Assert.Single(policy.GetProperty("findings").EnumerateArray());
        Assert.Equal(OpenIngressRule.Id, finding.GetProperty("ruleId").GetString());
        Assert.Equal("fail", finding.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("{ \"kind\": \"enclave-plan\", ", "base.json:1:27: JSON ends before the document is complete (truncated file?)")]
    [InlineData("{ \"kind\": \"something-else\" }", "not an enclave plan document")]
    [InlineData("{ \"kind\": \"enclave-plan\", \"formatVersion\": 7 }", "unsupported plan formatVersion 7")]
    [InlineData("{ \"kind\": \"enclave-plan\", \"formatVersion\": 1, \"stack\": \"prod\", \"project\": \"p\", \"resources\": [ { \"type\": \"t\" } ] }",
        "base.json at $.resources[0]: a plan resource needs \"urn\"")]
    [InlineData("{ \"kind\": \"enclave-plan\", \"formatVersion\": 1, \"stack\": \"prod\", \"project\": \"p\", \"resources\": {} }",
        "base.json at $.resources: expected a list of resources, found an object")]
    public void Bad_documents_fail_with_one_clear_line_naming_the_file(string json, string expected)
    {
        var e = Assert.Throws<ReviewInputException>(() => PlanJsonReader.Read(json, "base.json"));
        Assert.StartsWith("base.json", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
