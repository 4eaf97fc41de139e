using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Holes found by trying the gate as a hostile PR would: resources of types no rule judges (ENC-GOV-020), resources
/// and compartments outside the enclave's compartment tree (ENC-GOV-021), providers of another tenancy (ENC-GOV-022),
/// and a VCN attached to a DRG the stack does not declare (ENC-NET-007).
/// </summary>
public static class RedTeamCases
{
    private const string Foreign = "ocid1.compartment.oc1..foreignteamcompartment";

    public static readonly RuleCase[] Failing =
    [
        new("ENC-GOV-020", "a reserved public IP", "pip", g =>
            g.Add("oci:Core/publicIp:PublicIp", "pip", new { compartmentId = Ref("enclave"), lifetime = "RESERVED" })),
        new("ENC-GOV-020", "a public load balancer", "lb", g =>
            g.Add("oci:LoadBalancer/loadBalancer:LoadBalancer", "lb", new { compartmentId = Ref("enclave"), isPrivate = false, shape = "flexible" })),
        new("ENC-GOV-020", "a wallet download of the database", "wallet", g =>
            g.Add("oci:Database/autonomousDatabaseWallet:AutonomousDatabaseWallet", "wallet", new { autonomousDatabaseId = Ref("adb"), password = Secret })),
        new("ENC-GOV-020", "an OAuth client app in the identity domain", "app", g =>
            g.Add("oci:Identity/domainsApp:DomainsApp", "app", new { idcsEndpoint = "https://idcs.example", displayName = "sync", isOauthClient = true })),
        new("ENC-GOV-020", "a provider of another cloud", "aws", g => g.Add("pulumi:providers:aws", "aws", new { region = "us-east-1" })),
        new("ENC-GOV-021", "the data bucket in another team's compartment", "data-bucket", g => g.With("data-bucket", "compartmentId", Foreign)),
        new("ENC-GOV-021", "the database in another tenancy's root", "adb", g => g.With("adb", "compartmentId", "ocid1.tenancy.oc1..someothertenancy")),
        new("ENC-GOV-021", "a compartment of the stack moved under another compartment", "security", g => g.With("security", "compartmentId", Foreign)),
        new("ENC-GOV-022", "explicit provider of another tenancy", "default", g => g.With("default", "tenancyOcid", "ocid1.tenancy.oc1..someothertenancy")),
        new("ENC-NET-007", "VCN attached to a DRG the stack does not declare", "drg-att", g =>
            g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = "ocid1.drg.oc1.iad.anotherteamsdrg", vcnId = Ref("vcn") })),
        new("ENC-GOV-023", "data subnet routed by a route table the stack does not declare", "data", g =>
            g.With("data", "routeTableId", "ocid1.routetable.oc1.iad.anotherteamsroutes")),
        new("ENC-GOV-023", "data subnet guarded by a foreign security list", "data", g =>
            g.With("data", "securityListIds", new[] { "ocid1.securitylist.oc1.iad.anotherteamslist" })),
        new("ENC-GOV-023", "database in a foreign NSG", "adb", g => g.With("adb", "nsgIds", new[] { "ocid1.networksecuritygroup.oc1.iad.foreign" })),
        new("ENC-GOV-023", "flow log written to a foreign log group", "flow-data", g => g.With("flow-data", "logGroupId", "ocid1.loggroup.oc1.iad.foreign")),
        new("ENC-GOV-023", "connector shipping logs to a foreign stream", "archive-connector", g =>
            g.With("archive-connector", "target", new { kind = "streaming", streamId = "ocid1.stream.oc1.iad.foreign" })),
        new("ENC-NET-008", "NSG rule from a parent range written as IPv4-mapped IPv6", "db-nsg-in", g => g.With("db-nsg-in", "source", "::ffff:203.0.113.0/121")),
        new("ENC-NET-008", "NSG rule from a parent range written with leading zeros", "db-nsg-in", g => g.With("db-nsg-in", "source", "203.000.113.000/25")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-GOV-023", "data subnet's route table unknown", "data", g => g.With("data", "routeTableId", Unknown)),
        new("ENC-GOV-021", "the data bucket's compartment unknown", "data-bucket", g => g.With("data-bucket", "compartmentId", Unknown)),
        new("ENC-GOV-022", "the provider's tenancy unknown", "default", g => g.With("default", "tenancyOcid", Unknown)),
    ];
}
