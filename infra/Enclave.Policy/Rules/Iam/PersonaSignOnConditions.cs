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

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-031", "Persona grants hold only with MFA and from the persona's network", Severity.High, Enforcement.Mandatory,
        "A stolen password, or a session from a laptop in the parent company's office, must not reach the enclave: a persona's grant that holds without MFA, or from any network, is one phished credential away from the data and the controls.",
        "Give every statement granting to a persona group the condition all {request.user.mfaTotpVerified = 'true', request.networkSource.name = '<the persona's network source>'} (gatekeepers, operators and storage admins: a gatekeeper network source; auditors: the auditor network source), both inside its where clause's all {…}.",
        Cis: "1.7");

    protected override IEnumerable<(PolicyStatement, Truth, string)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var ids = DataAccessJudge.For(context).Identities;
        var answers = new Dictionary<(Subject, Condition?), (string? Fails, string? Doubts)>();
        foreach (var s in distinct)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: GroupSubject groups } g) continue;
            // The answer reads only the subject and the condition: texts that differ in verb, resource or location
            // (the same grant in every workload's compartment) share it.
            if (!answers.TryGetValue((groups, g.Condition), out var known))
                answers[(groups, g.Condition)] = known = SignOnGaps(ids, groups, g.Condition);
            if (known.Fails is { } failed) yield return (s, Truth.False, failed);
            if (known.Doubts is { } doubted) yield return (s, Truth.Unknown, doubted);
        }
    }

    /// <summary>What the statement's personas' sign-on conditions lack (joined), and what is known only at deploy.</summary>
    private static (string? Fails, string? Doubts) SignOnGaps(EnclaveIdentities ids, GroupSubject groups, Condition? condition)
    {
            var personas = groups.Groups.Select(ids.PersonaOf).OfType<Persona>().Distinct().ToList();
            if (personas.Count == 0) return (null, null);
            // Each probe once: its failures and its "known only at deploy" are two objections of the statement.
            List<string>? fails = null, doubts = null;
            var mfa = ConditionProbe.Pins(condition, [(Mfa, v => TruthLogic.Of(string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)))]);
            if (mfa == Truth.False) (fails ??= []).Add($"holds without MFA ({Mfa} = 'true')");
            else if (mfa == Truth.Unknown) (doubts ??= []).Add("whether it holds only with MFA is known only at deploy");
            foreach (var persona in personas)
            {
                Func<string, Truth> allowed = persona == Persona.Auditor
                    ? name => ids.IsAuditorNetwork(name).Or(ids.IsGatekeeperNetwork(name))
                    : ids.IsGatekeeperNetwork;
                var network = ConditionProbe.Pins(condition, [(Network, allowed)]);
                if (network == Truth.False)
                    (fails ??= []).Add($"holds for the {persona} persona from networks other than its own ({Network} = the stack's {(persona == Persona.Auditor ? "auditor" : "gatekeeper")} network source)");
                else if (network == Truth.Unknown)
                    (doubts ??= []).Add($"whether the {persona} persona's network-source condition names its own network source is known only at deploy");
            }
            return (fails is null ? null : string.Join("; ", fails), doubts is null ? null : string.Join("; ", doubts));
    }
}
