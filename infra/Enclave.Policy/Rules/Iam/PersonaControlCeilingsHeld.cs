using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.ControlPlane;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-041: what each persona may change stays under its control ceiling (<see cref="ControlCeilings"/>): auditors
/// change nothing, operators only the database and its placement, storage admins only objects; the shape of the
/// enclave (network, connectors, Cloud Guard, events, topics, logging, keys) is the gatekeepers' alone, and they change
/// nothing else (no compute, no Resource Manager, no users, credentials or identity domains made out of band).
/// </summary>
public sealed class PersonaControlCeilingsHeld : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-041", "Personas change only what their role needs", Severity.Critical, Enforcement.Mandatory,
        "US oversight that can also change what it oversees (disable a Cloud Guard detector, rewrite an event rule) is no oversight, and an operator or storage admin who can manage the network, a service connector or a topic can open a route or redirect the audit trail without any data grant: the firewall's shape must stay with the gatekeepers.",
        "Auditors: inspect anything, read only configuration and logs (no Resource Manager state, console histories, Data Safe reports or function configs). Operators: use/manage only the autonomous-database types, objects and buckets (held to ENC-IAM-009), key-delegate, and use of subnets, VNICs, NSGs, private IPs and Bastion sessions for the database's endpoint. Storage admins: object-family only. Operators and storage admins read only what auditors may, what they may change, and (operators) Data Safe's assessments (data-safe-assessment-family: never discovery, masking, audit events or SQL collections, which hold samples of the data); by permission, only inspect and data permissions. Gatekeepers: the enclave's shape (tenancy IAM but users, credentials and identity domains; compartments, tags, network, keys and secrets, logging, connectors, topics, Bastion, Cloud Guard, events, security zones, objects and the database within ENC-IAM-009), never instances, functions, Resource Manager or Data Safe discovery; they read what auditors may and what they change.");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var judge = DataAccessJudge.For(context);
        foreach (var s in distinct)
        {
            // Reads too: every persona's reads are held to configuration, logs and what it runs.
            // Stryker disable once Statement,Logical : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow } g || !ControlCeilings.AboveInspect(g.Access)) continue;
            foreach (var standing in judge.Standings(s))
                if (standing.Persona is { } persona && ControlCeilings.Problem(persona, g.Access) is { } problem)
                    yield return (s, $"{standing.Who} ({persona}): {problem}");
        }
    }
}
