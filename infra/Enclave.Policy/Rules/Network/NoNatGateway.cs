using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>The enclave declares no NAT gateway: egress goes to Oracle services only.</summary>
public sealed class NoNatGateway : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-004", "No NAT gateway", Severity.High, Enforcement.Mandatory,
        "A NAT gateway gives the enclave outbound internet access, an exfiltration path that bypasses the gatekeepers' firewall.",
        "Remove the NatGateway; route Oracle service traffic through the service gateway.")
    {
        Scope = RuleScope.Resource,
    };

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var nats = context.Graph.OfType(OciTypes.NatGateway).ToList();
        if (nats.Count == 0)
            yield return Pass(Scope.StackUrn(context.Graph), "no NAT gateway declared");
        foreach (var nat in nats)
            yield return Fail(nat.Urn, $"{nat.Label}: NAT gateway declared (blockTraffic: {nat.Input("blockTraffic")})");
    }
}
