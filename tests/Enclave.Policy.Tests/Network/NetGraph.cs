using System.Collections.Immutable;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Tests.Reachability;

/// <summary>
/// Hand-written network graphs for reachability tests. Every resource gets a known OCID-like id
/// (<c>ocid1.&lt;name&gt;</c>) unless added with <see cref="AddPending"/> (id known after apply), which is how
/// a preview of new resources looks.
/// </summary>
internal sealed class NetGraph
{
    private readonly List<ResourceNode> _nodes = [];

    public static PropertyValue S(string s) => PropertyValue.Of(s);
    public static PropertyValue B(bool b) => PropertyValue.Of(b);
    public static PropertyValue N(double d) => PropertyValue.Of(d);
    public static PropertyValue L(params PropertyValue[] items) => PropertyValue.List(items);
    public static MapValue M(params (string, PropertyValue)[] fields) => PropertyValue.Map(fields);
    public static PropertyValue U => PropertyValue.Unknown;

    public static string Id(string name) => $"ocid1.{name}";
    public static PropertyValue Ref(string name) => S(Id(name));
    public static PropertyValue Refs(params string[] names) => L(names.Select(Ref).ToArray());
    public static string Urn(string type, string name) => $"urn:pulumi:test::enclave::{type}::{name}";

    public ResourceNode Add(string type, string name, params (string, PropertyValue)[] inputs)
    {
        var node = ResourceNode.Create(Urn(type, name), type, name, inputs: M(inputs), id: S(Id(name)));
        _nodes.Add(node);
        return node;
    }

    /// <summary>A resource whose id is not known yet; <paramref name="dependsOn"/> gives, per input, the resources it came from.</summary>
    public ResourceNode AddPending(string type, string name, (string Key, string[] FromUrns)[] dependsOn,
        params (string, PropertyValue)[] inputs)
    {
        var deps = dependsOn.ToImmutableSortedDictionary(d => d.Key, d => d.FromUrns.ToImmutableArray(), StringComparer.Ordinal);
        var node = ResourceNode.Create(Urn(type, name), type, name, inputs: M(inputs), id: PropertyValue.Unknown)
            with { PropertyDependencies = deps };
        _nodes.Add(node);
        return node;
    }

    public void Remove(string name) => _nodes.RemoveAll(n => n.Name == name);

    public void Replace(string name, Func<ResourceNode, ResourceNode> change)
    {
        var i = _nodes.FindIndex(n => n.Name == name);
        _nodes[i] = change(_nodes[i]);
    }

    /// <summary>Sets (or replaces) one input of a resource.</summary>
    public void Set(string name, string key, PropertyValue value) =>
        Replace(name, n => n with { Inputs = new MapValue(n.Inputs.Fields.SetItem(key, value)) });

    public ResourceGraph Build() => new("test", "enclave", GraphOrigin.Plan, _nodes);

    // ---- common shapes ----

    public static PropertyValue SlIngress(string protocol, string source, int? min = null, int? max = null, string? sourceType = null)
    {
        var fields = new List<(string, PropertyValue)> { ("protocol", S(protocol)), ("source", S(source)) };
        if (sourceType is not null) fields.Add(("sourceType", S(sourceType)));
        if (min is not null) fields.Add((protocol == "17" ? "udpOptions" : "tcpOptions", M(("min", N(min.Value)), ("max", N(max ?? min.Value)))));
        return M(fields.ToArray());
    }

    public ResourceNode NsgRule(string name, string nsg, string direction, string protocol, string source,
        string sourceType = "CIDR_BLOCK", int? min = null, int? max = null)
    {
        var fields = new List<(string, PropertyValue)>
        {
            ("networkSecurityGroupId", Ref(nsg)), ("direction", S(direction)), ("protocol", S(protocol)),
            ("source", S(source)), ("sourceType", S(sourceType)),
        };
        if (min is not null)
            fields.Add(("tcpOptions", M(("destinationPortRange", M(("min", N(min.Value)), ("max", N(max ?? min.Value)))))));
        return Add(OciTypes.NetworkSecurityGroupSecurityRule, name, fields.ToArray());
    }

