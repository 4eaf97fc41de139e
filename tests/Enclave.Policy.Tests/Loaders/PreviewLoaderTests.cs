using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

public class PreviewLoaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
    private const string Prefix = "urn:pulumi:dev::us-data-enclave::";

    [Fact]
    public void Reads_steps_sorted_by_urn_with_ops_reasons_and_detailed_diff()
    {
        var preview = PreviewLoader.Load(Fixture("preview-reference.json"));
        Assert.Equal("dev", preview.Stack);
        Assert.Equal("us-data-enclave", preview.Project);
        Assert.Equal(preview.Steps.Select(s => s.Urn).Order(StringComparer.Ordinal), preview.Steps.Select(s => s.Urn));
        var update = preview.Steps.Single(s => s.Urn.EndsWith("::app-sl"));
        Assert.Equal(StepOp.Update, update.Op);
        Assert.Equal(["ingressSecurityRules"], update.DiffReasons.ToArray());
        Assert.Equal(new PropertyDiff(DiffKind.Update, true), update.DetailedDiff!["ingressSecurityRules[0].source"]);
        Assert.Equal("10.42.0.0/16", update.Old!.Inputs.At("ingressSecurityRules[0].source").AsString());
        Assert.Equal("0.0.0.0/0", update.New!.Inputs.At("ingressSecurityRules[0].source").AsString());
        var replace = preview.Steps.Single(s => s.Op == StepOp.Replace);
        Assert.Equal(["prohibitPublicIpOnVnic"], replace.ReplaceReasons.ToArray());
        Assert.Null(replace.DetailedDiff);
        var imported = preview.Steps.Single(s => s.Urn.EndsWith("::imported"));
        Assert.Equal((StepOp.Import, "import"), (imported.Op, imported.OpName));
        Assert.Equal(2, preview.ChangeSummary["create"]);
        Assert.Single(preview.Diagnostics);
    }

    [Fact]
    public void Sentinel_is_unknown_and_secret_marker_is_secret()
    {
        var preview = PreviewLoader.Load(Fixture("preview-reference.json"));
        var igw = preview.Steps.Single(s => s.Urn.EndsWith("::igw")).New!;
        Assert.True(igw["compartmentId"].IsUnknown);
        Assert.True(igw["displayName"].IsSecret);
        Assert.True(preview.Config["us-data-enclave:vaultKeyOcid"].IsSecret);
        Assert.Equal("us-ashburn-1", preview.ConfigRegion);
    }

    [Fact]
    public void After_graph_keeps_survivors_drops_deletes_and_takes_each_new_state()
    {
        var graph = ArtifactLoader.Load(Fixture("preview-reference.json"));
        Assert.Equal(GraphOrigin.Preview, graph.Origin);
        Assert.Null(graph.ByUrn(Prefix + "oci:Core/natGateway:NatGateway::nat"));
        Assert.Equal("0.0.0.0/0", graph.ByUrn(Prefix + "oci:Core/securityList:SecurityList::app-sl")!.Inputs.At("ingressSecurityRules[0].source").AsString());
        // A replace: the new state, with what the cloud computes unknown, never the old values.
        var subnet = graph.ByUrn(Prefix + "oci:Core/subnet:Subnet::app")!;
        Assert.True(subnet["prohibitPublicIpOnVnic"].IsUnknown);
        Assert.Equal("10.42.2.0/24", subnet["cidrBlock"].AsString());
        var computed = graph.ByUrn(Prefix + "oci:Core/vcn:Vcn::computed")!;
        Assert.False(computed.InputsUnknown);
        Assert.True(computed["cidrBlocks"].IsUnknown);
    }

    [Fact]
    public void Region_comes_from_config_for_default_providers()
    {
        var graph = ArtifactLoader.Load(Fixture("preview-reference.json"));
        Assert.Equal("us-ashburn-1", graph.ByUrn(Prefix + "oci:Core/internetGateway:InternetGateway::igw")!.Region);
    }

    [Fact]
    public void Region_comes_from_an_explicit_provider_input()
    {
        var json = """
        { "steps": [
          { "op": "create", "urn": "urn:pulumi:dev::p::pulumi:providers:oci::phoenix",
            "newState": { "urn": "urn:pulumi:dev::p::pulumi:providers:oci::phoenix", "custom": true, "type": "pulumi:providers:oci", "inputs": { "region": "us-phoenix-1" } } },
          { "op": "create", "urn": "urn:pulumi:dev::p::oci:Database/autonomousDatabase:AutonomousDatabase::standby",
            "provider": "urn:pulumi:dev::p::pulumi:providers:oci::phoenix::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            "newState": { "urn": "urn:pulumi:dev::p::oci:Database/autonomousDatabase:AutonomousDatabase::standby", "custom": true,
              "type": "oci:Database/autonomousDatabase:AutonomousDatabase", "inputs": {},
              "provider": "urn:pulumi:dev::p::pulumi:providers:oci::phoenix::04da6b54-80e4-46f7-96ec-b56ff0331ba9" } } ],
          "config": { "oci:region": "us-ashburn-1" } }
        """;
        var graph = ArtifactLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "p.json").Graph;
        Assert.Equal("us-phoenix-1", graph.ByUrn("urn:pulumi:dev::p::oci:Database/autonomousDatabase:AutonomousDatabase::standby")!.Region);
    }

    [Fact]
    public void Steps_of_two_stacks_are_refused()
    {
        var json = """{ "steps": [ { "op": "delete", "urn": "urn:pulumi:dev::p::a:b:C::x", "oldState": { "urn": "urn:pulumi:dev::p::a:b:C::x", "type": "a:b:C" } }, { "op": "delete", "urn": "urn:pulumi:prod::p::a:b:C::y", "oldState": { "urn": "urn:pulumi:prod::p::a:b:C::y", "type": "a:b:C" } } ] }""";
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "two.json"));
        Assert.Contains("several stacks", e.Message);
    }
}
