using Enclave.Policy.Graph;
using Enclave.Policy.Network;

namespace Enclave.Policy.Rules.Reachability;

/// <summary>
/// ENC-NET-103: packets arriving over private connections (DRG: IPSec, FastConnect, remote peering; local
/// peering) reach data only from gatekeeper ranges (gatekeeper CIDRs and the configured on-prem ranges).
/// </summary>
public sealed class OnPremReachesDataOnlyFromGatekeeperRanges : IRule
{
    public RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-103",
        "On-prem and peered networks reach data only from gatekeeper ranges",
        Severity.High,
        Enforcement.Mandatory,
        "Private connections are the gatekeepers' door into the enclave. Every source range that can arrive over " +
        "a DRG or a peering and pass the data's route table, security lists and NSGs must lie inside the " +
        "gatekeeper ranges (gatekeeperCidrs and network.onPremCidrs); BGP-learned, remote-peering or broad " +
        "ranges would let other networks in.",
        "Narrow the IPSec static routes, VCN routes to the DRG and ingress rules on data subnets and database " +
        "NSGs to the gatekeeper on-prem ranges, or add the range to network.onPremCidrs once the gatekeepers approve it.");

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var report = ReachabilityReport.For(context);
        foreach (var problem in ReachabilityFindings.Problems(Info.Id, context, report, "network.onPremCidrs", "gatekeeperCidrs"))
            yield return problem;
        foreach (var target in report.Targets)
            yield return ReachabilityFindings.For(Info.Id, target,
                report.PathsTo(target, OriginKind.PrivateConnection).Select(p => (p, p.Truth.And(report.IsApproved(p).Not()))),
                "over private connections from outside the gatekeeper ranges");
    }
}
