using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 6 probes: realistic single changes to the deployed prod state, each the smallest edit that opens a path out
/// of the network, weakens a key or blinds oversight. Each must be blocked by the rule that owns the setting.
/// </summary>
public sealed class RealisticChangeProbeAttacks : AttackClass
{
    private static JsonObject Route(string destination, string entity) => new()
    {
        ["destination"] = destination, ["destinationType"] = "CIDR_BLOCK", ["networkEntityId"] = entity,
    };

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("data routes to the parent's network through a foreign DRG", "ENC-NET-003",
            p => p.Resource("network-data-routes").Append("routeRules", Route("10.99.0.0/16", "ocid1.drg.oc1.iad.parentdrg")));
        yield return Attack("app routes through a local peering gateway of another VCN", "ENC-NET-003",
            p => p.Resource("network-app-routes").Append("routeRules", Route("10.98.0.0/16", "ocid1.localpeeringgateway.oc1.iad.parentlpg")));
        yield return Attack("admin routes via a private IP that forwards out", "ENC-NET-003",
            p => p.Resource("network-admin-routes").Append("routeRules", Route("0.0.0.0/0", "ocid1.privateip.oc1.iad.parentnva")));
        // Deployed, the state names the attached service; a preview shows only its OCID (the routes then decide, ENC-NET-011).
        yield return Attack("service gateway swapped to all Oracle services", "ENC-NET-011", p => p.Resource("network-service-gateway")
            .Set("services", new JsonArray(new JsonObject
            {
                ["serviceId"] = "ocid1.service.oc1.iad.allservices", ["serviceName"] = "All IAD Services In Oracle Services Network",
            })), Forms.Export);
        yield return Attack("database NSG admits an NSG of another VCN", "ENC-NET-030",
            p => p.Resource("network-db-from-app").Set("source", "ocid1.networksecuritygroup.oc1.iad.parentvcnnsg"));
        yield return Attack("default security list egress widened to anywhere", "ENC-NET-070", p => p.Resource("network-default-security-list")
            .Append("egressSecurityRules", new JsonObject { ["destination"] = "0.0.0.0/0", ["protocol"] = "all", ["destinationType"] = "CIDR_BLOCK" }));
        yield return Attack("data subnet allows public IPs", "ENC-NET-001", p => p.Resource("network-data").Set("prohibitPublicIpOnVnic", false));
        yield return Attack("VCN switched to IPv6", "ENC-NET-071", p => p.Resource("network-vcn").Set("isIpv6enabled", true));
        yield return Attack("VCN given a private IPv6 range", "ENC-NET-071", p => p.Resource("network-vcn").Set("ipv6privateCidrBlocks", Value.List("fd00:99::/48")));
        yield return Attack("data subnet's flow log switched off", "ENC-LOG-001", p =>
        {
            p.Resource("network-data-flow-log").Set("isEnabled", false);
            return p.Resource("network-data").Urn;
        });
        yield return Attack("data subnet's flow log kept 30 days", "ENC-LOG-080", p => p.Resource("network-data-flow-log").Set("retentionDuration", 30));
        yield return Attack("archive connector ships to the parent's bucket", "ENC-GOV-023",
            p => p.Resource("oversight-archive-us-ashburn-1-connector").Set("target.bucket", "parent-siem-intake"));
        yield return Attack("archive connector's source swapped to an empty log group", "ENC-LOG-002", p =>
        {
            p.Resource("oversight-archive-us-ashburn-1-connector").Set("source.logSources[0].logGroupId", "ocid1.loggroup.oc1.iad.empty");
            return p.StackUrn;
        });
        yield return Attack("user-data bucket's object events off", "ENC-STO-070", p => p.Resource("storage-user-data").Set("objectEventsEnabled", false));
        yield return Attack("user-data bucket's versioning suspended", "ENC-STO-003", p => p.Resource("storage-user-data").Set("versioning", "Suspended"));
        yield return Attack("user-data bucket replicated to Frankfurt", "ENC-REG-002", p => p.Add("oci:ObjectStorage/replicationPolicy:ReplicationPolicy",
            "storage-user-data-replica", new JsonObject
            {
                ["bucket"] = p.Resource("storage-user-data").Get("name")!.DeepClone(), ["namespace"] = p.Resource("storage-user-data").Get("namespace")!.DeepClone(),
                ["name"] = "dr-copy", ["destinationRegionName"] = "eu-frankfurt-1", ["destinationBucketName"] = "parent-copy",
            }, sibling: "storage-user-data"));
        yield return Attack("database key moved to software protection", "ENC-KMS-004", p => p.Resource("keys-database-key").Set("protectionMode", "SOFTWARE"));
        yield return Attack("vault replicated to Frankfurt", "ENC-REG-002", p => p.Resource("keys-vault-replica").Set("replicaRegion", "eu-frankfurt-1"));
    }
}
