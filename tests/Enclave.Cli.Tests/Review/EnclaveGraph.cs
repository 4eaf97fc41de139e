using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// Hand-written enclave graphs for review tests: a stack with a network component (VCN, data subnet, database
/// NSG and its ingress rule), a protected Autonomous Database with a secret admin password, an audit bucket and
/// a key. Tests derive the head of a diff by editing a copy.
/// </summary>
public sealed class EnclaveGraph
{
    public const string Stack = "prod";
    public const string Project = "us-data-enclave";
    public const string StackUrn = "urn:pulumi:prod::us-data-enclave::pulumi:pulumi:Stack::us-data-enclave-prod";

    private readonly Dictionary<string, ResourceNode> _byName = new(StringComparer.Ordinal);

    public static EnclaveGraph Base()
    {
        var g = new EnclaveGraph();
        g.Add(new ResourceNode(StackUrn, "pulumi:pulumi:Stack", "us-data-enclave-prod", false, PropertyValue.Null, null, [],
            ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal), null, null, false, MapValue.Empty, MapValue.Empty));
        g.Add("enclave:network:Network", "network", PropertyValue.Map(), custom: false);
        g.Add("oci:Core/vcn:Vcn", "vcn", PropertyValue.Map(
            ("cidrBlock", PropertyValue.Of("10.30.0.0/16")),
            ("compartmentId", PropertyValue.Of("ocid1.compartment.oc1..aaaaexampleenclave")),
            ("dnsLabel", PropertyValue.Of("usdeprod"))), parent: "network");
        g.Add("oci:Core/subnet:Subnet", "data", PropertyValue.Map(
            ("cidrBlock", PropertyValue.Of("10.30.1.0/24")),
            ("prohibitPublicIpOnVnic", PropertyValue.Of(true)),
            ("vcnId", PropertyValue.Unknown)), parent: "network");
        g.Add("oci:Core/networkSecurityGroup:NetworkSecurityGroup", "db-nsg", PropertyValue.Map(
            ("displayName", PropertyValue.Of("usde-prod-db")), ("vcnId", PropertyValue.Unknown)), parent: "network");
        g.Add("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "db-ingress", PropertyValue.Map(
            ("direction", PropertyValue.Of("INGRESS")),
            ("networkSecurityGroupId", PropertyValue.Unknown),
            ("protocol", PropertyValue.Of("6")),
            ("source", PropertyValue.Of("10.30.2.0/24")),
            ("sourceType", PropertyValue.Of("CIDR_BLOCK")),
            ("tcpOptions", PropertyValue.Map(("destinationPortRange", PropertyValue.Map(
                ("max", PropertyValue.Of(1522)), ("min", PropertyValue.Of(1522))))))), parent: "network");
        g.Add("oci:Database/autonomousDatabase:AutonomousDatabase", "adb", PropertyValue.Map(
            ("adminPassword", PropertyValue.Secret),
            ("dbName", PropertyValue.Of("usdeprod")),
            ("isMtlsConnectionRequired", PropertyValue.Of(true)),
            ("subnetId", PropertyValue.Unknown)), protect: true);
        g.Add("oci:ObjectStorage/bucket:Bucket", "audit-archive", PropertyValue.Map(
            ("accessType", PropertyValue.Of("NoPublicAccess")),
            ("name", PropertyValue.Of("usde-prod-audit")),
            ("namespace", PropertyValue.Of("usdeexample"))));
        g.Add("oci:Kms/key:Key", "data-key", PropertyValue.Map(
            ("keyShape", PropertyValue.Map(("algorithm", PropertyValue.Of("AES")), ("length", PropertyValue.Of(32)))),
            ("protectionMode", PropertyValue.Of("HSM"))));
        return g;
    }

    public EnclaveGraph Copy()
    {
        var g = new EnclaveGraph();
        foreach (var (k, v) in _byName) g._byName[k] = v;
        return g;
    }

    public ResourceNode this[string name] => _byName[name];

    public static string UrnOf(string type, string name, string? parentType = null) =>
        $"urn:pulumi:{Stack}::{Project}::pulumi:pulumi:Stack${(parentType is null ? "" : parentType + "$")}{type}::{name}";

    public EnclaveGraph Add(string type, string name, MapValue inputs, string? parent = null, bool custom = true, bool protect = false)
    {
        var parentNode = parent is null ? _byName["us-data-enclave-prod"] : _byName[parent];
        var parentType = parent is null ? null : parentNode.Type;
        return Add(ResourceNode.Create(UrnOf(type, name, parentType), type, name, custom, inputs, parentNode.Urn, protect,
            region: custom ? "us-ashburn-1" : null));
    }

    public EnclaveGraph Add(ResourceNode node)
    {
        _byName[node.Name] = node;
        return this;
    }

    public EnclaveGraph Remove(string name)
    {
        _byName.Remove(name);
        return this;
    }

    /// <summary>Sets (or with null removes) one top-level input of a resource.</summary>
    public EnclaveGraph Set(string name, string key, PropertyValue? value)
    {
        var node = _byName[name];
        var fields = value is null ? node.Inputs.Fields.Remove(key) : node.Inputs.Fields.SetItem(key, value);
        _byName[name] = node with { Inputs = new MapValue(fields) };
        return this;
    }

    public EnclaveGraph Edit(string name, Func<ResourceNode, ResourceNode> edit)
    {
        _byName[name] = edit(_byName[name]);
        return this;
    }

    public ResourceGraph Build() => new(Stack, Project, GraphOrigin.Program, _byName.Values, source: "test");
}
