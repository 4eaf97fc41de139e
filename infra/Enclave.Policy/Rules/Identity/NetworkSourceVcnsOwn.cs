using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// A network source's VCN entries (<c>virtualSourceLists</c>) let requests from a VCN's private ranges count as coming
/// from the network source. ENC-IDN-006 holds the ranges narrow; which VCN they belong to no rule read, so an entry
/// naming the parent company's VCN (its ranges as narrow as any) made that VCN's hosts "the gatekeepers' network" to
/// every condition on the source. Each entry must name a VCN this stack declares.
/// </summary>
public sealed class NetworkSourceVcnsOwn : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-097", "A network source's VCN entries name only the stack's own VCNs", Severity.Critical, Enforcement.Mandatory,
        "A VCN entry of a network source trusts requests from that VCN's private ranges: naming a VCN outside the stack (the parent company's, another team's) lets hosts the gate never judges count as the personas' network in every condition and sign-in policy that names the source.",
        "In virtualSourceLists name only VCNs this stack declares (by reference to their id), or use public ranges inside gatekeeperCidrs or auditorCidrs.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var graph = context.Graph;
        var vcns = References.Set(graph.OfType(OciTypes.Vcn));
        foreach (var source in graph.OfType(OciTypes.NetworkSource))
        {
            var lists = source.Input("virtualSourceLists");
            var a = new Assessment();
            if (!lists.IsKnown) a.Require(Truth.Unknown, "each VCN entry names a VCN of this stack");
            else if (!lists.IsNull && lists is not ListValue)
                a.Require(Truth.False, "virtualSourceLists is a list of VCN entries",
                    whenViolated: $"virtualSourceLists is {lists}, not a list of VCN entries: the gate cannot tell which VCNs it trusts");
            var entries = lists.AsList();
            for (var i = 0; i < entries.Length; i++)
            {
                var vcn = entries[i]["vcnId"];
                var own = vcn.IsNull ? Truth.False : References.IdentifiesAny(graph, source, "virtualSourceLists", vcn, vcns);
                a.Require(own, $"virtualSourceLists[{i}] names a VCN of this stack",
                    whenViolated: vcn.IsNull ? $"virtualSourceLists[{i}] names no VCN: the gate cannot tell whose hosts it trusts"
                        : $"virtualSourceLists[{i}] names VCN {SignInNetworks.Shown(vcn)}, which this stack does not declare: its hosts would count as this network source");
            }
            if (a.IsEmpty) a.Require(Truth.True, "lists no VCN entries");
            sink.Judge(source.Urn, source.Label, a);
        }
    }
}
