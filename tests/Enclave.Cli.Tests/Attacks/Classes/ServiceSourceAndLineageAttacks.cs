using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Two fail-open suspicions in the NSG rules, each with its legitimate counterpart.
/// <list type="bullet">
/// <item>Ingress from the Oracle Services Network (a <c>SERVICE_CIDR_BLOCK</c> source) where the stack says Object
/// Storage only: the all-services label must fail ENC-NET-011 in a preview (where the rule is an update with a diff)
/// exactly as in an export.</item>
/// <item>Lineage as a passport: a hand-edited preview records a rule's known NSG peer as built from a new NSG (no id
/// yet), but the string is another tenancy's NSG. Lineage may vouch for a value that is not known yet, never for a
/// known string, which must be the id of an NSG of the stack.</item>
/// </list>
/// </summary>
public sealed class ServiceSourceAndLineageAttacks : AttackClass
{
    private const string Nsg = "oci:Core/networkSecurityGroup:NetworkSecurityGroup";
    private const string ParentNsg = "ocid1.networksecuritygroup.oc1.iad.aaaaaaaaexampleparentconsg";
    private const string AllServices = "all-iad-services-in-oracle-services-network";
    private const string ObjectStorage = "oci-iad-objectstorage";

    // A new NSG in the stack's VCN: a create step, so its id is not known in a preview.
    private static ResourceEdit NewNsg(Prod p) => p.Add(Nsg, "network-decoy-nsg", new JsonObject
    {
        ["compartmentId"] = p.Resource("network-db-nsg").Inputs["compartmentId"]!.DeepClone(),
        ["vcnId"] = p.Resource("network-db-nsg").Inputs["vcnId"]!.DeepClone(),
        ["displayName"] = "decoy-nsg",
    }, "network-db-nsg");

    // Records input `key` of `rule` as built from `from` (what a preview's propertyDependencies say).
    private static ResourceEdit BuiltFrom(ResourceEdit rule, string key, ResourceEdit from)
    {
        var deps = rule.Json["propertyDependencies"] as JsonObject ?? new JsonObject();
        deps[key] = new JsonArray(from.Urn);
        rule.Json["propertyDependencies"] = deps;
        return rule;
    }

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("database NSG admits all Oracle services where the stack says Object Storage only", "ENC-NET-011",
            p => p.Resource("network-db-from-admin").Set("source", AllServices).Set("sourceType", "SERVICE_CIDR_BLOCK"));
        yield return Attack("database NSG admits all Oracle services with the source type unreadable", "ENC-NET-011",
            p => p.Resource("network-db-from-admin").Set("source", AllServices).Unknown("sourceType"));
        // A service source a preview cannot read at all: a doubt would be advisory in a preview (and ENC-NET-030 admits
        // every service label), so it passed; ENC-NET-011 now fails it (the program's label is known at preview).
        yield return Attack("database NSG admits an Oracle services label the preview cannot read", "ENC-NET-011",
            p => p.Resource("network-db-from-admin").Unknown("source").Set("sourceType", "SERVICE_CIDR_BLOCK"), Forms.Preview);
        yield return Attack("database NSG admits all Oracle services through a new ingress rule", "ENC-NET-011",
            p => p.Add("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "network-db-from-services", new JsonObject
            {
                ["networkSecurityGroupId"] = p.Resource("network-db-from-admin").Inputs["networkSecurityGroupId"]!.DeepClone(),
                ["direction"] = "INGRESS", ["protocol"] = "6", ["stateless"] = false,
                ["source"] = AllServices, ["sourceType"] = "SERVICE_CIDR_BLOCK",
            }, "network-db-from-admin"));
        yield return Legitimate("database NSG admits the Object Storage service label instead of the admin subnet",
            p => p.Resource("network-db-from-admin").Set("source", ObjectStorage).Set("sourceType", "SERVICE_CIDR_BLOCK"));

        // Preview only: in an export every NSG has its id, so there is no id-less NSG for lineage to point at.
        yield return Attack("database NSG admits a parent NSG recorded as built from a new NSG", "ENC-NET-030",
            p => { var decoy = NewNsg(p); return BuiltFrom(p.Resource("network-db-from-app").Set("source", ParentNsg), "source", decoy).Urn; },
            Forms.Preview);
        yield return Attack("app tier sends to a parent NSG recorded as built from a new NSG", "ENC-NET-070",
            p => { var decoy = NewNsg(p); return BuiltFrom(p.Resource("network-app-to-db").Set("destination", ParentNsg), "destination", decoy).Urn; },
            Forms.Preview);
        yield return Legitimate("database NSG admits a new NSG of the stack, its id not known yet", p =>
        {
            var decoy = NewNsg(p);
            BuiltFrom(p.Resource("network-db-from-app").Set("source", Value.Unknown), "source", decoy);
        }, Forms.Preview);
    }
}
