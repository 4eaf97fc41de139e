using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Network sources say where sign-ins and API calls may come from (<c>request.networkSource.name</c> conditions,
/// authentication policies). A public range must lie inside the gatekeepers' or the auditors' CIDRs, no range (public or of a VCN) may
/// be near-open, and <c>services: all</c> (every OCI service's traffic) is not a source the gatekeepers control.
/// </summary>
public sealed class NetworkSourcesNarrow : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-006", "Network sources are the gatekeepers' networks, never near-open or all services", Severity.High, Enforcement.Mandatory,
        "A network source is the perimeter every condition on it trusts: a near-open range or `services: all` turns \"only from the gatekeepers' networks\" into \"from anywhere\".",
        "List only CIDRs inside `gatekeeperCidrs` or `auditorCidrs` in publicSourceLists, narrow VCN ranges (see `minimumPrefix`), and no `all` in services.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var policy = context.Policy;
        foreach (var source in context.Graph.OfType(OciTypes.NetworkSource))
            sink.Judge(source.Urn, source.Label, Assess(source, policy));
    }

    /// <summary>
    /// Is this network source one of the personas' narrow networks? The same judgement wherever a network source is
    /// trusted (here, and by the tenancy's sign-in network policy, ENC-IDN-110).
    /// </summary>
    internal static Assessment Assess(ResourceNode source, PolicyContext policy)
    {
        // The personas' own networks: the gatekeepers' and US oversight's (each persona's grants name its own source).
        var personaRanges = policy.GatekeeperCidrs.AddRange(policy.AuditorCidrs);
        var a = new Assessment();
        var publics = source.Input("publicSourceLists");
        AList(a, "publicSourceLists", publics);
        if (!publics.IsKnown) a.Require(Truth.Unknown, "its public ranges are inside the gatekeeper or auditor CIDRs");
        var items = publics.AsList();
        for (var i = 0; i < items.Length; i++)
        {
            var cidr = items[i];
            if (Unread(a, $"publicSourceLists[{i}]", cidr)) continue;
            NotNearOpen(a, "public range", cidr, policy);
            a.Require(Cidr.WithinAny(cidr, personaRanges), $"public range {cidr} is inside the gatekeeper or auditor CIDRs");
        }
        var virtuals = source.Input("virtualSourceLists");
        AList(a, "virtualSourceLists", virtuals);
        // Only a VCN entry's vcnId may be computed (a VCN of the stack, ENC-IDN-097): the entries themselves and their
        // ranges are literals, so one the gate cannot read hides whom the source trusts.
        if (!virtuals.IsKnown) Unread(a, "virtualSourceLists", virtuals);
        var entries = virtuals.AsList();
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = entries[e];
            if (Unread(a, $"virtualSourceLists[{e}]", entry)) continue;
            var ranges = entry["ipRanges"];
            AList(a, "a VCN entry's ipRanges", ranges);
            if (Unread(a, $"virtualSourceLists[{e}].ipRanges", ranges)) continue;
            var list = ranges.AsList();
            for (var r = 0; r < list.Length; r++)
                if (!Unread(a, $"virtualSourceLists[{e}].ipRanges[{r}]", list[r])) NotNearOpen(a, "VCN range", list[r], policy);
        }
        var services = source.Input("services");
        AList(a, "services", services);
        if (!services.IsKnown) a.Require(Truth.Unknown, "services does not include all");
        foreach (var service in services.AsList())
            a.Require(service.EqualsString("all", StringComparison.OrdinalIgnoreCase).Not(), $"service {service} is not all",
                whenViolated: "services includes all: every OCI service's traffic counts as coming from the network source");
        if (a.IsEmpty) a.Require(Truth.True, "lists no ranges or services");
        return a;
    }

    /// <summary>
    /// A known value where a list belongs (<c>"0.0.0.0/0"</c> for <c>["0.0.0.0/0"]</c>) holds ranges the gate would
    /// otherwise read as none: it counts against the change.
    /// </summary>
    private static void AList(Assessment a, string what, PropertyValue value)
    {
        if (value.IsKnown && !value.IsNull && value is not ListValue)
            a.Require(Truth.False, $"{what} is a list", whenViolated: $"{what} is {value}, not a list: the gate cannot read what it admits");
    }

    /// <summary>
    /// A range (or a VCN entry) the gate cannot read where it can read the list around it: a network source's ranges
    /// are the gatekeepers' literal addresses, never an id the cloud computes, so one unknown in a preview (an
    /// <c>Apply</c> over another resource's output, placed beside a VCN reference) or secret anywhere counts against
    /// the change instead of passing as "known only at deploy". True when <paramref name="value"/> was unread.
    /// </summary>
    private static bool Unread(Assessment a, string where, PropertyValue value)
    {
        if (value.IsKnown) return false;
        a.Require(Truth.False, $"{where} is readable",
            whenViolated: $"{where} is {(value.IsSecret ? "secret" : "computed, unknown until deploy")}: a network source's ranges are literal addresses, and one the gate cannot read may trust any network");
        return true;
    }

    private static void NotNearOpen(Assessment a, string what, PropertyValue range, PolicyContext policy)
    {
        var open = Cidr.IsNearOpenValue(range, policy.NetworkLimits, out var reason);
        a.Require(open.Not(), $"{what} {range} is not near-open", whenViolated: open == Truth.True ? $"{what} {range} {reason}" : null);
    }
}
