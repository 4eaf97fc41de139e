using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 8 (network and data side): the classes probed this round that the gate already caught, kept as regressions.
/// Local peering to another tenancy's gateway, a NAT gateway with a public IP pool, IPv6 prefixes and Oracle GUA,
/// subnet flags flipped or dropped, a DRG attachment to a foreign DRG, backups to Object Storage, another region or
/// through a proxy, clones and refreshable clones, object events and subscriptions to foreign topics, functions or
/// HTTPS endpoints, and a gatekeeper-notification rule narrowed, re-cased or moved to a child compartment.
/// </summary>
public sealed class Round8ProbedAttacks : AttackClass
{
    public override string Name => "Round8Probed";

    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Backup = "oci:Database/autonomousDatabaseBackup:AutonomousDatabaseBackup";
    private const string PolicyChanges = "oversight-us-ashburn-1-policy-changes";

    private static JsonNode Cmp(Prod p, string r) => p.Resource(r).Inputs["compartmentId"]!.DeepClone();
    private static JsonNode Id(Prod p, string r, string? type = null) => p.Resource(r, type).Json["id"]!.DeepClone();

    private static ResourceEdit AddBackup(Prod p, JsonObject destination) => p.Add(Backup, "database-adb-copy",
        new JsonObject { ["autonomousDatabaseId"] = Id(p, "database-adb", Adb), ["backupDestinationDetails"] = destination }, "database-adb");

    private static ResourceEdit AddClone(Prod p, string name, string source, bool refreshable)
    {
        var inputs = (JsonObject)p.Resource("database-adb", Adb).Inputs.DeepClone();
        inputs["source"] = source;
        inputs["sourceId"] = Id(p, "database-adb", Adb);
        inputs["dbName"] = "usdecopy";
        if (refreshable) inputs["isRefreshableClone"] = true; else inputs["cloneType"] = "FULL";
        return p.Add(Adb, name, inputs, "database-adb");
    }

    private static ResourceEdit ObjectEvents(Prod p, JsonObject action) => p.Add("oci:Events/rule:Rule", "oversight-object-events", new JsonObject
    {
        ["compartmentId"] = Cmp(p, "storage-user-data"), ["isEnabled"] = true, ["displayName"] = "object-events",
        ["condition"] = "{\"eventType\":[\"com.oraclecloud.objectstorage.createobject\"]}",
        ["actions"] = new JsonObject { ["actions"] = new JsonArray(action) },
    }, PolicyChanges);

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("local peering gateway peered with another tenancy's", "ENC-NET-072", p => p.Add("oci:Core/localPeeringGateway:LocalPeeringGateway",
            "network-lpg", new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["vcnId"] = Id(p, "network-vcn"), ["peerId"] = "ocid1.localpeeringgateway.oc1.iad.aaaaaaaaparent" },
            "network-service-gateway"));
        yield return Attack("NAT gateway with a reserved public IP", "ENC-NET-004", p => p.Add("oci:Core/natGateway:NatGateway", "network-nat", new JsonObject
        {
            ["compartmentId"] = Cmp(p, "network-vcn"), ["vcnId"] = Id(p, "network-vcn"), ["publicIpId"] = "ocid1.publicip.oc1.iad.aaaaaaaapool", ["blockTraffic"] = true,
        }, "network-service-gateway"));
        yield return Attack("DRG attachment of the VCN to another tenancy's DRG", "ENC-NET-007", p => p.Add("oci:Core/drgAttachment:DrgAttachment", "network-drg-attachment",
            new JsonObject { ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaparentdrg", ["networkDetails"] = new JsonObject { ["id"] = Id(p, "network-vcn"), ["type"] = "VCN" } },
            "network-service-gateway"));
        yield return Attack("data subnet given an IPv6 prefix", "ENC-NET-071", p => p.Resource("network-data").Set("ipv6cidrBlocks", Value.List("fd00:1e:1::/64")));
        yield return Attack("VCN given Oracle-allocated global IPv6", "ENC-NET-071",
            p => p.Resource("network-vcn").Set("isIpv6enabled", true).Set("isOracleGuaAllocationEnabled", true));
        yield return Attack("data subnet allows internet ingress", "ENC-NET-001", p => p.Resource("network-data").Set("prohibitInternetIngress", false));
        yield return Attack("data subnet's public-IP prohibition dropped", "ENC-NET-001", p => p.Resource("network-data").Remove("prohibitPublicIpOnVnic"));
        yield return Attack("Data Safe endpoint moved into the data subnet", "ENC-NET-115",
            p => p.Resource("database-data-safe-endpoint").Set("subnetId", Id(p, "network-data")));

        yield return Attack("backup to an Object Storage destination", "ENC-REG-002", p => AddBackup(p, new JsonObject { ["type"] = "OBJECT_STORE" }));
        yield return Attack("backup copied to Frankfurt", "ENC-REG-002",
            p => AddBackup(p, new JsonObject { ["type"] = "LOCAL", ["isRemote"] = true, ["remoteRegion"] = "eu-frankfurt-1" }));
        yield return Attack("backup sent through an internet proxy", "ENC-GOV-090",
            p => AddBackup(p, new JsonObject { ["type"] = "LOCAL", ["internetProxy"] = "http://198.18.0.1:3128" }));
        yield return Attack("refreshable clone of the database", "ENC-DB-070", p => AddClone(p, "database-refreshable", "CLONE_TO_REFRESHABLE", refreshable: true));
        yield return Attack("full clone of the database unregistered with Data Safe", "ENC-DB-004", p => AddClone(p, "database-clone", "DATABASE", refreshable: false));

        yield return Attack("object events sent to another tenancy's topic", "ENC-LOG-007", p => ObjectEvents(p,
            new JsonObject { ["actionType"] = "ONS", ["isEnabled"] = true, ["topicId"] = "ocid1.onstopic.oc1.iad.aaaaaaaaparent" }));
        yield return Attack("object events sent to a function", "ENC-LOG-007", p => ObjectEvents(p,
            new JsonObject { ["actionType"] = "FAAS", ["isEnabled"] = true, ["functionId"] = "ocid1.fnfunc.oc1.iad.aaaaaaaaparent" }));
        yield return Attack("gatekeepers' topic also posts to an HTTPS endpoint", "ENC-LOG-007", p => p.Add("oci:Ons/subscription:Subscription", "oversight-hook",
            new JsonObject
            {
                ["compartmentId"] = Cmp(p, "oversight-us-ashburn-1-email-0"), ["protocol"] = "HTTPS", ["endpoint"] = "https://hooks.example/enclave",
                ["topicId"] = p.Resource("oversight-us-ashburn-1-email-0").Inputs["topicId"]!.DeepClone(),
            }, "oversight-us-ashburn-1-email-0"));
    }
}
