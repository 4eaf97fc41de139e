using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// Who may reach the enclave's data, as an allow-list: on every data-bearing type (<see cref="DataTypes"/>) only the
/// declared personas, within their <see cref="PersonaCeilings"/>, and the enclave's own principals (its services,
/// its dynamic groups, principals a condition pins to its compartments or resources) may hold access. The one
/// evaluator behind rules ENC-IAM-008/009 (statement by statement) and <c>enclave access</c> (resource by
/// resource), so both tell the same truth. Answers depend on a statement's text only and are worked out once per
/// distinct text.
/// </summary>
public sealed class DataAccessJudge
{
    // Statements that differ only in their location (the same grant in every workload's compartment) share their
    // answers: the allow-list and the ceilings read the subject, the access and the condition, never the location.
    private readonly Dictionary<Statement, List<SubjectStanding>> _standings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(Subject, Condition?), List<SubjectStanding>> _standingsByParts = [];
    private readonly Dictionary<(Subject, Access, Condition?), Answers> _answers = [];
    private readonly Dictionary<Statement, Answers?> _answersOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Access, ImmutableArray<DataGrant>> _grants = [];

    /// <summary>What rules ENC-IAM-008 and -009 say about one (subject, access, condition).</summary>
    private sealed record Answers(List<(Truth, string)> Outsiders, List<(Truth, string)> Ceilings);

    public DataAccessJudge(ResourceGraph graph, PolicyContext policy) => Identities = new EnclaveIdentities(graph, policy);

    /// <summary>The allow-list this judge reads.</summary>
    public EnclaveIdentities Identities { get; }

    /// <summary>The judge of the graph and policy of <paramref name="context"/> (shared with the IAM view).</summary>
    public static DataAccessJudge For(RuleContext context) => IamView.For(context).JudgeFor(context);

    /// <summary>What a statement may grant on the data-bearing types (none for deny, define and endorse).</summary>
    public ImmutableArray<DataGrant> DataGrants(PolicyStatement statement) => statement.Syntax switch
    {
        GrantStatement { Effect: Effect.Allow } g => GrantsOf(g.Access),
        AdmitStatement { Effect: Effect.Allow } a => GrantsOf(a.Access),
        _ => [],
    };

    /// <summary>Where each principal of a granting statement stands with the allow-list.</summary>
    public IReadOnlyList<SubjectStanding> Standings(PolicyStatement statement)
    {
        if (statement.Syntax is not { } syntax) return [];
        // By tree first (copies of a text share it: a reference lookup, no structural hash of the whole tree), then
        // for grants by (subject, condition), which texts differing only in access or location share.
        ref var standings = ref CollectionsMarshal.GetValueRefOrAddDefault(_standings, syntax, out var known);
        if (known) return standings!;
        if (syntax is GrantStatement g)
        {
            ref var byParts = ref CollectionsMarshal.GetValueRefOrAddDefault(_standingsByParts, (g.Subject, g.Condition), out var seen);
            if (!seen) byParts = DataAccess.Standings.Of(g, Identities);
            standings = byParts;
        }
        else standings = DataAccess.Standings.Of(syntax, Identities);
        return standings!;
    }

    /// <summary>ENC-IAM-008: each principal off the allow-list that the statement lets reach data.</summary>
    public IReadOnlyList<(Truth Outcome, string Problem)> Outsiders(PolicyStatement statement) => AnswersFor(statement)?.Outsiders ?? [];

    /// <summary>ENC-IAM-009: each persona of the statement whose grants on data go above its ceiling, with how.</summary>
    public IReadOnlyList<(Truth Outcome, string Problem)> AboveCeilings(PolicyStatement statement) => AnswersFor(statement)?.Ceilings ?? [];

    private Answers? AnswersFor(PolicyStatement statement)
    {
        // By tree first (copies of a text share theirs; a reference lookup), then by parts.
        if (statement.Syntax is not { } syntax) return null;
        ref var answers = ref CollectionsMarshal.GetValueRefOrAddDefault(_answersOf, syntax, out var known);
        if (!known) answers = AnswersByParts(statement);
        return answers;
    }

