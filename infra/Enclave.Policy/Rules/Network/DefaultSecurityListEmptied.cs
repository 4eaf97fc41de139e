using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// R10 / CIS 2.5: every VCN's default security list is taken over by a DefaultSecurityList resource that allows no
/// ingress except ICMP from inside the VCN and no egress to the internet except ICMP.
/// </summary>
public sealed class DefaultSecurityListEmptied : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-006", "Default security list is emptied", Severity.High, Enforcement.Mandatory,
        "Oracle creates every VCN with a default security list that admits SSH from 0.0.0.0/0; any subnet that falls back to it is exposed.",
        "Declare `oci.Core.DefaultSecurityList` with `manageDefaultResourceId = vcn.DefaultSecurityListId` and no rules (or ICMP within the VCN only).",
        Cis: "2.5");

    private static readonly string[] Vcns = [OciTypes.Vcn];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        var (claims, anyVcn) = Claims(g, vcns);
        foreach (var vcn in g.OfType(OciTypes.Vcn))
        {
            // The first certain claim names the manager; managers tied to no VCN may manage any (an unknown claim).
            var vcnClaims = claims.GetValueOrDefault(vcn);
            var manager = vcnClaims?.Find(c => c.Claim == Truth.True).Manager;
            if (manager is null)
            {
                sink.Add(anyVcn.Count > 0 || vcnClaims?.Exists(c => c.Claim == Truth.Unknown) == true
                    ? Undetermined(vcn.Urn, $"{vcn.Label}: which DefaultSecurityList manages its default list is not known until deploy")
                    : Fail(vcn.Urn, $"{vcn.Label}: default security list is not managed (Oracle's default admits SSH from 0.0.0.0/0)"));
                continue;
            }
            IReadOnlyList<string>? cidrs = null; // read only when an ingress rule needs them (most lists are empty)
            var a = new Assessment();
            var rules = SecurityRules.Of(manager);
            foreach (var rule in rules)
            {
                var icmp = rule.Protocol.EqualsString("1");
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (rule.Ingress)
                    a.Require(icmp.And(Cidr.WithinAny(rule.Peer, cidrs ??= VcnCidrs(vcn))), $"{rule.Where} is ICMP from within the VCN (protocol {rule.Protocol}, source {rule.Peer})");
                else
                    a.Require(icmp.Or(Cidr.IsAnywhereValue(rule.Peer).Not()), $"{rule.Where} does not send non-ICMP traffic to the internet");
            }
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            if (rules.Count == 0) a.Require(Truth.True, "no rules");
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            sink.Judge(vcn.Urn, $"{vcn.Label} (default list managed by {manager.Name})", a);
        }
    }

    /// <summary>
    /// Which VCN each DefaultSecurityList may manage: its <c>manageDefaultResourceId</c> is a VCN's
    /// <c>defaultSecurityListId</c> output (known), or came from a VCN (property dependencies). Managers that cannot be
    /// tied to any VCN may manage any of them.
    /// </summary>
    private static (Dictionary<ResourceNode, List<(ResourceNode Manager, Truth Claim)>> Claims, List<ResourceNode> AnyVcn) Claims(
        ResourceGraph g, HashSet<ResourceNode> vcns)
    {
        var byDefaultList = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var vcn in vcns)
            if (vcn.Outputs["defaultSecurityListId"].AsString() is { } id) byDefaultList.TryAdd(id, vcn);
        var claims = new Dictionary<ResourceNode, List<(ResourceNode, Truth)>>(ReferenceEqualityComparer.Instance);
        var anyVcn = new List<ResourceNode>();
        foreach (var manager in g.OfType(OciTypes.DefaultSecurityList))
        {
            var value = manager.Input("manageDefaultResourceId");
            var candidates = new List<ResourceNode>();
            if (value.AsString() is { } known && byDefaultList.TryGetValue(known, out var owner)) candidates.Add(owner);
            if (manager.PropertyDependencies.TryGetValue("manageDefaultResourceId", out var deps))
            {
                foreach (var urn in deps)
                    if (g.ByUrn(urn) is { } dep && vcns.Contains(dep) && !candidates.Exists(c => ReferenceEquals(c, dep))) candidates.Add(dep);
            }
            else if (value is UnknownValue or SecretValue) { anyVcn.Add(manager); continue; }
            foreach (var vcn in candidates)
            {
                var claim = References.Identifies(g, manager, "manageDefaultResourceId", value, vcn, Vcns, vcn.Outputs["defaultSecurityListId"]);
                if (claim == Truth.False) continue;
                if (!claims.TryGetValue(vcn, out var list)) claims[vcn] = list = [];
                list.Add((manager, claim));
            }
        }
        return (claims, anyVcn);
    }

    private static IReadOnlyList<string> VcnCidrs(Enclave.Policy.Graph.ResourceNode vcn) =>
        vcn.Input("cidrBlocks").AsList().Select(c => c.AsString()).Append(vcn.Input("cidrBlock").AsString()).OfType<string>().ToList();
}
