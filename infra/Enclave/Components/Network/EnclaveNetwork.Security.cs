using Pulumi;
using Pulumi.Oci.Core;
using Pulumi.Oci.Core.Inputs;

namespace Enclave.Components.Network;

// Network security groups: the database listens only to the application tier and to the Bastion (admin subnet);
// the application tier may only talk to the database and to Oracle services over HTTPS. No rule mentions 0.0.0.0/0.
public sealed partial class EnclaveNetwork
{
    private const string Tcp = "6";
    private const int Https = 443;

    private (Output<string> Database, Output<string> App) DeclareSecurityGroups(Vcn vcn, Output<string> serviceLabel)
    {
        var database = NewGroup("db", vcn);
        var app = NewGroup("app", vcn);

        Rule("db-from-app", database, "INGRESS", app.Id, "NETWORK_SECURITY_GROUP", DatabasePort,
            // Stryker disable once String : a description, not a control (docs/testing.md)
            "Database listener from the application tier only.");
        Rule("db-from-admin", database, "INGRESS", _settings.Network.AdminSubnetCidr, "CIDR_BLOCK", DatabasePort,
            // Stryker disable once String : a description, not a control (docs/testing.md)
            "Database listener from the Bastion (admin subnet) for gatekeeper-approved sessions.");
        Rule("app-to-db", app, "EGRESS", database.Id, "NETWORK_SECURITY_GROUP", DatabasePort,
            // Stryker disable once String : a description, not a control (docs/testing.md)
            "Application tier to the database listener.");
        Rule("app-to-services", app, "EGRESS", serviceLabel, "SERVICE_CIDR_BLOCK", Https,
            // Stryker disable once String : a description, not a control (docs/testing.md)
            "Application tier to Oracle services of this region (HTTPS) through the service gateway.");
        return (database.Id, app.Id);
    }

    private NetworkSecurityGroup NewGroup(string tier, Vcn vcn) =>
        new(ChildName($"{tier}-nsg"), new NetworkSecurityGroupArgs
        {
            CompartmentId = _compartments.Network,
            VcnId = vcn.Id,
            DisplayName = DisplayName($"{tier}-nsg"),
        }, Options());

    // One TCP rule to a single port. For INGRESS the peer is the source, for EGRESS the destination.
    private void Rule(string local, NetworkSecurityGroup group, string direction, Input<string> peer, string peerType,
        int port, string description)
    {
        var args = new NetworkSecurityGroupSecurityRuleArgs
        {
            NetworkSecurityGroupId = group.Id,
            Direction = direction,
            Protocol = Tcp,
            Stateless = false,
            Description = description,
            TcpOptions = new NetworkSecurityGroupSecurityRuleTcpOptionsArgs
            {
                DestinationPortRange = new NetworkSecurityGroupSecurityRuleTcpOptionsDestinationPortRangeArgs
                {
                    Min = port,
                    Max = port,
                },
            },
        };
        if (direction == "INGRESS")
        {
            args.Source = peer;
            args.SourceType = peerType;
        }
        else
        {
            args.Destination = peer;
            args.DestinationType = peerType;
        }
        new NetworkSecurityGroupSecurityRule(ChildName(local), args, Options());
    }
}
