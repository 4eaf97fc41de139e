using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Resources no rule looked at (ENC-GOV-020), resources and compartments moved out of the enclave's compartment
/// tree (ENC-GOV-021), providers of another tenancy (ENC-GOV-022) and a VCN attached to a DRG the stack does not
/// declare (ENC-NET-007): each passed the gate before it was closed.
/// </summary>
public sealed class UnjudgedResourceAttacks : AttackClass
{
    public override string Name => "Unjudged";

    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Foreign = "ocid1.compartment.oc1..aaaaaaaaanotherteamscompartment000000000000000000000000000";
    private const string OtherTenancy = "ocid1.tenancy.oc1..aaaaaaaaanothertenancy0000000000000000000000000000000000000";

    private static JsonNode Cmp(Prod p, string r) => p.Resource(r).Inputs["compartmentId"]!.DeepClone();
    private static JsonNode Id(Prod p, string r, string? type = null) => p.Resource(r, type).Json["id"]!.DeepClone();

    private AttackCase New(string name, string type, string resource, Func<Prod, JsonObject> inputs, string sibling = "network-service-gateway") =>
        Attack(name, "ENC-GOV-020", p => p.Add(type, resource, inputs(p), sibling));

    public override IEnumerable<AttackCase> Cases()
    {
        yield return New("a reserved public IP", "oci:Core/publicIp:PublicIp", "network-pip",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["lifetime"] = "RESERVED" });
        yield return New("a public load balancer on the data subnet", "oci:LoadBalancer/loadBalancer:LoadBalancer", "network-lb",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["isPrivate"] = false, ["shape"] = "flexible", ["subnetIds"] = new JsonArray(Id(p, "network-data")) });
        yield return New("a public network load balancer", "oci:NetworkLoadBalancer/networkLoadBalancer:NetworkLoadBalancer", "network-nlb",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["isPrivate"] = false, ["subnetId"] = Id(p, "network-data") });
        yield return New("a public API gateway", "oci:ApiGateway/gateway:Gateway", "network-apigw",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["endpointType"] = "PUBLIC", ["subnetId"] = Id(p, "network-data") });
        yield return New("an instance with a public IP on the data subnet", "oci:Core/instance:Instance", "network-vm", p => new JsonObject
        {
            ["compartmentId"] = Cmp(p, "network-vcn"), ["availabilityDomain"] = "AD-1", ["shape"] = "VM.Standard.E4.Flex",
            ["createVnicDetails"] = new JsonObject { ["assignPublicIp"] = "true", ["subnetId"] = Id(p, "network-data") },
        });
        yield return New("a wallet download of the database", "oci:Database/autonomousDatabaseWallet:AutonomousDatabaseWallet", "database-wallet",
            p => new JsonObject { ["autonomousDatabaseId"] = Id(p, "database-adb", Adb), ["generateType"] = "ALL" }, sibling: "database-adb");
        yield return New("an OAuth client-credentials app in the identity domain", "oci:Identity/domainsApp:DomainsApp", "iam-sync-app", p => new JsonObject
        {
            ["idcsEndpoint"] = p.Resource("iam-gatekeepers", "oci:Identity/domainsGroup:DomainsGroup").Inputs["idcsEndpoint"]!.DeepClone(),
            ["displayName"] = "sync", ["isOauthClient"] = true, ["allowedGrants"] = new JsonArray("client_credentials"),
        }, sibling: "iam-operators");
        yield return New("a FastConnect cross-connect", "oci:Core/crossConnect:CrossConnect", "network-xc",
            p => new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["locationName"] = "Ashburn", ["portSpeedShapeName"] = "10 Gbps" });
        yield return New("a provider of another cloud", "pulumi:providers:aws", "exfil", _ => new JsonObject { ["region"] = "us-east-1" });

        yield return Attack("the user-data bucket in another team's compartment", "ENC-GOV-021",
            p => p.Resource("storage-user-data").Set("compartmentId", Foreign));
        yield return Attack("the database in another team's compartment", "ENC-GOV-021",
            p => p.Resource("database-adb", Adb).Set("compartmentId", Foreign));
        yield return Attack("the vault in another tenancy's root compartment", "ENC-GOV-021",
            p => p.Resource("keys-vault").Set("compartmentId", OtherTenancy));
        yield return Attack("the app compartment moved under another team's compartment", "ENC-GOV-021",
            p => p.Resource("tenancy-app").Set("compartmentId", Foreign));
        yield return Attack("the standby provider signs in to another tenancy", "ENC-GOV-022",
            p => p.Resource("regions-standby").Set("tenancyOcid", OtherTenancy));
        yield return Attack("the VCN attached to a DRG the stack does not declare", "ENC-NET-007",
            p => p.Add("oci:Core/drgAttachment:DrgAttachment", "network-drg-attachment",
                new JsonObject { ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaanotherteamsdrg", ["vcnId"] = Id(p, "network-vcn") }, sibling: "network-service-gateway"));

        yield return Attack("the user-data bucket's read log removed", "ENC-LOG-022", p =>
        {
            p.Remove("oversight-archive-us-ashburn-1-user-data-bucket-read-log");
            return p.Resource("storage-user-data").Urn;
        });
        yield return Attack("the user-data bucket's read log disabled", "ENC-LOG-022", p =>
        {
            p.Resource("oversight-archive-us-ashburn-1-user-data-bucket-read-log").Set("isEnabled", false);
            return p.Resource("storage-user-data").Urn;
        });

        yield return Legitimate("a tag on the enclave's resources", p => p.Add("oci:Identity/tag:Tag", "tenancy-owner-tag",
            new JsonObject { ["tagNamespaceId"] = Id(p, p.OfType("oci:Identity/tagNamespace:TagNamespace").First().Name), ["name"] = "Owner", ["description"] = "owner" },
            sibling: p.OfType("oci:Identity/tagNamespace:TagNamespace").First().Name));
        yield return Legitimate("an empty network security group in the network compartment", p => p.Add("oci:Core/networkSecurityGroup:NetworkSecurityGroup",
            "network-spare-nsg", new JsonObject { ["compartmentId"] = Cmp(p, "network-vcn"), ["vcnId"] = Id(p, "network-vcn"), ["displayName"] = "spare" },
            sibling: "network-service-gateway"));
        yield return Legitimate("the default provider names the stack's own tenancy", p => p.Resource("default_4_20_0")
            .Set("tenancyOcid", "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000"));
    }
}
