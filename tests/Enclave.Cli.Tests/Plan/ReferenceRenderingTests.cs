using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Values;

namespace Enclave.Cli.Tests.Plan;

/// <summary>
/// Issue 14.2: an input holding another resource's id prints as a reference to it, a value the cloud assigns as
/// (known after apply), a data source's answer as a lookup and a clock date as what the program asked for; the offline
/// run's stand-ins appear in no rendering, and the JSON plan reads back to the same document.
/// </summary>
public class ReferenceRenderingTests
{
    private const string Stack = "urn:pulumi:prod::p::pulumi:pulumi:Stack::p-prod";
    private const string CompartmentId = "ocid1.compartment.oc1..aaaaaaaastandincompartment";
    private const string SubnetId = "ocid1.subnet.oc1.iad.aaaaaaaastandinsubnet";
    private const string ServiceId = "ocid1.service.oc1.iad.aaaaaaaastandinservice";
    private const string DefaultListId = "ocid1.securitylist.oc1.iad.aaaaaaaastandindefaultlist";
    private static readonly string[] StandIns = [CompartmentId, SubnetId, ServiceId, DefaultListId];

    private static string Urn(string type, string name) => $"urn:pulumi:prod::p::pulumi:pulumi:Stack${type}::{name}";

    private static ResourceNode Node(string type, string name, string? id, MapValue inputs, MapValue? outputs = null,
        params (string Key, string Urn)[] dependsOn) =>
        ResourceNode.Create(Urn(type, name), type, name, inputs: inputs, parent: Stack, id: id is null ? null : PropertyValue.Of(id), region: "us-ashburn-1") with
        {
            Outputs = outputs ?? MapValue.Empty,
            PropertyDependencies = dependsOn.GroupBy(d => d.Key).ToImmutableSortedDictionary(g => g.Key, g => g.Select(d => d.Urn).ToImmutableArray(), StringComparer.Ordinal),
        };

