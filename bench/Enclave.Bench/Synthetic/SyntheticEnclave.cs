using System.Collections.Immutable;
using System.Globalization;
using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Bench.Synthetic;

/// <summary>
/// A deterministic, realistic synthetic enclave of a given size: tenancy-level governance (groups, vault, audit,
/// Cloud Guard, events), then one workload compartment after another, each with a private VCN (data, app and admin
/// subnets, route table to a service gateway, security lists, NSGs and their rules, flow logs), an Autonomous
/// Database, buckets with write logs, a key and a policy. Every 50th workload is misconfigured with an internet
/// door, every 100th has an IPSec link, so rules also produce failures and hop-by-hop paths. Policy statements
/// (a fixed total, by default 10k) are spread over the workloads' policies, whatever the graph size.
/// </summary>
public sealed class SyntheticEnclave
{
    private const string Stack = "bench";
    private const string Project = "us-data-enclave";
    private const string Region = "us-ashburn-1";
    internal const string Tenancy = "ocid1.tenancy.oc1..benchtenancy";

    private readonly List<ResourceNode> _nodes = [];
    private readonly int _resources;
    private int _workloadCount;

    public static readonly PolicyContext Policy = new()
    {
        DeploymentRegion = Region,
        HomeRegion = Region,
        TenancyId = Tenancy,
        GatekeeperGroup = "usde-gatekeepers",
        OperatorGroup = "usde-operators",
        AuditorGroup = "usde-auditors",
        StorageAdminGroup = "usde-storage-admins",
        GatekeeperCidrs = ["203.0.113.0/24"],
        OnPremCidrs = ["192.168.0.0/16"],
        Parent = new ParentExclusions
        {
            TenancyOcids = ["ocid1.tenancy.oc1..parentcompany"],
            Groups = ["parent-admins"],
            EmailDomains = ["parent.example"],
            Cidrs = ["198.51.100.0/24", "172.16.0.0/12"],
        },
    };

    private SyntheticEnclave(int resources) => _resources = resources;

    /// <summary>Builds the resources of a graph of exactly <paramref name="resources"/> resources.</summary>
    public static ImmutableArray<ResourceNode> Resources(int resources, int statements = 10_000)
    {
        var e = new SyntheticEnclave(resources);
        e.Tenancy_();
        // A workload is 27 to 31 resources; fill with workloads, then top up with buckets in the first workload's
        // compartment (its real id: a compartment the model lacks would make each such bucket reachable, as far as
        // the IAM engine can tell, by every statement that may touch objects anywhere).
        while (e._nodes.Count + 31 <= resources) e.Workload(e._workloadCount++);
        var n = 0;
        while (e._nodes.Count < resources) e.Bucket($"extra-{n++}", Id("w0"), "w0-key");
        e.SpreadStatements(statements);
        return e._nodes.Take(resources).ToImmutableArray();
    }

    public static ResourceGraph Graph(int resources, int statements = 10_000) =>
        new(Stack, Project, GraphOrigin.Plan, Resources(resources, statements), "synthetic");

    // ---- tenancy-level governance ----

