using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Wiring to objects the stack does not declare (ENC-GOV-023), and parent-company ranges spelled another way
/// (ENC-NET-008): each passed the gate before it was closed.
/// </summary>
public sealed class ForeignWiringAttacks : AttackClass
{
    public override string Name => "ForeignWiring";

    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Secret = "oci:Vault/secret:Secret";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("data subnet routed by a route table outside the stack", "ENC-GOV-023",
            p => p.Resource("network-data").Set("routeTableId", "ocid1.routetable.oc1.iad.aaaaaaaaanotherteamsroutes"));
        yield return Attack("data subnet guarded by a security list outside the stack", "ENC-GOV-023",
            p => p.Resource("network-data").Append("securityListIds", "ocid1.securitylist.oc1.iad.aaaaaaaaanotherteamslist"));
        yield return Attack("database placed in an NSG outside the stack", "ENC-GOV-023",
            p => p.Resource("database-adb", Adb).Set("nsgIds", Value.List("ocid1.networksecuritygroup.oc1.iad.aaaaaaaaforeignnsg")));
        yield return Attack("bastion aimed at a subnet outside the stack", "ENC-GOV-023",
            p => p.Resource("network-bastion").Set("targetSubnetId", "ocid1.subnet.oc1.iad.aaaaaaaaforeignsubnet"));
        yield return Attack("the database admin secret kept in another vault", "ENC-GOV-023",
            p => p.Resource(p.OfType(Secret).First().Name).Set("vaultId", "ocid1.vault.oc1.iad.aaaaaaaaforeignvault"));
        yield return Attack("the database admin secret encrypted with another key", "ENC-GOV-023",
            p => p.Resource(p.OfType(Secret).First().Name).Set("keyId", "ocid1.key.oc1.iad.aaaaaaaaforeignkey"));
        yield return Attack("data flow log written to a log group outside the stack", "ENC-GOV-023",
            p => p.Resource("network-data-flow-log").Set("logGroupId", "ocid1.loggroup.oc1.iad.aaaaaaaaforeign"));
        yield return Attack("a second connector shipping the audit log to a foreign stream", "ENC-GOV-023", p =>
        {
            var c = p.Resource("oversight-archive-us-ashburn-1-connector");
            var inputs = (JsonObject)c.Inputs.DeepClone();
            inputs["target"] = new JsonObject { ["kind"] = "streaming", ["streamId"] = "ocid1.stream.oc1.iad.aaaaaaaaforeignstream" };
            inputs["displayName"] = "siem-copy";
            return p.Add(c.Type, "oversight-siem-copy", inputs, sibling: c.Name);
        });
        yield return Attack("database NSG admits a parent range written as IPv4-mapped IPv6", "ENC-NET-008",
            p => p.Resource("network-db-from-admin").Set("source", "::ffff:10.128.0.0/112"));
        yield return Attack("database NSG admits a parent range written with leading zeros", "ENC-NET-008",
            p => p.Resource("network-db-from-admin").Set("source", "010.128.000.000/16"));

        yield return Legitimate("data subnet guarded by the app subnet's security list too", p =>
        {
            var list = p.Resource("network-app").Get("securityListIds[0]")!.DeepClone();
            p.Resource("network-data").Append("securityListIds", list);
        });
        yield return Legitimate("the standby flow log moved to the primary's flow log group", p =>
            p.Resource("network-standby-data-flow-log").Set("logGroupId", p.Resource("network-standby-admin-flow-log").Get("logGroupId")!.DeepClone()));
    }
}