    public static PlanDocument Plan()
    {
        var compartment = Node("oci:Identity/compartment:Compartment", "tenancy-network", CompartmentId,
            PropertyValue.Map(("name", PropertyValue.Of("net")), ("compartmentId", PropertyValue.Of("ocid1.tenancy.oc1..aaaaaaaaplaceholder"))));
        var vcn = Node("oci:Core/vcn:Vcn", "network-vcn", "ocid1.vcn.oc1.iad.aaaaaaaastandinvcn",
            PropertyValue.Map(("cidrBlock", PropertyValue.Of("10.30.0.0/16")), ("compartmentId", PropertyValue.Of(CompartmentId))),
            PropertyValue.Map(("defaultSecurityListId", PropertyValue.Of(DefaultListId))), ("compartmentId", compartment.Urn));
        var subnet = Node("oci:Core/subnet:Subnet", "network-data", SubnetId,
            PropertyValue.Map(("cidrBlock", PropertyValue.Of("10.30.1.0/24")), ("compartmentId", PropertyValue.Of(CompartmentId)),
                ("securityListIds", PropertyValue.List(PropertyValue.Of(DefaultListId)))),
            null, ("compartmentId", compartment.Urn), ("securityListIds", vcn.Urn));
        var gateway = Node("oci:Core/serviceGateway:ServiceGateway", "network-sgw", "ocid1.servicegateway.oc1.iad.aaaaaaaastandinsgw",
            PropertyValue.Map(("services", PropertyValue.List(PropertyValue.Map(("serviceId", PropertyValue.Of(ServiceId)))))));
        var policy = Node("oci:Identity/policy:Policy", "iam-operators", "ocid1.policy.oc1..aaaaaaaastandinpolicy",
            PropertyValue.Map(("compartmentId", PropertyValue.Of(CompartmentId)), ("statements", PropertyValue.List(PropertyValue.Of(
                $"allow group ops to use subnets in compartment id {CompartmentId} where request.user.name = 'a `${{b}}`'")))),
            null, ("compartmentId", compartment.Urn), ("statements", compartment.Urn));
        var bucket = Node("oci:ObjectStorage/bucket:Bucket", "archive", "n/ns/b/archive",
            PropertyValue.Map(("name", PropertyValue.Of("archive")), ("retentionRules", PropertyValue.List(PropertyValue.Map(
                ("timeRuleLocked", PropertyValue.Of(StandInsDate(15))))))));
        var stack = new ResourceNode(Stack, "pulumi:pulumi:Stack", "p-prod", false, PropertyValue.Null, null, [],
            ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty, null, null, false, MapValue.Empty, MapValue.Empty);
        var graph = new ResourceGraph("prod", "p", GraphOrigin.Program, [stack, compartment, vcn, subnet, gateway, policy, bucket])
        {
            Fabricated = new FabricatedValues(
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(ServiceId, "oci:Core/getServices:getServices")]),
                FabricatedValues.ReferenceClock),
        };
        return PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, new PolicyContext(), rules: []));
    }

    private static string StandInsDate(int days) => Policy.Review.Values.StandIns.Date(days);

    [Fact]
    public void Text_names_references_lookups_and_clock_dates_instead_of_stand_ins()
    {
        var text = PlanTextRenderer.Render(PlanView.Build(Plan()), new PlanTextOptions(Width: 1000));
        Assert.Contains("compartmentId: tenancy-network.id", text);
        Assert.Contains("securityListIds: [network-vcn.defaultSecurityListId]", text);
        Assert.Contains("serviceId: lookup(oci:Core:getServices)", text);
        // A reference inside text makes a template: literal backquotes and ${ in it are escaped, so none fakes a part.
        Assert.Contains("`allow group ops to use subnets in compartment id ${tenancy-network.id} where", text);
        Assert.Contains("request.user.name = 'a \\`\\${b}\\`'`", text);
        Assert.Contains("timeRuleLocked: now + 15 days", text);
        foreach (var standIn in StandIns) Assert.DoesNotContain(standIn, text);
        Assert.DoesNotContain("2026-01-16", text);
    }

    [Fact]
    public void Markdown_and_json_hold_no_stand_in_either()
    {
        var plan = Plan();
        foreach (var output in new[] { PlanMarkdownRenderer.Render(plan), PlanJsonWriter.Write(plan) })
            foreach (var standIn in StandIns.Where(s => s != ServiceId)) // a lookup keeps its stand-in in JSON, to be judged again
                Assert.DoesNotContain(standIn, output);
    }

    [Fact]
    public void Json_marks_references_assigned_values_lookups_times_and_templates()
    {
        using var doc = JsonDocument.Parse(PlanJsonWriter.Write(Plan()));
        var byName = doc.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var subnet = byName["network-data"];
        Assert.Equal("""{"$enclave":"computed"}""", Compact(subnet.GetProperty("id")));
        Assert.Equal($$$"""{"$ref":{"urn":"{{{Urn("oci:Identity/compartment:Compartment", "tenancy-network")}}}","output":"id"}}""",
            Compact(subnet.GetProperty("inputs").GetProperty("compartmentId")));
        Assert.Equal("""{"$enclave":"computed"}""", Compact(byName["network-vcn"].GetProperty("outputs").GetProperty("defaultSecurityListId")));
        Assert.Equal("""{"$time":{"from":"now","days":15}}""",
            Compact(byName["archive"].GetProperty("inputs").GetProperty("retentionRules")[0].GetProperty("timeRuleLocked")));
        Assert.Equal("""{"$lookup":{"invoke":"oci:Core/getServices:getServices","standIn":"ocid1.service.oc1.iad.aaaaaaaastandinservice"}}""",
            Compact(byName["network-sgw"].GetProperty("inputs").GetProperty("services")[0].GetProperty("serviceId")));
        var statement = byName["iam-operators"].GetProperty("inputs").GetProperty("statements")[0];
        Assert.Equal(3, statement.GetProperty("$concat").GetArrayLength());
        // The tenancy OCID is the program's own value, not an assigned one.
        Assert.Equal("\"ocid1.tenancy.oc1..aaaaaaaaplaceholder\"", byName["tenancy-network"].GetProperty("inputs").GetProperty("compartmentId").GetRawText());
    }

    [Fact]
    public void A_plan_read_back_writes_the_same_bytes_and_keeps_references_equal()
    {
        var json = PlanJsonWriter.Write(Plan());
        var read = PlanJsonReader.Read(json, "plan.json");
        Assert.Equal(json, PlanJsonWriter.Write(read));
        var graph = read.ToGraph();
        var subnet = graph.Resources.Single(r => r.Name == "network-data");
        var compartment = graph.Resources.Single(r => r.Name == "tenancy-network");
        // The stand-in the reference got is the compartment's own id: rules correlate them as before.
        Assert.Equal(compartment.Id, subnet.Inputs["compartmentId"]);
        Assert.Same(compartment, graph.ById(subnet.Inputs["compartmentId"].AsString()!));
        Assert.Equal(graph.Resources.Single(r => r.Name == "network-vcn").Outputs["defaultSecurityListId"], subnet.Inputs["securityListIds"][0]);
    }

    [Fact]
    public void References_can_name_their_type_and_clashing_names_get_their_class()
    {
        var view = PlanView.Build(Plan(), refTypes: true);
        var text = PlanTextRenderer.Render(view, new PlanTextOptions(RefTypes: true));
        Assert.Contains("compartmentId: oci:Identity/compartment:Compartment::tenancy-network.id", text);
        var clash = new ReferenceStyle(false, new HashSet<string> { "tenancy-network" });
        Assert.Equal("Compartment::tenancy-network.id",
            ValueText.Format(new ReferenceValue(Urn("oci:Identity/compartment:Compartment", "tenancy-network"), "id"), 100, clash));
    }

    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);
}
