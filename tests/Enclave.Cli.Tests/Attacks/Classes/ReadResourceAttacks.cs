using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-GOV-031 for resources the program reads (Resource.Get: <c>"external": true</c> in a state, a <c>read</c> step in
/// a preview): they exist in the cloud, in the enclave's VCN or compartments, but were dropped before any rule saw them.
/// </summary>
public sealed class ReadResourceAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("an internet gateway in the VCN, read instead of managed", "ENC-GOV-031", p => Read(p, "oci:Core/internetGateway:InternetGateway", "network-igw",
            new JsonObject { ["compartmentId"] = Id(p, "tenancy-network"), ["vcnId"] = Id(p, "network-vcn"), ["enabled"] = true }));
        yield return Attack("a world-open security list, read instead of managed", "ENC-GOV-031", p => Read(p, "oci:Core/securityList:SecurityList", "network-open-list",
            new JsonObject
            {
                ["compartmentId"] = Id(p, "tenancy-network"), ["vcnId"] = Id(p, "network-vcn"),
                ["ingressSecurityRules"] = new JsonArray(new JsonObject { ["protocol"] = "all", ["source"] = "0.0.0.0/0" }),
            }));
        yield return Attack("a pre-authenticated request on the user data, read instead of managed", "ENC-GOV-031", p => Read(p, "oci:ObjectStorage/preauthrequest:Preauthrequest", "storage-par",
            new JsonObject { ["accessType"] = "AnyObjectRead", ["bucket"] = "usde-prod-user-data", ["namespace"] = "3zrcoc73rqch", ["name"] = "share", ["timeExpires"] = "2027-01-01T00:00:00Z" }));
    }

    private static string Read(Prod p, string type, string name, JsonObject inputs)
    {
        var r = p.Add(type, name, inputs, sibling: "network-service-gateway");
        r.Json["external"] = true;
        return r.Urn;
    }

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();
}