    public static PropertyValue Route(string destination, string target) =>
        M(("destination", S(destination)), ("destinationType", S("CIDR_BLOCK")), ("networkEntityId", Ref(target)));

    /// <summary>The test enclave with its data subnet public behind an internet gateway: a door waiting for an ingress rule.</summary>
    public static NetGraph BehindInternetGateway() => TestEnclave(publicSubnet: true).WithInternetGateway();

    /// <summary>The door open: security list sl-data admits the database listener (TCP 1522) from the whole internet.</summary>
    public static NetGraph OpenDoor() => BehindInternetGateway().WithSlIngress(SlIngress("6", "0.0.0.0/0", 1522));

    /// <summary>
    /// The test enclave: VCN 10.0.0.0/16 with subnet "data" (10.0.1.0/24, private unless told otherwise,
    /// route table rt-data, security list sl-data with no ingress) and database enclave-adb in it behind NSG nsg-db.
    /// An app subnet and nsg-app exist beside it. No gateway: add the door each test needs.
    /// </summary>
    public static NetGraph TestEnclave(bool publicSubnet = false)
    {
        var g = new NetGraph();
        g.Add(OciTypes.Vcn, "vcn", ("cidrBlocks", L(S("10.0.0.0/16"))));
        g.Add(OciTypes.RouteTable, "rt-data", ("vcnId", Ref("vcn")), ("routeRules", L()));
        g.Add(OciTypes.SecurityList, "sl-data", ("vcnId", Ref("vcn")), ("ingressSecurityRules", L()));
        g.Add(OciTypes.Subnet, "data", ("vcnId", Ref("vcn")), ("cidrBlock", S("10.0.1.0/24")),
            ("prohibitPublicIpOnVnic", B(!publicSubnet)), ("routeTableId", Ref("rt-data")), ("securityListIds", Refs("sl-data")));
        g.Add(OciTypes.Subnet, "app", ("vcnId", Ref("vcn")), ("cidrBlock", S("10.0.2.0/24")),
            ("prohibitPublicIpOnVnic", B(true)), ("routeTableId", Ref("rt-data")), ("securityListIds", Refs("sl-data")));
        g.Add(OciTypes.NetworkSecurityGroup, "nsg-db", ("vcnId", Ref("vcn")));
        g.Add(OciTypes.NetworkSecurityGroup, "nsg-app", ("vcnId", Ref("vcn")));
        g.Add(OciTypes.AutonomousDatabase, "enclave-adb", ("dbName", S("ENCLAVE")), ("subnetId", Ref("data")),
            ("nsgIds", Refs("nsg-db")));
        return g;
    }

    /// <summary>An enabled internet gateway with a 0.0.0.0/0 route to it from rt-data.</summary>
    public NetGraph WithInternetGateway(bool route = true)
    {
        Add(OciTypes.InternetGateway, "igw", ("vcnId", Ref("vcn")), ("enabled", B(true)));
        if (route) Set("rt-data", "routeRules", L(Route("0.0.0.0/0", "igw")));
        return this;
    }

    public NetGraph WithSlIngress(params PropertyValue[] rules)
    {
        Set("sl-data", "ingressSecurityRules", L(rules));
        return this;
    }
}

internal static class Check
{
    public static readonly PolicyContext Policy = new()
    {
        GatekeeperCidrs = ["203.0.113.0/24"],
        OnPremCidrs = ["10.1.0.0/16"],
        Parent = new ParentExclusions { Cidrs = ["198.18.0.0/15", "172.20.0.0/16"] },
    };

    public static IReadOnlyList<Finding> Run(IRule rule, ResourceGraph graph, PolicyContext? policy = null) =>
        rule.Evaluate(new RuleContext(graph, policy ?? Policy)).ToList();

    /// <summary>The finding of a rule on the resource with that logical name.</summary>
    public static Finding On(this IReadOnlyList<Finding> findings, string name) =>
        findings.Single(f => f.Urn.EndsWith("::" + name, StringComparison.Ordinal));
}
