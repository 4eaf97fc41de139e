using Enclave.Policy.Graph;
using Enclave.Policy.Network;

namespace Enclave.Policy.Rules.Reachability;

/// <summary>ENC-NET-101: no packet from the internet reaches a database or a data subnet.</summary>
public sealed class NoInternetPathToData : IRule
{
    public RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-101",
        "No network path from the internet to the enclave's data",
        Severity.Critical,
        Enforcement.Mandatory,
        "The enclave's databases and data subnets must not be reachable from the internet on any port: an open " +
        "path exists when an enabled internet gateway, a subnet that allows public IPs, a return route to that " +
        "gateway and a security-list or NSG rule admitting internet sources line up, or when an Autonomous " +
        "Database has no private endpoint and an open ACL.",
        "Break the path at any hop, preferably several: remove the internet gateway from the enclave VCN, set " +
        "prohibitPublicIpOnVnic=true on data subnets, drop 0.0.0.0/0 routes to the internet gateway, restrict " +
        "ingress rules to the app NSG, and give every Autonomous Database a subnetId (private endpoint).",
        Cis: "2.1, 2.2, 2.3, 2.4, 2.8");

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var report = ReachabilityReport.For(context);
        foreach (var target in report.Targets)
            yield return ReachabilityFindings.For(Info.Id, target,
                report.PathsTo(target, OriginKind.Internet).Select(p => (p, p.Truth)), "from the internet");
    }
}
