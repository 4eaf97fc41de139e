using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The tenancy's authentication policy may restrict every sign-in and API call to a list of network sources
/// (<c>networkPolicy.networkSourceIds</c>). That list is a perimeter like any <c>request.networkSource.name</c>
/// condition: an allow-list of the stack's own network sources, each one the personas' narrow network
/// (<see cref="NetworkSourcesNarrow"/>). An OCID of a network source the stack does not declare is one the parent
/// company (or anyone with IAM rights outside the enclave) defines and widens at will; a secret list is one no one can
/// read. That the list is set at all, and lets the personas in, is ENC-IDN-091's.
/// </summary>
public sealed class SignInNetworksDeclared : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-110", "The sign-in network policy names only the stack's narrow network sources", Severity.Critical, Enforcement.Mandatory,
        "The authentication policy's network sources decide where anyone may sign in from: one the stack does not declare is defined (and widened) outside the enclave, a near-open one lets sign-ins come from anywhere, and a secret or unreadable list may name either.",
        "List in networkPolicy.networkSourceIds only network sources this stack declares (by reference to their id), each inside gatekeeperCidrs or auditorCidrs and never near-open; never make the list secret.");  // Stack scope: it reads the stack's network sources (tags), so a resource alone cannot be judged.

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var graph = context.Graph;
        var sources = graph.OfType(OciTypes.NetworkSource).ToList();
        var judged = false;
        foreach (var policy in graph.OfType(OciTypes.AuthenticationPolicy))
        {
            judged = true;
            var a = new Assessment();
            var reading = SignInNetworks.Read(graph, policy, sources);
            if (SignInNetworks.Readable(a, reading, "its network policy is secret: no one can tell where sign-ins may come from"))
                foreach (var (id, named, match) in reading.Entries)
                    Judge(a, id, named, match, context.Policy);
            if (a.IsEmpty) a.Require(Truth.True, "names no network source (sign-in is not restricted by network)");
            sink.Judge(policy.Urn, policy.Label, a);
        }
        if (!judged) sink.Pass(Scope.StackUrn(graph), "no authentication policy: sign-in is not restricted by network");
    }

    private static void Judge(Assessment a, PropertyValue id, Truth named, ResourceNode? match, PolicyContext context)
    {
        if (id.IsSecret)
        {
            a.Require(Truth.False, "each network source id is readable", whenViolated: "names a network source by a secret id: no one can tell which");
            return;
        }
        // The stack's network source it names (certainly, else perhaps), judged as ENC-IDN-006 judges it.
        if (match is null)
        {
            a.Require(named, $"network source {SignInNetworks.Shown(id)} is one this stack declares",
                whenViolated: $"names network source {SignInNetworks.Shown(id)}, which this stack does not declare (or, computed, is one more than the stack's network sources it was built from): it is defined (and can be widened) outside the enclave");
            return;
        }
        var narrow = NetworkSourcesNarrow.Assess(match, context).Outcome;
        a.Require(narrow, $"network source {match.Label} is a narrow persona network (ENC-IDN-006)",
            whenViolated: $"names network source {match.Label}, which is near-open, lists ranges outside the gatekeeper and auditor CIDRs or all services (ENC-IDN-006)");
    }
}
