using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-090: a virtual circuit maps onto no cross-connect. The program declares no FastConnect, and a cross-connect
/// is a type the stack cannot hold (ENC-GOV-020), so a mapping names a physical port somebody else controls (a
/// parent company's colocation router): over it, BGP can announce any range, the gatekeepers' included, into the
/// stack's DRG. ENC-NET-072 keeps the circuit private and on a DRG of the stack; this keeps its other end in no one's hands.
/// </summary>
public sealed class VirtualCircuitsOnNoCrossConnect : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-090", "Virtual circuits map onto no cross-connect", Severity.Critical, Enforcement.Mandatory,
        "A cross-connect mapping ends the circuit on a physical port the stack does not hold, whose owner can announce any range (the gatekeepers' included) into the enclave's DRG over BGP.",
        "Leave crossConnectMappings unset or empty; on-premises links are IPSec tunnels to the gatekeepers' CPE (ENC-NET-007).");

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.VirtualCircuit, [Pin.UnsetOrEmpty("crossConnectMappings").NotDeployed("OCI lists the BGP peering addresses of a provider circuit here")]),
    ];
}
