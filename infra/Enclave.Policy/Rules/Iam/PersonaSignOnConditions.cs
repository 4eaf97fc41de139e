using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// Issue 11.4 (CIS 1.7, network sources): every grant to a human persona holds only for a user who signed in with MFA
/// and from that persona's own network source: the gatekeepers', operators' and storage admins' from a gatekeeper
/// network, the auditors' from an auditor (or gatekeeper) network. Judged by evaluating the where clause, so
/// <c>any {…}</c>, negations and patterns count as OCI would count them.
/// </summary>
public sealed class PersonaSignOnConditions : IamTextRule
{
    private const string Mfa = "request.user.mfaTotpVerified";
    private const string Network = "request.networkSource.name";

    public override RuleInfo Info { get; } = new(
        "ENC-IAM-031", "Persona grants hold only with MFA and from the persona's network", Severity.High, Enforcement.Mandatory,
        "A stolen password, or a session from a laptop in the parent company's office, must not reach the enclave: a persona's grant that holds without MFA, or from any network, is one phished credential away from the data and the controls.",
        "Give every statement granting to a persona group the condition all {request.user.mfaTotpVerified = 'true', request.networkSource.name = '<the persona's network source>'} (gatekeepers, operators and storage admins: a gatekeeper network source; auditors: the auditor network source), both inside its where clause's all {…}.",
        Cis: "1.7");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        Judged(context, distinct, Truth.False);

    protected override IEnumerable<(PolicyStatement, string)> DoubtText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        Judged(context, distinct, Truth.Unknown);

    private static IEnumerable<(PolicyStatement, string)> Judged(RuleContext context, IEnumerable<PolicyStatement> distinct, Truth wanted)
    {
        var ids = DataAccessJudge.For(context).Identities;
        foreach (var s in distinct)
        {
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: GroupSubject groups } g) continue;
            var personas = groups.Groups.Select(ids.PersonaOf).OfType<Persona>().Distinct().ToList();
            if (personas.Count == 0) continue;
            var problems = new List<string>();
            var mfa = ConditionProbe.Pins(g.Condition, [(Mfa, v => TruthLogic.Of(string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)))]);
            if (mfa == wanted) problems.Add(mfa == Truth.False
                ? $"holds without MFA ({Mfa} = 'true')"
                : "whether it holds only with MFA is known only at deploy");
            foreach (var persona in personas)
            {
                Func<string, Truth> allowed = persona == Persona.Auditor
                    ? name => ids.IsAuditorNetwork(name).Or(ids.IsGatekeeperNetwork(name))
                    : ids.IsGatekeeperNetwork;
                var network = ConditionProbe.Pins(g.Condition, [(Network, allowed)]);
                if (network == wanted) problems.Add(network == Truth.False
                    ? $"holds for the {persona} persona from networks other than its own ({Network} = the stack's {(persona == Persona.Auditor ? "auditor" : "gatekeeper")} network source)"
                    : $"whether the {persona} persona's network-source condition names its own network source is known only at deploy");
            }
            if (problems.Count > 0) yield return (s, string.Join("; ", problems));
        }
    }
}