    private void Tenancy_()
    {
        Add("pulumi:pulumi:Stack", $"{Project}-{Stack}", custom: false);
        Add("pulumi:providers:oci", "oci-us", ("region", S(Region)));
        Add("oci:Identity/compartment:Compartment", "enclave", ("compartmentId", S(Tenancy)), ("name", S("usde-enclave")),
            ("description", S("enclave root")));
        Add("oci:Identity/compartment:Compartment", "security", ("compartmentId", Ref("enclave")), ("name", S("usde-security")),
            ("description", S("security")));
        foreach (var g in new[] { "usde-gatekeepers", "usde-operators", "usde-auditors", "usde-storage-admins" })
            Add("oci:Identity/group:Group", g, ("compartmentId", S(Tenancy)), ("name", S(g)), ("description", S(g)));
        Add("oci:Identity/dynamicGroup:DynamicGroup", "adb-dg", ("compartmentId", S(Tenancy)), ("name", S("usde-adb")),
            ("matchingRule", S("ALL {resource.type = 'autonomousdatabase'}")), ("description", S("adb")));
        Add("oci:Kms/vault:Vault", "vault", ("compartmentId", Ref("security")), ("displayName", S("usde-vault")),
            ("vaultType", S("VIRTUAL_PRIVATE")));
        Add("oci:Audit/configuration:Configuration", "audit", ("compartmentId", S(Tenancy)), ("retentionPeriodDays", N(365)));
        Add("oci:CloudGuard/cloudGuardConfiguration:CloudGuardConfiguration", "cloud-guard", ("compartmentId", S(Tenancy)),
            ("reportingRegion", S(Region)), ("status", S("ENABLED")));
        Add("oci:Ons/notificationTopic:NotificationTopic", "topic", ("compartmentId", Ref("security")), ("name", S("usde-events")));
        Add("oci:Ons/subscription:Subscription", "topic-sub", ("compartmentId", Ref("security")), ("topicId", Ref("topic")),
            ("protocol", S("EMAIL")), ("endpoint", S("gatekeepers@us.example")));
        Add("oci:Events/rule:Rule", "iam-events", ("compartmentId", S(Tenancy)), ("displayName", S("iam changes")),
            ("isEnabled", B(true)), ("condition", S("{\"eventType\":[\"com.oraclecloud.identitycontrolplane.createpolicy\"]}")),
            ("actions", M(("actions", L(M(("actionType", S("ONS")), ("isEnabled", B(true)), ("topicId", Ref("topic"))))))));
        Add("oci:Identity/policy:Policy", "gatekeeper-policy", ("compartmentId", S(Tenancy)), ("name", S("usde-gatekeepers")),
            ("description", S("gatekeepers")), ("statements", L(
                S("Allow group usde-gatekeepers to manage policies in tenancy"),
                S("Allow group usde-gatekeepers to manage groups in tenancy"),
                S("Allow group usde-gatekeepers to manage dynamic-groups in tenancy"))));
    }

    // ---- one workload compartment ----

