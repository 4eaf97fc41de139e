using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>The enclave declares no NAT gateway: egress goes to Oracle services only.</summary>
public sealed class NoNatGateway : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-004", "No NAT gateway", Severity.High, Enforcement.Mandatory,
        "A NAT gateway gives the enclave outbound internet access, an exfiltration path that bypasses the gatekeepers' firewall.",
        "Remove the NatGateway; route Oracle service traffic through the service gateway.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var nats = context.Graph.OfType(OciTypes.NatGateway).ToList();
        if (nats.Count == 0)
            sink.Pass(Scope.StackUrn(context.Graph), "no NAT gateway declared");
        foreach (var nat in nats)
            sink.Fail(nat.Urn, $"{nat.Label}: NAT gateway declared (blockTraffic: {nat.Input("blockTraffic")})");
    }
}
