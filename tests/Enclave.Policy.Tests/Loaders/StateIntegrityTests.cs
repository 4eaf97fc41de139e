using System.Text;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// ENC-GOV-031 and the URN/type check: what a stack export holds besides the stack's graph (a replaced resource
/// awaiting deletion, the resource of an interrupted operation) exists in the cloud and fails the gate; a resource
/// whose type and URN disagree is refused as unreadable rather than judged as either.
/// </summary>
public class StateIntegrityTests
{
    private const string Stack = """{ "urn": "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "custom": false, "type": "pulumi:pulumi:Stack" }""";
    private const string IgwUrn = "urn:pulumi:dev::p::oci:Core/internetGateway:InternetGateway::igw";
    private const string Igw = $$"""{ "urn": "{{IgwUrn}}", "custom": true, "type": "oci:Core/internetGateway:InternetGateway", "id": "ocid1.internetgateway.oc1.iad.x", "inputs": { "enabled": true } }""";

    private static Enclave.Policy.Graph.ResourceGraph Load(string deployment) =>
        ArtifactLoader.Parse(Encoding.UTF8.GetBytes($$"""{ "version": 3, "deployment": { "manifest": {}, {{deployment}} } }"""), "export.json").Graph;

    private static List<(FindingStatus Status, string Urn, string Message)> Gov031(Enclave.Policy.Graph.ResourceGraph g) =>
        PolicyEvaluator.Evaluate(g, CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1), rules: [RuleCatalogue.Find("ENC-GOV-031")!])
            .Findings.Select(f => (f.Status, f.Urn, f.Finding.Message)).ToList();

    [Fact]
    public void A_resource_awaiting_deletion_fails_on_its_urn()
    {
        var g = Load($$"""
            "resources": [ {{Stack}}, {{Igw.Replace("\"custom\": true", "\"custom\": true, \"delete\": true", StringComparison.Ordinal)}} ]
            """);

        Assert.DoesNotContain(g.Resources, r => r.Urn == IgwUrn);  // still outside the graph the other rules judge
        var finding = Assert.Single(Gov031(g));
        Assert.Equal((FindingStatus.Fail, IgwUrn), (finding.Status, finding.Urn));
        Assert.Contains("still exists in the cloud", finding.Message);
    }

    [Fact]
    public void The_resource_of_an_interrupted_operation_fails_on_its_urn()
    {
        var g = Load($$"""
            "resources": [ {{Stack}} ], "pending_operations": [ { "resource": {{Igw}}, "type": "creating" } ]
            """);

        var finding = Assert.Single(Gov031(g));
        Assert.Equal((FindingStatus.Fail, IgwUrn), (finding.Status, finding.Urn));
        Assert.Contains("interrupted \"creating\" operation", finding.Message);
    }

    [Fact]
    public void The_fixture_export_fails_on_the_replaced_list_and_the_interrupted_gateway()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "export-pending-operations.json");
        var g = ArtifactLoader.LoadArtifact(path).Graph;

        Assert.Equal(["ocid1.securitylist.oc1.iad.new"], g.Resources.Where(r => r.Type.EndsWith("SecurityList", StringComparison.Ordinal)).Select(r => r.Id.AsString()));
        Assert.Equal(
            [(FindingStatus.Fail, "urn:pulumi:dev::us-data-enclave::oci:Core/internetGateway:InternetGateway::igw"),
             (FindingStatus.Fail, "urn:pulumi:dev::us-data-enclave::oci:Core/securityList:SecurityList::data-sl")],
            Gov031(g).Select(f => (f.Status, f.Urn)).Order());
    }

    [Fact]
    public void A_state_with_nothing_pending_passes()
    {
        var finding = Assert.Single(Gov031(Load($$""" "resources": [ {{Stack}}, {{Igw}} ], "pending_operations": [] """)));
        Assert.Equal(FindingStatus.Pass, finding.Status);
    }

    [Fact]
    public void A_pending_operation_of_another_stack_is_refused()
    {
        var e = Assert.Throws<ArtifactLoadException>(() => Load($$"""
            "resources": [ {{Stack}} ], "pending_operations": [ { "resource": {{Igw.Replace("dev::p::", "prod::p::", StringComparison.Ordinal)}}, "type": "creating" } ]
            """));
        Assert.Contains("several stacks", e.Message);
    }

    [Fact]
    public void A_type_that_is_not_the_urns_is_refused_naming_both()
    {
        var e = Assert.Throws<ArtifactLoadException>(() => Load($$"""
            "resources": [ {{Stack}}, {{Igw.Replace("\"type\": \"oci:Core/internetGateway:InternetGateway\"", "\"type\": \"oci:Identity/tag:Tag\"", StringComparison.Ordinal)}} ]
            """));
        Assert.Contains("\"type\" is \"oci:Identity/tag:Tag\" but its URN names the type \"oci:Core/internetGateway:InternetGateway\"", e.Message);
        Assert.Contains("export.json", e.Message);
    }
}