    private void Workload(int w)
    {
        var c = $"w{w}";
        var compartment = Add("oci:Identity/compartment:Compartment", c, ("compartmentId", Ref("enclave")),
            ("name", S($"usde-{c}")), ("description", S($"workload {w}")));
        var cid = Id(compartment.Name);
        // 10.(w/64).((w%64)*4).0/22 carves /22 VCNs out of 10/8 without overlap for 16k workloads.
        var b1 = (w / 64) % 256;
        var b2 = (w % 64) * 4;
        var vcnCidr = $"10.{b1}.{b2}.0/22";
        Add("oci:Core/vcn:Vcn", $"{c}-vcn", ("compartmentId", S(cid)), ("cidrBlocks", L(S(vcnCidr))),
            ("displayName", S($"usde-{c}-vcn")));
        Set($"{c}-vcn", outputs: [("defaultSecurityListId", S(Id($"{c}-default-sl"))), ("defaultRouteTableId", S(Id($"{c}-default-rt")))]);
        Add("oci:Core/defaultSecurityList:DefaultSecurityList", $"{c}-default-sl", ("manageDefaultResourceId", Ref($"{c}-default-sl")),
            ("compartmentId", S(cid)), ("ingressSecurityRules", L()), ("egressSecurityRules", L()));
        Add("oci:Core/serviceGateway:ServiceGateway", $"{c}-sgw", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")),
            ("services", L(M(("serviceId", S("ocid1.service.oc1.iad..objectstorage"))))));

        var misconfigured = w % 50 == 49;
        var linked = w % 100 == 10;
        var routes = new List<PropertyValue>
        {
            M(("destination", S("oci-iad-objectstorage")), ("destinationType", S("SERVICE_CIDR_BLOCK")), ("networkEntityId", Ref($"{c}-sgw"))),
        };
        if (misconfigured)
        {
            Add("oci:Core/internetGateway:InternetGateway", $"{c}-igw", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")),
                ("enabled", B(true)));
            routes.Add(M(("destination", S("0.0.0.0/0")), ("destinationType", S("CIDR_BLOCK")), ("networkEntityId", Ref($"{c}-igw"))));
        }
        if (linked)
        {
            Add("oci:Core/drg:Drg", $"{c}-drg", ("compartmentId", S(cid)));
            Add("oci:Core/drgAttachment:DrgAttachment", $"{c}-drg-att", ("drgId", Ref($"{c}-drg")),
                ("networkDetails", M(("id", Ref($"{c}-vcn")), ("type", S("VCN")))));
            Add("oci:Core/cpe:Cpe", $"{c}-cpe", ("compartmentId", S(cid)), ("ipAddress", S("203.0.113.10")));
            Add("oci:Core/ipsec:Ipsec", $"{c}-ipsec", ("compartmentId", S(cid)), ("cpeId", Ref($"{c}-cpe")),
                ("drgId", Ref($"{c}-drg")), ("staticRoutes", L(S("192.168.0.0/16"), S("172.16.0.0/12"))));
            routes.Add(M(("destination", S("192.168.0.0/16")), ("destinationType", S("CIDR_BLOCK")), ("networkEntityId", Ref($"{c}-drg"))));
        }
        Add("oci:Core/routeTable:RouteTable", $"{c}-rt", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")),
            ("routeRules", L(routes.ToArray())));

        var subnets = new[] { ("data", 0, 1522), ("app", 1, 443), ("admin", 2, 22) };
        foreach (var (tier, index, port) in subnets)
        {
            var source = tier switch
            {
                "data" => misconfigured ? "0.0.0.0/0" : $"10.{b1}.{b2 + 1}.0/24",
                "app" => vcnCidr,
                _ => linked ? "192.168.0.0/16" : "203.0.113.0/24",
            };
            Add("oci:Core/securityList:SecurityList", $"{c}-sl-{tier}", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")),
                ("ingressSecurityRules", L(
                    M(("protocol", S("6")), ("source", S(source)), ("sourceType", S("CIDR_BLOCK")),
                        ("tcpOptions", M(("min", N(port)), ("max", N(port))))),
                    M(("protocol", S("1")), ("source", S(vcnCidr)), ("icmpOptions", M(("type", N(3)), ("code", N(4))))))),
                ("egressSecurityRules", L(M(("protocol", S("6")), ("destination", S("oci-iad-objectstorage")),
                    ("destinationType", S("SERVICE_CIDR_BLOCK"))))));
            Add("oci:Core/subnet:Subnet", $"{c}-{tier}", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")),
                ("cidrBlock", S($"10.{b1}.{b2 + index}.0/24")), ("displayName", S($"usde-{c}-{tier}")),
                ("prohibitPublicIpOnVnic", B(!(misconfigured && tier == "data"))), ("prohibitInternetIngress", B(!(misconfigured && tier == "data"))),
                ("routeTableId", Ref($"{c}-rt")), ("securityListIds", L(Ref($"{c}-sl-{tier}"))));
        }

        Add("oci:Core/networkSecurityGroup:NetworkSecurityGroup", $"{c}-nsg-db", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")));
        Add("oci:Core/networkSecurityGroup:NetworkSecurityGroup", $"{c}-nsg-app", ("compartmentId", S(cid)), ("vcnId", Ref($"{c}-vcn")));
        NsgRule($"{c}-db-from-app", $"{c}-nsg-db", "INGRESS", ("source", S(Id($"{c}-nsg-app"))), ("sourceType", S("NETWORK_SECURITY_GROUP")), 1522);
        NsgRule($"{c}-app-to-db", $"{c}-nsg-app", "EGRESS", ("destination", S(Id($"{c}-nsg-db"))), ("destinationType", S("NETWORK_SECURITY_GROUP")), 1522);
        NsgRule($"{c}-app-from-vcn", $"{c}-nsg-app", "INGRESS", ("source", S(vcnCidr)), ("sourceType", S("CIDR_BLOCK")), 443);
        NsgRule($"{c}-db-from-onprem", $"{c}-nsg-db", "INGRESS", ("source", S("192.168.10.0/24")), ("sourceType", S("CIDR_BLOCK")), 1522);

        Add("oci:Kms/key:Key", $"{c}-key", ("compartmentId", Ref("security")), ("displayName", S($"usde-{c}-key")),
            ("managementEndpoint", S("https://vault.example/management")),
            ("keyShape", M(("algorithm", S("AES")), ("length", N(32)))), ("protectionMode", S("HSM")),
            ("isAutoRotationEnabled", B(true)), ("autoKeyRotationDetails", M(("rotationIntervalInDays", N(90)))));
        Add("oci:Database/autonomousDatabase:AutonomousDatabase", $"{c}-adb", ("compartmentId", S(cid)),
            ("dbName", S($"USDE{w}")), ("subnetId", Ref($"{c}-data")), ("nsgIds", L(Ref($"{c}-nsg-db"))),
            ("privateEndpointLabel", S($"usde{w}")), ("isMtlsConnectionRequired", B(true)), ("kmsKeyId", Ref($"{c}-key")),
            ("vaultId", Ref("vault")), ("dataSafeStatus", S("REGISTERED")), ("isFreeTier", B(false)),
            ("customerContacts", L(M(("email", S("gatekeepers@us.example"))))), ("backupRetentionPeriodInDays", N(30)),
            ("adminPassword", PropertyValue.Secret), ("dbWorkload", S("OLTP")), ("computeModel", S("ECPU")), ("computeCount", N(2)));
        protectLast();

        Add("oci:Logging/logGroup:LogGroup", $"{c}-logs", ("compartmentId", S(cid)), ("displayName", S($"usde-{c}-logs")));
        foreach (var (tier, _, _) in subnets)
            Log($"{c}-flow-{tier}", $"{c}-logs", "flowlogs", Id($"{c}-{tier}"), "all");
        Bucket($"{c}-data", cid, $"{c}-key");
        Bucket($"{c}-archive", cid, $"{c}-key");
        Log($"{c}-bucket-log", $"{c}-logs", "objectstorage", $"usde-{c}-data", "write");
        Add("oci:Identity/policy:Policy", $"{c}-policy", ("compartmentId", S(cid)), ("name", S($"usde-{c}-policy")),
            ("description", S($"workload {w}")), ("statements", L()));

        void protectLast() => _nodes[^1] = _nodes[^1] with { Protect = true };
    }

    private void NsgRule(string name, string nsg, string direction, (string, PropertyValue) peer, (string, PropertyValue) peerType, int port) =>
        Add("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", name,
            ("networkSecurityGroupId", Ref(nsg)), ("direction", S(direction)), ("protocol", S("6")), peer, peerType,
            ("stateless", B(false)), ("tcpOptions", M(("destinationPortRange", M(("min", N(port)), ("max", N(port)))))));

    private void Bucket(string name, string compartmentId, string key) =>
        Add("oci:ObjectStorage/bucket:Bucket", name, ("compartmentId", S(compartmentId)), ("namespace", S("usdebench")),
            ("name", S($"usde-{name}")), ("accessType", S("NoPublicAccess")), ("kmsKeyId", Ref(key)), ("versioning", S("Enabled")),
            ("objectEventsEnabled", B(true)));

    private void Log(string name, string group, string service, string resource, string category) =>
        Add("oci:Logging/log:Log", name, ("logGroupId", Ref(group)), ("displayName", S(name)), ("logType", S("SERVICE")),
            ("isEnabled", B(true)), ("retentionDuration", N(90)),
            ("configuration", M(("source", M(("service", S(service)), ("resource", S(resource)), ("category", S(category)),
                ("sourceType", S("OCISERVICE")))))));

    /// <summary>Spreads <paramref name="total"/> statements round-robin over the workload policies.</summary>
    private void SpreadStatements(int total)
    {
        var policies = _nodes.Select((n, i) => (n, i)).Where(x => x.n.Name.EndsWith("-policy", StringComparison.Ordinal) && x.n.Name != "gatekeeper-policy").ToList();
        if (policies.Count == 0) return;
        var lists = policies.Select(_ => new List<PropertyValue>()).ToList();
        for (var s = 0; s < total; s++)
        {
            var p = s % policies.Count;
            lists[p].Add(S(Statement(s, policies[p].n.Name[..policies[p].n.Name.IndexOf('-')])));
        }
        for (var p = 0; p < policies.Count; p++)
        {
            var (node, index) = policies[p];
            _nodes[index] = node with { Inputs = new MapValue(node.Inputs.Fields.SetItem("statements", new ListValue([.. lists[p]]))) };
        }
    }

    /// <summary>The statement forms of a landing zone: read/use/manage by persona, storage delete guards, service and dynamic-group grants.</summary>
    private static string Statement(int i, string workload)
    {
        var cmp = $"usde-{workload}";
        return (i % 10) switch
        {
            0 => $"Allow group usde-operators to read all-resources in compartment {cmp}",
            1 => $"Allow group usde-operators to use autonomous-database-family in compartment {cmp}",
            2 => $"Allow group usde-storage-admins to manage object-family in compartment {cmp} where all {{request.permission != 'BUCKET_DELETE', request.permission != 'OBJECT_DELETE'}}",
            3 => $"Allow group usde-auditors to inspect all-resources in compartment {cmp}",
            4 => $"Allow dynamic-group usde-adb to use keys in compartment usde-security where target.key.id = 'ocid1.key.oc1..k{i}'",
            5 => $"Allow service objectstorage-{Region} to use keys in compartment usde-security",
            6 => $"Allow group usde-operators to manage virtual-network-family in compartment usde-enclave:{cmp} where request.region = '{Region}'",
            7 => $"Allow group usde-auditors to read audit-events in compartment {cmp}",
            8 => $"Allow group usde-operators to use log-groups in compartment {cmp} where any {{request.permission = 'LOG_GROUP_INSPECT', request.permission = 'LOG_GROUP_READ'}}",
            _ => $"Allow group usde-operators to read buckets in compartment {cmp} where target.bucket.name = 'usde-{workload}-data'",
        };
    }

    // ---- building blocks ----

    private static PropertyValue S(string s) => PropertyValue.Of(s);
    private static PropertyValue B(bool b) => PropertyValue.Of(b);
    private static PropertyValue N(double d) => PropertyValue.Of(d);
    private static PropertyValue L(params PropertyValue[] items) => PropertyValue.List(items);
    private static MapValue M(params (string, PropertyValue)[] fields) => PropertyValue.Map(fields);
    private static string Id(string name) => $"ocid1.{name}";
    private static PropertyValue Ref(string name) => S(Id(name));

    private ResourceNode Add(string type, string name, params (string, PropertyValue)[] inputs) => Add(type, name, custom: true, inputs);

    private ResourceNode Add(string type, string name, bool custom, params (string, PropertyValue)[] inputs)
    {
        var urn = $"urn:pulumi:{Stack}::{Project}::{type}::{name}";
        var node = ResourceNode.Create(urn, type, name, custom, M(inputs), id: custom ? S(Id(name)) : PropertyValue.Null,
            region: custom ? Region : null);
        _nodes.Add(node);
        return node;
    }

    private void Set(string name, (string, PropertyValue)[] outputs)
    {
        var i = _nodes.FindLastIndex(n => n.Name == name);
        _nodes[i] = _nodes[i] with { Outputs = M(outputs) };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"synthetic enclave of {_resources} resources");
}
