using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>US data leaving US regions: providers, copies, peerings and regions the gate cannot see.</summary>
public sealed class RegionAttacks : AttackClass
{
    private const string DefaultOci = "default_4_20_0";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("standby provider pointed at Frankfurt", "ENC-REG-001", p => p.Resource("regions-standby").Set("region", "eu-frankfurt-1"));
        yield return Attack("home provider pointed at Tokyo", "ENC-REG-001", p => p.Resource("regions-home").Set("region", "ap-tokyo-1"));
        yield return Attack("default provider pointed at London", "ENC-REG-001", p => p.Resource(DefaultOci).Set("region", "uk-london-1"));
        yield return Attack("standby provider configured only by a config-file profile", "ENC-REG-001",
            p => p.Resource("regions-standby").Remove("region").Set("configFileProfile", "FRANKFURT"));
        yield return Attack("default provider without a region (it would come from OCI_REGION)", "ENC-REG-001",
            p => p.Resource(DefaultOci).Remove("region"), Forms.Export);
        yield return Attack("standby provider region with a trailing space", "ENC-REG-001", p => p.Resource("regions-standby").Set("region", "us-phoenix-1 "));
        yield return Attack("a US region not on prod's allow-list", "ENC-REG-001", p => p.Resource("regions-standby").Set("region", "us-sanjose-1"));
        yield return Attack("the standby database moved to a new provider in Frankfurt", "ENC-REG-001", p =>
        {
            var fra = p.Add("pulumi:providers:oci", "regions-frankfurt", new JsonObject { ["region"] = "eu-frankfurt-1" }, sibling: "regions-standby", id: "5f0e5a3c-0d7b-4c1e-9a53-7f0c0d1e2f3a");
            fra.Json.Remove("provider");
            p.Resource("database-adb-standby").UseProvider(fra);
            return fra.Urn;
        });
        yield return Attack("user data replicated to Frankfurt", "ENC-REG-002", p => p.Add("oci:ObjectStorage/replicationPolicy:ReplicationPolicy", "storage-user-data-replica",
            new JsonObject
            {
                ["bucket"] = "usde-prod-user-data", ["namespace"] = "3zrcoc73rqch", ["name"] = "dr-copy",
                ["destinationBucketName"] = "usde-prod-user-data-dr", ["destinationRegionName"] = "eu-frankfurt-1",
            }, sibling: "storage-user-data"));
        yield return Attack("remote peering to a Singapore DRG", "ENC-REG-002", p => p.Add("oci:Core/remotePeeringConnection:RemotePeeringConnection", "network-rpc",
            new JsonObject
            {
                ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(),
                ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaattackdrg", ["peerId"] = "ocid1.remotepeeringconnection.oc1.ap-singapore-1.aaaaaaaapeer",
                ["peerRegionName"] = "ap-singapore-1",
            }, sibling: "network-service-gateway"));
        yield return Attack("identity domain replicated to Frankfurt", "ENC-REG-002", p => p.Add("oci:Identity/domainReplicationToRegion:DomainReplicationToRegion", "iam-domain-replica",
            new JsonObject { ["domainId"] = "ocid1.domain.oc1..aaaaaaaaenclavedomain", ["replicaRegion"] = "eu-frankfurt-1" }, sibling: "iam-adb-dynamic-group"));
        yield return Attack("the primary database peered with a Frankfurt database", "ENC-REG-002",
            p => p.Resource("database-adb").Set("peerDbId", "ocid1.autonomousdatabase.oc1.eu-frankfurt-1.aaaaaaaapeerdb"));
        yield return Attack("Cloud Guard reports to Frankfurt", "ENC-GOV-002", p => p.Resource("tenancy-cloud-guard").Set("reportingRegion", "eu-frankfurt-1"));
    }
}
