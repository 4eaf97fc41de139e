using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 6 (network, data, keys, oversight): inputs no rule reads on every type the program creates
/// (ENC-GOV-090), and resources placed in a subnet of the stack other than the one the design gives them (ENC-NET-115).
/// </summary>
public static class FailClosedRound6Cases
{
    /// <summary>A second subnet of the VCN in a range of its own (the app role's, were the plan to give it one).</summary>
    private static void AppSubnet(GraphBuilder g) => g.Add(OciTypes.Subnet, "app", new
    {
        compartmentId = Ref("enclave"), vcnId = Ref("vcn"), cidrBlock = "10.0.2.0/24", prohibitPublicIpOnVnic = true,
        prohibitInternetIngress = true, routeTableId = Ref("data-rt"), securityListIds = new[] { Ref("data-sl") },
    });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-GOV-090", "Bastion with its DNS proxy on", "bastion", g => g.With("bastion", "dnsProxyStatus", "ENABLED")),
        new("ENC-GOV-090", "Bastion of another type than standard", "bastion", g => g.With("bastion", "bastionType", "internal")),
        new("ENC-GOV-090", "VCN with zero-trust security attributes", "vcn", g => g.With("vcn", "securityAttributes",
            new Dictionary<string, object> { ["oracle-zpr.sensitivity.value"] = "low" })),
        new("ENC-GOV-090", "key restored from an uploaded file", "key", g => g.With("key", "restoreFromFile",
            new { contentLength = "1024", restoreKeyFromFileDetails = "backup" })),
        new("ENC-GOV-090", "NSG rule made stateless", "db-nsg-in", g => g.With("db-nsg-in", "stateless", true)),
        new("ENC-GOV-090", "Cloud Guard left to manage its own grants", "cloud-guard", g => g.With("cloud-guard", "selfManageResources", true)),
        new("ENC-GOV-090", "security zone keeps its policies after deletion, a secret", "zone",
            g => g.With("zone", "isInheritanceAfterDeleteEnabled", Secret)),
        new("ENC-GOV-090", "log group with an input the provider does not have", "logs", g => g.With("logs", "exportTo", "parent-siem")),
        new("ENC-NET-115", "Bastion retargeted to another subnet of the stack", "bastion", g =>
        {
            AppSubnet(g);
            g.With("bastion", "targetSubnetId", Ref("app"));
        }),
        new("ENC-NET-115", "database moved to another subnet of the stack", "adb", g =>
        {
            AppSubnet(g);
            g.With("adb", "subnetId", Ref("app"));
        }),
        new("ENC-NET-115", "Data Safe endpoint in a subnet outside the stack", "ds-pe",
            g => g.With("ds-pe", "subnetId", "ocid1.subnet.oc1.iad.parentshared")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-GOV-090", "NSG rule's statefulness known only at deploy", "db-nsg-in", g => g.With("db-nsg-in", "stateless", Unknown)),
        new("ENC-NET-115", "Bastion target known only at deploy", "bastion", g => g.With("bastion", "targetSubnetId", Unknown)),
    ];
}
