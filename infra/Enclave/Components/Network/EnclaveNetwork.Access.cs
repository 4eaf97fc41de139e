using Pulumi;
using Pulumi.Oci.Core;
using Pulumi.Oci.Logging;
using OciLog = Pulumi.Oci.Logging.Log;
using Pulumi.Oci.Logging.Inputs;
using BastionArgs = Pulumi.Oci.Bastion.BastionArgs;
using BastionService = Pulumi.Oci.Bastion.Bastion;

namespace Enclave.Components.Network;

// Evidence and access: VCN flow logs on every subnet (CIS 4.13) and the Bastion, the only way in for people.
public sealed partial class EnclaveNetwork
{
    private IReadOnlyList<ShippedLog> DeclareFlowLogs(IReadOnlyList<(string Tier, Subnet Subnet)> subnets)
    {
        // Flow logs are audit evidence: the group and every log are protected so a `pulumi destroy` (or a rename)
        // cannot erase them.
        var group = new LogGroup(ChildName("flow-logs"), new LogGroupArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = DisplayName("flow-logs"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = "VCN flow logs of every enclave subnet.",
        }, Options(protect: true));

        return [.. subnets.Select(s =>
        {
            var log = new OciLog(ChildName($"{s.Tier}-flow-log"), new LogArgs
            {
                LogGroupId = group.Id,
                DisplayName = DisplayName($"{s.Tier}-subnet-flow-log"),
                LogType = "SERVICE",
                IsEnabled = true,
                RetentionDuration = _settings.Logging.LogRetentionDays,
                Configuration = new LogConfigurationArgs
                {
                    // The compartment of the logged resource (the subnet), not of the log.
                    CompartmentId = _compartments.Network,
                    Source = new LogConfigurationSourceArgs
                    {
                        Service = "flowlogs",
                        Category = "all",
                        Resource = s.Subnet.Id,
                        SourceType = "OCISERVICE",
                    },
                },
            }, Options(protect: true));
            return new ShippedLog(_compartments.Security, group.Id, log.Id);
        })];
    }

    // Standard Bastion on the admin subnet: sessions only from gatekeeper CIDRs and for at most 3 hours.
    private Output<string> DeclareBastion(Subnet admin)
    {
        var bastion = new BastionService(ChildName("bastion"), new BastionArgs
        {
            BastionType = "standard",
            CompartmentId = _compartments.Security,
            TargetSubnetId = admin.Id,
            Name = Naming.Alphanumeric($"{_settings.NamePrefix}{_placement.Role}bastion", maxLength: 255),
            ClientCidrBlockAllowLists = _settings.GatekeeperCidrs,
            MaxSessionTtlInSeconds = BastionSessionTtlSeconds,
        }, Options());
        return bastion.Id;
    }
}
