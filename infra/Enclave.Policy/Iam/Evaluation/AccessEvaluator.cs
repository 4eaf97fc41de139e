using Enclave.Policy.Graph;
using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// The conservative evaluator of reference §3.4. It over-approximates: whatever it cannot decide (unknown
/// compartments, conditions on the request, uncertain families, statements unknown until deploy or unreadable)
/// counts as "may". So "MayAllow is false" is a sound isolation proof, and <see cref="AccessDecision.Definite"/>
/// is a sound "access certainly exists".
/// </summary>
public sealed partial class AccessEvaluator
{
    private readonly CompartmentTree _tree;
    private readonly IdentityIndex _index;
    private readonly SubjectMatcher _subjects;
    private readonly ResolvedLocation?[] _locations;
    private readonly IamGroup[]?[] _references;  // per distinct text
    private readonly Lazy<List<(AccessSubject Subject, Principal? Principal)>?[]> _subjectsOf;
    private readonly Lazy<ImmutableArray<string>> _diagnostics;

    /// <summary>Parses every policy of <paramref name="model"/> and resolves every location once.</summary>
    public AccessEvaluator(IamModel model)
    {
        Model = model;
        var treeDiagnostics = new List<string>();
        _tree = new CompartmentTree(model, treeDiagnostics);
        Policies = new PolicySet(model.Policies);
        _index = new IdentityIndex(model, Policies);
        _subjects = new SubjectMatcher(_index);
        _locations = ResolveLocations();
        _references = CompleteReferences();
        // Only the reverse query (WhoMay) and the diagnostics' readers need these; most evaluations never ask.
        _subjectsOf = new(SubjectsOf);
        _diagnostics = new(() => Diagnose(treeDiagnostics));
    }

    /// <summary>The model evaluated.</summary>
    public IamModel Model { get; }

    /// <summary>Every statement, parsed; also the input of the <see cref="PolicyFindings"/> helpers.</summary>
    public PolicySet Policies { get; }

    /// <summary>
    /// Problems in the model (duplicate keys, compartments or policies placed nowhere) and locations that could
    /// not be resolved (each prefixed with the statement's <see cref="PolicyStatement.Reference"/>): the flags of
    /// reference §3.4 step 2.
    /// </summary>
    public ImmutableArray<string> Diagnostics => _diagnostics.Value;

    /// <summary>
    /// May <paramref name="principal"/> do <paramref name="verb"/> on <paramref name="resourceType"/> in
    /// <paramref name="compartment"/>?
    /// </summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="verb">The least verb needed.</param>
    /// <param name="resourceType">An individual type such as <c>buckets</c> (a family or <c>all-resources</c> works, coarsely).</param>
    /// <param name="compartment">Compartment key or OCID; null or not in the model means unknown.</param>
    /// <param name="context">Further request facts (region, variables); none by default.</param>
    /// <param name="budget">Charged for every statement weighed, by its size (<see cref="WeightOf"/>; none: unbounded).</param>
    /// <exception cref="EvaluationBudgetExceededException">The question would pass <paramref name="budget"/>.</exception>
    public AccessDecision MayAllow(Principal principal, Verb verb, string resourceType, string? compartment,
        AccessContext? context = null, EvaluationBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        return Decide(principal, new Query(verb, resourceType, TargetOf(compartment)), context, budget);
    }

    /// <summary>
    /// May <paramref name="principal"/> do anything at all, on any type, anywhere in the tenancy? The question of
    /// rule R4 for a parent-company principal: every statement whose subject and condition may cover it counts.
    /// </summary>
    /// <param name="budget">As for <see cref="MayAllow"/>.</param>
    /// <exception cref="EvaluationBudgetExceededException">The question would pass <paramref name="budget"/>.</exception>
    public AccessDecision MayAllowAnything(Principal principal, AccessContext? context = null, EvaluationBudget? budget = null) =>
        Decide(principal, new Query(Verb.Inspect, null, null), context, budget);

    private AccessDecision Decide(Principal principal, Query query, AccessContext? context, EvaluationBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(principal);
        context ??= AccessContext.None;
        var prepared = _subjects.Prepare(principal);
        var administrator = _subjects.IsAdministrator(prepared);
        var grants = ImmutableArray.CreateBuilder<StatementMatch>();
        var denies = ImmutableArray.CreateBuilder<StatementMatch>();
        var possibleDenies = ImmutableArray.CreateBuilder<StatementMatch>();
        // Whether a grant's subject covers the principal depends on its text alone: decided once per distinct text
        // (a map, not an array of every text: a narrow query reads a few statements of thousands).
        var subjectOf = new Dictionary<int, Truth>();
        var candidates = Candidates(query);
        var count = candidates?.Count ?? Policies.Statements.Length;
        for (var c = 0; c < count; c++)
        {
            var i = candidates?[c] ?? c;
            var statement = Policies.Statements[i];
            budget?.Spend(WeightOf(i));
            if (statement.IsOpaque)
            {
                var (mayAllow, mayDeny) = statement.OpaqueEffects();
                if (mayAllow) grants.Add(Opaque(statement));
                if (mayDeny && administrator != Truth.True) possibleDenies.Add(Opaque(statement));
                continue;
            }
            var (effect, subject, access, condition) = statement.Syntax switch
            {
                GrantStatement g => (g.Effect, GrantSubject(i, g, prepared, subjectOf), g.Access, g.Condition),
                AdmitStatement a => (a.Effect, _subjects.MatchesAdmit(a, prepared, statement.Policy), a.Access, a.Condition),
                _ => (Effect.Allow, Truth.False, null!, null),
            };
            if (subject == Truth.False) continue;
            var match = Match(i, subject, access, condition, effect, query, prepared, context);
            if (match is null) continue;
            if (effect == Effect.Allow) grants.Add(match);
            else if (administrator == Truth.True) continue;
            // Asked about "anything anywhere", a deny takes away only part of it: never a definite deny.
            else if (match.Value == Truth.True && administrator == Truth.False && query.ResourceType is not null) denies.Add(match);
            else possibleDenies.Add(match);
        }
        var outcome = denies.Count > 0 ? AccessOutcome.DeniedByDeny
            : grants.Count > 0 ? AccessOutcome.MayAllow
            : AccessOutcome.No;
        var definite = outcome == AccessOutcome.MayAllow && possibleDenies.Count == 0 &&
            grants.Any(g => g.Value == Truth.True);
        return new AccessDecision(outcome, definite, grants.ToImmutable(), denies.ToImmutable(), possibleDenies.ToImmutable());
    }

    private Truth GrantSubject(int position, GrantStatement grant, Principal prepared, Dictionary<int, Truth> decided)
    {
        var d = Policies.DistinctIndexOf(position);
        ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(decided, d, out var seen);
        if (!seen) known = _subjects.Matches(grant.Subject, _references[d], prepared);
        return known;
    }

    private static StatementMatch Opaque(PolicyStatement statement) => new(statement, Truth.Unknown, Truth.Unknown,
        [statement.Error is { } e ? $"unreadable statement, assumed to grant or deny anything: {e.Message}"
            : "statement unknown until deploy, assumed to grant or deny anything"]);

    private Target TargetOf(string? compartment)
    {
        if (compartment is not null && _tree.Find(compartment) is { } node)
            return new Target(node, _tree.AncestryOf(node), node.Info.Id, node.Info.Name);
        return new Target(null, null, compartment is not null && Lexical.IsOcid(compartment) ? compartment : null, null);
    }
}
