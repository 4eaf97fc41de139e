using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The program restricts sign-in to the tenancy (the Default domain, where its administrators live) to the personas'
/// network sources: the gatekeepers' and US oversight's. Emptying or dropping that network policy lets anyone holding
/// a Default-domain password sign in from anywhere, the parent company's offices included; dropping the auditors'
/// network locks US oversight out. So the tenancy's authentication policy names a gatekeeper network and an auditor
/// network of the stack (each a network source of only public ranges inside <c>gatekeeperCidrs</c> /
/// <c>auditorCidrs</c>); that it names nothing else is ENC-IDN-110's. An authentication policy missing altogether is
/// ENC-IAM-032's.
/// </summary>
public sealed class SignInNetworksRequired : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-091", "Sign-in to the tenancy is restricted to the gatekeepers' and the auditors' networks", Severity.Critical, Enforcement.Mandatory,
        "Without a sign-in network policy anyone holding a Default-domain password (the tenancy's administrators among them) signs in from anywhere, the parent company's networks included; without the auditors' network in it, US oversight cannot sign in to audit.",
        "Keep networkPolicy.networkSourceIds of the tenancy's authentication policy as the program sets it: the stack's gatekeeper network source and its auditor network source, by reference to their ids.");  // Stack scope: it reads the stack's network sources (tags), so a resource alone cannot be judged.

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var graph = context.Graph;
        var sources = graph.OfType(OciTypes.NetworkSource).ToList();
        foreach (var policy in graph.OfType(OciTypes.AuthenticationPolicy))
        {
            var a = new Assessment();
            var reading = SignInNetworks.Read(graph, policy, sources);
            if (!SignInNetworks.Readable(a, reading, "its network policy is secret: no one can tell whether sign-in is restricted at all"))
            {
                // Secret or computed: recorded by the shared reading.
            }
            else if (reading.IsEmpty)
                a.Require(Truth.False, "restricts sign-in by network",
                    whenViolated: "sets no sign-in network policy: anyone holding a Default-domain password signs in from anywhere, the parent company's networks included");
            else
            {
                var gatekeepers = Truth.False;
                var auditors = Truth.False;
                foreach (var (id, named, match) in reading.Entries)
                {
                    if (match is not null)
                    {
                        gatekeepers = gatekeepers.Or(SignInNetworks.Inside(match, context.Policy.GatekeeperCidrs));
                        auditors = auditors.Or(SignInNetworks.Inside(match, context.Policy.AuditorCidrs));
                    }
                    else if (named != Truth.False)
                    {
                        // Computed: perhaps one of the sources it was built from (a secret: perhaps any of the stack's).
                        var could = id is UnknownValue ? reading.Candidates : sources;
                        foreach (var source in could)
                        {
                            gatekeepers = gatekeepers.Or(SignInNetworks.Inside(source, context.Policy.GatekeeperCidrs).And(Truth.Unknown));
                            auditors = auditors.Or(SignInNetworks.Inside(source, context.Policy.AuditorCidrs).And(Truth.Unknown));
                        }
                    }
                }
                a.Require(gatekeepers, "names the stack's gatekeeper network source",
                    whenViolated: "names no network source of only the gatekeepers' ranges: the gatekeepers cannot sign in, or sign-in is allowed from elsewhere");
                // US oversight's door, where the stack has an auditors' persona to keep it open for.
                if (context.Policy.AuditorGroup.Length > 0)
                    a.Require(auditors, "names the stack's auditor network source",
                        whenViolated: "names no network source of only the auditors' ranges: US oversight cannot sign in to audit");
            }
            sink.Judge(policy.Urn, policy.Label, a);
        }
    }
}
