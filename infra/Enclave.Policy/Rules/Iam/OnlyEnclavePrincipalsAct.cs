using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-040: the allow-list of ENC-IAM-008 for every resource type, not only the data-bearing ones. A group off the
/// list that may manage the network, the connectors, Cloud Guard, the event rules, the topics, tags, instances or
/// functions can open a path to the data or blind the oversight out of band, where no gate looks. Outsiders get
/// nothing, not even inspect: names, OCIDs and metadata of the enclave's resources (its buckets, its database, its
/// network) are the map an intruder works from, and a grant that exists for an outsider is a grant a later change
/// widens with one word.
/// </summary>
public sealed class OnlyEnclavePrincipalsAct : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-040", "Only the declared personas and the enclave's own principals act in the enclave", Severity.Critical, Enforcement.Mandatory,
        "The gate judges what the program declares; whoever else may change the enclave (another team managing the network, service connectors, Cloud Guard, event rules, notification topics, tags, instances or functions) can add an internet route, redirect the audit archive or switch off a detector out of band, where no gate and no review looks.",
        "Grant anything (even inspect) only to the persona groups of the stack config (within their ceilings, ENC-IAM-041), the stack's own dynamic groups, allowed service principals, or any-user pinned to the enclave's own principals.");

    // Failures and "known only at deploy" in one pass over the distinct texts (IamTextRule orders them).
    protected override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var judge = DataAccessJudge.For(context);
        foreach (var s in distinct)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow } g) continue;
            foreach (var standing in judge.Standings(s))
                if (standing.Allowed != Truth.True)
                    yield return (s, standing.Allowed, $"{standing.Why}, and it may {What(g.Access)}; outside the allow-list a principal may hold nothing, not even inspect");
        }
    }

    private static string What(Access access) => access switch
    {
        VerbAccess v => $"{v.Verb.ToString().ToLowerInvariant()} {v.ResourceType}",
        PermissionAccess p => $"hold {string.Join(", ", p.Permissions)}",
        _ => "associate resources",
    };
}
