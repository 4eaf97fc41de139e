using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// Issue 10.6: the ranges the stack trusts (<c>gatekeeperCidrs</c>, <c>auditorCidrs</c>, <c>network.onPremCidrs</c>) are never near-open.
/// The config validator refuses them with the same definition (<see cref="Networks.NearOpen"/>); the gate checks again
/// because it also judges artifacts against contexts the validator never saw, and every rule that admits "a gatekeeper
/// range" (Bastion, network sources, IPSec routes, reachability) is only as narrow as these lists.
/// </summary>
public sealed class ConfiguredRangesNarrow : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-010", "Gatekeeper, auditor and on-premises ranges are not near-open", Severity.Critical, Enforcement.Mandatory,
        "Every door the gatekeepers keep (the Bastion, network sources, the DRG) admits \"the gatekeeper ranges\"; a near-open range there (0.0.0.0/1, 2000::/3, ::ffff:0.0.0.0/96) makes each of them an internet door.",
        "List in `gatekeeperCidrs`, `auditorCidrs` and `network.onPremCidrs` only the gatekeepers' own networks, each at least as narrow as `minimumPrefix` (default IPv4 /16, IPv6 /48).");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var p = context.Policy;
        var a = new Assessment();
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        foreach (var (key, list) in new[] { ("gatekeeperCidrs", p.GatekeeperCidrs), ("auditorCidrs", p.AuditorCidrs), ("network.onPremCidrs", p.OnPremCidrs) })
            foreach (var cidr in list)
            {
                var value = PropertyValue.Of(cidr);
                string? reason = null;
                var parses = Cidr.TryParse(cidr, out _);
                var open = parses ? Cidr.IsNearOpenValue(value, p.NetworkLimits, out reason) : Truth.True;
                // Stryker disable once Unary,Conditional : finding wording: which text a violation shows; the requirement (open.Not()) is still mutated (docs/testing.md)
                a.Require(open.Not(), $"{key} entry {cidr} is not near-open",
                    whenViolated: !parses ? $"{key} entry {cidr} is not a CIDR block" : $"{key} entry {cidr} {reason}");
            }
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        if (a.IsEmpty) a.Require(Truth.True, "no gatekeeper or on-premises ranges configured");
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        sink.Judge(Scope.StackUrn(context.Graph), "configured ranges", a);
    }
}
