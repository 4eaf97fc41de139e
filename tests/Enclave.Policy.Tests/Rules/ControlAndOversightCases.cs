using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Holes of the second red-team round: control-plane grants off the allow-list (ENC-IAM-040) or above a persona's
/// control ceiling (ENC-IAM-041), Cloud Guard rules switched off or narrowed (ENC-LOG-030), event rules narrowed by a
/// filter (ENC-LOG-031), ingress from networks the stack never declared (ENC-NET-030), provider plugins from another
/// server (ENC-GOV-030), deny statements that blind the auditors or lock the gatekeepers out (ENC-IAM-042), and another
/// tenancy's Object Storage namespace (ENC-STO-030). ENC-GOV-031 reads what a state holds outside the graph, which a graph cannot say: its cases
/// are StateIntegrityTests.
/// </summary>
public static class ControlAndOversightCases
{
    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    private const string Guard = $"where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}";

    private static object Override(string idKey, string id, object details) => new[] { new Dictionary<string, object> { [idKey] = id, ["details"] = details } };

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-040", "another team manages the network", "root-policy", g => AddStatement(g, "allow group net-team to manage virtual-network-family in compartment usde-dev")),
        new("ENC-IAM-040", "another team manages the archive connectors", "root-policy", g => AddStatement(g, "allow group data-team to manage serviceconnectors in compartment usde-dev")),
        new("ENC-IAM-040", "another team reads the network layout", "root-policy", g => AddStatement(g, "allow group data-team to read virtual-network-family in compartment usde-dev")),
        new("ENC-IAM-040", "another team holds a permission list", "root-policy", g => AddStatement(g, "allow group net-team to {ROUTE_TABLE_UPDATE} in compartment usde-dev")),
        new("ENC-IAM-041", "operators manage the network", "root-policy", g => AddStatement(g, $"allow group enclave-operators to manage virtual-network-family in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "operators manage the Bastion itself", "root-policy", g => AddStatement(g, $"allow group enclave-operators to manage bastion in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "storage admins manage log groups", "root-policy", g => AddStatement(g, $"allow group enclave-storage-admins to manage log-groups in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "storage admins change a route table by permission", "root-policy", g => AddStatement(g, $"allow group enclave-storage-admins to {{ROUTE_TABLE_UPDATE}} in compartment usde-dev {Guard}")),
        new("ENC-LOG-030", "a detector rule disabled in the recipe", "cg-configuration", g =>
            g.With("cg-configuration", "detectorRules", Override("detectorRuleId", "BUCKET_IS_PUBLIC", new { isEnabled = false }))),
        new("ENC-LOG-030", "a detector rule narrowed by a condition", "cg-activity", g =>
            g.With("cg-activity", "detectorRules", Override("detectorRuleId", "SUSPICIOUS_IP_ACTIVITY", new { isEnabled = true, condition = "{\"kind\":\"SIMPLE\"}" }))),
        new("ENC-LOG-030", "a responder rule disabled", "cg-responder", g =>
            g.With("cg-responder", "responderRules", Override("responderRuleId", "MAKE_BUCKET_PRIVATE", new { isEnabled = false }))),
        new("ENC-LOG-031", "notifications filtered to a compartment that does not exist", "cis-events", g =>
            g.With("cis-events", "condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.createpolicy\"],\"data\":{\"compartmentName\":\"none\"}}")),
        new("ENC-LOG-031", "event types named twice", "cis-events", g =>
            g.With("cis-events", "condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.createpolicy\"],\"eventType\":[]}")),
        new("ENC-LOG-031", "a condition that is not JSON", "cis-events", g => g.With("cis-events", "condition", "{\"eventType\":")),
        new("ENC-NET-030", "database NSG admits a narrow public range", "db-nsg-in", g => g.With("db-nsg-in", "source", "8.8.8.0/24")),
        new("ENC-NET-030", "database NSG admits an NSG the stack does not declare", "db-nsg-in", g =>
        {
            g.With("db-nsg-in", "sourceType", "NETWORK_SECURITY_GROUP");
            g.With("db-nsg-in", "source", "ocid1.networksecuritygroup.oc1.iad.anotherteams");
        }),
        new("ENC-NET-030", "security list admits a private range outside the VCN", "data-sl", g => g.With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = "192.168.7.0/24", sourceType = "CIDR_BLOCK" } })),
        new("ENC-IAM-051", "Cloud Guard may use the enclave's keys", "root-policy", g => AddStatement(g, "allow service cloudguard to use keys in tenancy")),
        new("ENC-IAM-051", "Object Storage may manage objects", "root-policy", g => AddStatement(g, "allow service objectstorage-us-ashburn-1 to manage objects in compartment usde-dev")),
        new("ENC-IAM-051", "Cloud Guard holds a permission list", "root-policy", g => AddStatement(g, "allow service cloudguard to {KEY_DELETE} in tenancy")),
        new("ENC-GOV-030", "provider plugin from another server", "default", g => g.With("default", "pluginDownloadURL", "https://plugins.example.net/oci")),
        new("ENC-GOV-030", "provider plugin source under __internal", "default", g =>
            g.With("default", "__internal", new { pluginDownloadURL = "github://api.github.com/someone-else" })),
        new("ENC-IAM-042", "the auditors denied the audit events", "root-policy", g => AddStatement(g, "deny group enclave-auditors to read audit-events in tenancy")),
        new("ENC-IAM-042", "the gatekeepers denied policy management", "root-policy", g => AddStatement(g, "deny group enclave-gatekeepers to manage policies in tenancy")),
        new("ENC-IAM-042", "any-group denied everything", "root-policy", g => AddStatement(g, "deny any-group to inspect all-resources in tenancy")),
        new("ENC-STO-030", "the archive connector ships to another namespace", "archive-connector", g =>
            g.With("archive-connector", "target", new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "parentcons" })),
        new("ENC-STO-030", "a bucket in another namespace", "data-bucket", g => g.With("data-bucket", "namespace", "parentcons")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IAM-040", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-041", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-LOG-030", "detector overrides unknown", "cg-configuration", g => g.With("cg-configuration", "detectorRules", Unknown)),
        new("ENC-LOG-031", "condition unknown", "cis-events", g => g.With("cis-events", "condition", Unknown)),
        new("ENC-NET-030", "NSG rule source unknown", "db-nsg-in", g => g.With("db-nsg-in", "source", Unknown)),
        new("ENC-IAM-042", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-051", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-STO-030", "the archive connector's namespace unknown", "archive-connector", g =>
            g.With("archive-connector", "target", new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = Unknown })),
        new("ENC-GOV-030", "plugin download URL unknown", "default", g => g.With("default", "pluginDownloadURL", Unknown)),
    ];
}