    private Answers? AnswersByParts(PolicyStatement statement)
    {
        var grants = DataGrants(statement);
        if (grants.IsEmpty) return null;
        if (statement.Syntax is not GrantStatement g) return Answer(statement, grants);
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_answers, (g.Subject, g.Access, g.Condition), out var seen);
        if (!seen) known = Answer(statement, grants);
        return known;
    }

    private Answers Answer(PolicyStatement statement, ImmutableArray<DataGrant> grants)
    {
        var outsiders = new List<(Truth, string)>();
        var ceilings = new List<(Truth, string)>();
        foreach (var s in Standings(statement))
        {
            if (s.Allowed != Truth.True) outsiders.Add((s.Allowed, OutsiderProblem(s, grants)));
            if (s.Persona is not { } persona) continue;
            var (outcome, problem) = CeilingCheck.Judge(persona, grants, statement.Syntax!.Condition, Identities);
            if (outcome != Truth.True) ceilings.Add((outcome, $"{s.Who} ({persona}): {problem}"));
        }
        return new Answers(outsiders, ceilings);
    }

    /// <summary>
    /// One row of <c>enclave access</c>: may <paramref name="who"/>, through <paramref name="statement"/>, hold access to
    /// <paramref name="type"/>? The same standing and ceiling as the rules, for that one principal and type.
    /// </summary>
    public (Truth Allowed, string Why) Judge(PolicyStatement statement, AccessSubject who, string type)
    {
        if (statement.Syntax is not { } syntax)
            return statement.Error is { } e
                ? (Truth.False, $"the statement does not parse ({e.Message}): it may grant anyone anything")
                : (Truth.Unknown, "the statement is known only at deploy");
        // The same text asks the same of every resource it reaches: judged once per (text, principal, type).
        ref var byWho = ref CollectionsMarshal.GetValueRefOrAddDefault(_judged, syntax, out var seen);
        if (!seen) byWho = [];
        ref var judged = ref CollectionsMarshal.GetValueRefOrAddDefault(byWho!, (who, type), out var made);
        if (!made) judged = JudgeOnce(statement, syntax, who, type);
        return judged;
    }

    private readonly Dictionary<Statement, Dictionary<(AccessSubject, string), (Truth, string)>> _judged = new(ReferenceEqualityComparer.Instance);

    private (Truth Allowed, string Why) JudgeOnce(PolicyStatement statement, Statement syntax, AccessSubject who, string type)
    {
        var standing = StandingOf(syntax, who);
        if (standing.Allowed != Truth.True) return (standing.Allowed, standing.Why);
        if (standing.Persona is not { } persona) return (Truth.True, standing.Why);
        var (outcome, problem) = CeilingCheck.Judge(persona, DataGrants(statement).Where(g => g.Type == type), syntax.Condition, Identities);
        return outcome == Truth.True
            ? (Truth.True, $"{standing.Why}, within its ceiling")
            : (outcome, $"{standing.Who} ({persona}): {problem}");
    }

    private SubjectStanding StandingOf(Statement syntax, AccessSubject who)
    {
        Subject? one = who.Kind switch
        {
            AccessSubjectKind.AnyUser => AnyUserSubject.Instance,
            AccessSubjectKind.AnyGroup => AnyGroupSubject.Instance,
            AccessSubjectKind.Service => new ServiceSubject([who.Name ?? ""]),
            AccessSubjectKind.Group or AccessSubjectKind.DynamicGroup =>
                new GroupSubject([new GroupReference(who.Kind == AccessSubjectKind.DynamicGroup, who.Domain, who.Name, who.Name is null ? who.Id : null)]),
            _ => null,
        };
        if (one is null || syntax is not GrantStatement g)
            return new SubjectStanding(who.Display, Truth.False, null, $"{who.Display} is not on the allow-list");
        return DataAccess.Standings.Of(g with { Subject = one }, Identities)[0];
    }

    /// <summary>
    /// <see cref="DataTypes.Of"/> of an access, made once per distinct access (equal accesses share one answer): the
    /// rules that ask per statement (this judge, ENC-IAM-080) meet the same few accesses in thousands of statements.
    /// </summary>
    public ImmutableArray<DataGrant> GrantsOf(Access access)
    {
        if (!_grants.TryGetValue(access, out var grants)) _grants[access] = grants = DataTypes.Of(access);
        return grants;
    }

    // Standings and grant lists are shared objects (one per distinct part and access): keyed by reference.
    private readonly Dictionary<SubjectStanding, Dictionary<DataGrant[], string>> _outsiderProblems = new(ReferenceEqualityComparer.Instance);

    /// <summary>"Who, and it may what": the same standing and grants give the same sentence (made once).</summary>
    private string OutsiderProblem(SubjectStanding s, ImmutableArray<DataGrant> grants)
    {
        ref var byGrants = ref CollectionsMarshal.GetValueRefOrAddDefault(_outsiderProblems, s, out var seen);
        if (!seen) byGrants = new Dictionary<DataGrant[], string>(ReferenceEqualityComparer.Instance);
        ref var text = ref CollectionsMarshal.GetValueRefOrAddDefault(byGrants!, ImmutableCollectionsMarshal.AsArray(grants)!, out var made);
        if (!made) text = $"{s.Why}, and it may {Describe(grants)}";
        return text!;
    }

    private static string Describe(ImmutableArray<DataGrant> grants) =>
        string.Join(", ", grants.GroupBy(g => g.Verb).OrderByDescending(v => v.Key)
            .Select(v => $"{v.Key.ToString().ToLowerInvariant()} {string.Join("/", v.Select(g => g.Type))}"));
}
