using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 8 (network and data side): the types the gate does not model. DRG route tables and distributions, secondary
/// private IPs and VNICs in the data subnet, VTAPs and their capture filters, DNS resolvers and their endpoints, Object
/// Storage private endpoints, Database Tools connections, unified-agent log configurations, the namespace's default S3
/// compartment and Data Safe's tenancy switch: outside the provider listing or outside what any rule reads, each is
/// refused by ENC-GOV-020 whatever it holds (probed this round: every one was already caught; kept as regressions).
/// </summary>
public sealed class Round8UnjudgedTypeAttacks : AttackClass
{
    public override string Name => "Round8UnjudgedType";

    private static JsonNode Cmp(Prod p, string r) => p.Resource(r).Inputs["compartmentId"]!.DeepClone();
    private static JsonNode Id(Prod p, string r) => p.Resource(r).Json["id"]!.DeepClone();

    private AttackCase New(string name, string type, string resource, Func<Prod, JsonObject> inputs, string sibling = "network-service-gateway") =>
        Attack(name, "ENC-GOV-020", p => p.Add(type, resource, inputs(p), sibling));

    public override IEnumerable<AttackCase> Cases()
    {
        yield return New("a DRG route distribution importing every route", "oci:Core/drgRouteDistribution:DrgRouteDistribution", "network-drd",
            _ => new JsonObject { ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaparentdrg", ["distributionType"] = "IMPORT" });
        yield return New("a DRG route table importing a distribution", "oci:Core/drgRouteTable:DrgRouteTable", "network-drt", _ => new JsonObject
        {
            ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaparentdrg", ["importDrgRouteDistributionId"] = "ocid1.drgroutedistribution.oc1.iad.aaaaaaaaall",
        });
        yield return New("a secondary private IP in the data subnet", "oci:Core/privateIp:PrivateIp", "network-data-ip",
            _ => new JsonObject { ["vnicId"] = "ocid1.vnic.oc1.iad.aaaaaaaaparentvnic", ["ipAddress"] = "10.30.1.77" });
        yield return New("a secondary VNIC in the data subnet", "oci:Core/vnicAttachment:VnicAttachment", "network-data-vnic", p => new JsonObject
        {
            ["instanceId"] = "ocid1.instance.oc1.iad.aaaaaaaaparentvm", ["createVnicDetails"] = new JsonObject { ["subnetId"] = Id(p, "network-data") },
        });
        yield return New("a VTAP mirroring the data subnet", "oci:Core/vtap:Vtap", "network-data-vtap", p => new JsonObject
        {
            ["compartmentId"] = Cmp(p, "network-vcn"), ["vcnId"] = Id(p, "network-vcn"), ["sourceId"] = Id(p, "network-data"),
            ["captureFilterId"] = "ocid1.capturefilter.oc1.iad.aaaaaaaaall", ["targetIp"] = "10.30.2.10",
        });
        yield return New("a capture filter for every packet", "oci:Core/captureFilter:CaptureFilter", "network-capture-all",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["filterType"] = "VTAP" });
        yield return New("a DNS resolver endpoint forwarding from the data subnet", "oci:Dns/resolverEndpoint:ResolverEndpoint", "network-dns-out", p => new JsonObject
        {
            ["resolverId"] = "ocid1.dnsresolver.oc1.iad.aaaaaaaavcnresolver", ["subnetId"] = Id(p, "network-data"), ["isForwarding"] = true, ["isListening"] = false,
        });
        yield return New("a DNS resolver forwarding to a parent server", "oci:Dns/resolver:Resolver", "network-dns", _ => new JsonObject
        {
            ["resolverId"] = "ocid1.dnsresolver.oc1.iad.aaaaaaaavcnresolver",
            ["rules"] = new JsonArray(new JsonObject { ["action"] = "FORWARD", ["destinationAddresses"] = Value.List("198.18.0.53") }),
        });
        yield return New("an Object Storage private endpoint in the data subnet", "oci:ObjectStorage/privateEndpoint:PrivateEndpoint", "storage-pe", p => new JsonObject
        {
            ["compartmentId"] = Cmp(p, "network-vcn"), ["subnetId"] = Id(p, "network-data"), ["prefix"] = "usde", ["accessTargets"] = new JsonArray(),
        });
        yield return New("a Database Tools connection to the database", "oci:DatabaseTools/databaseToolsConnection:DatabaseToolsConnection", "database-tools",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["type"] = "ORACLE_DATABASE", ["displayName"] = "sql" }, "database-adb");
        yield return New("a unified-agent configuration shipping host logs", "oci:Logging/unifiedAgentConfiguration:UnifiedAgentConfiguration", "oversight-agent",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["isEnabled"] = true, ["displayName"] = "agent" });
        yield return New("the namespace's S3 compartment moved", "oci:ObjectStorage/namespaceMetadata:NamespaceMetadata", "storage-namespace",
            p => new JsonObject { ["namespace"] = p.Resource("storage-user-data").Inputs["namespace"]!.DeepClone(), ["defaultS3compartmentId"] = "ocid1.compartment.oc1..aaaaaaaaparent" },
            "storage-user-data");
        yield return New("Data Safe switched off for the tenancy", "oci:DataSafe/dataSafeConfiguration:DataSafeConfiguration", "database-data-safe-off",
            _ => new JsonObject { ["isEnabled"] = false }, "database-adb");
    }
}
