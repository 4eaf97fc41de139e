using Enclave.Policy.Graph;
using Enclave.Policy.Network;

namespace Enclave.Policy.Rules.Reachability;

/// <summary>ENC-NET-102: no packet from an excluded parent-company network reaches a database or a data subnet.</summary>
public sealed class NoParentNetworkPathToData : IRule
{
    public RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-102",
        "No network path from parent-company networks to the enclave's data",
        Severity.Critical,
        Enforcement.Mandatory,
        "The foreign parent company's networks must never reach US user data. Its ranges may arrive over the " +
        "internet, over an on-prem link (IPSec, FastConnect) or over a peering, so every door of the data's VCN " +
        "is followed through routes, security lists and NSGs for each excluded range.",
        "Remove the route, connection or ingress rule named in the path: IPSec static routes and security rules " +
        "must not cover parent-company ranges, and peerings to parent-company VCNs must not exist.");

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var report = ReachabilityReport.For(context);
        foreach (var problem in ReachabilityFindings.Problems(Info.Id, context, report, "parentExclusions.cidrs"))
            yield return problem;
        var from = context.Policy.Parent.Cidrs.IsEmpty
            ? "from parent-company networks (none configured in parentExclusions.cidrs)"
            : "from parent-company networks";
        foreach (var target in report.Targets)
            yield return ReachabilityFindings.For(Info.Id, target,
                report.PathsTo(target, OriginKind.ParentCompany).Select(p => (p, p.Truth)), from);
    }
}
