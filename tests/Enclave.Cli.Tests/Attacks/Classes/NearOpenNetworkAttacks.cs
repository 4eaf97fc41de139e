using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Issue 10.6: ranges so wide they are the internet, in security rules, the Bastion and database ACLs.</summary>
public sealed class NearOpenNetworkAttacks : AttackClass
{
    public override string Name => "NearOpen";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("database NSG admits 0.0.0.0/1", "ENC-NET-005", p => p.Resource("network-db-from-admin").Set("source", "0.0.0.0/1"));
        yield return Attack("database NSG admits the global-unicast 2000::/3", "ENC-NET-005",
            p => p.Resource("network-db-from-admin").Set("source", "2000::/3"));
        yield return Attack("database NSG admits IPv4-mapped any", "ENC-NET-005",
            p => p.Resource("network-db-from-admin").Set("source", "::ffff:0.0.0.0/96"));
        yield return Attack("database NSG admits ::/0", "ENC-NET-005", p => p.Resource("network-db-from-admin").Set("source", "::/0"));
        yield return Attack("stateless database NSG rule from 10.0.0.0/8", "ENC-NET-005",
            p => p.Resource("network-db-from-admin").Set("source", "10.0.0.0/8").Set("stateless", true));
        yield return Attack("NSG rule of a misspelt direction from the internet", "ENC-NET-005",
            p => p.Resource("network-app-to-services").Set("direction", "BOTH").Set("source", "0.0.0.0/0").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("bastion allow-list widened to 0.0.0.0/1", "ENC-NET-009",
            p => p.Resource("network-bastion").Append("clientCidrBlockAllowLists", "0.0.0.0/1"));
        yield return Attack("bastion allow-list of IPv4-mapped any", "ENC-NET-009",
            p => p.Resource("network-bastion").Set("clientCidrBlockAllowLists", Value.List("::ffff:0.0.0.0/96")));
        yield return Attack("database access list of 0.0.0.0/2", "ENC-DB-006",
            p => p.Resource("database-adb", "oci:Database/autonomousDatabase:AutonomousDatabase").Set("whitelistedIps", Value.List("0.0.0.0/2")));
    }
}
