using Enclave.Policy.Graph;
using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// The answer to "may principal P do verb V on type R in compartment C?" (reference §3.4 step 4), with the
/// statements behind it so that a report can say through which statement.
/// </summary>
/// <param name="Outcome">No, may-allow, or denied by a deny that certainly applies.</param>
/// <param name="Definite">
/// True only when some allow certainly grants (every part TRUE, nothing unknown) and no deny may apply: what a
/// "required access exists" test needs. Isolation tests use <see cref="MayAllow"/> instead.
/// </param>
/// <param name="Grants">Allow/admit statements that may grant (value TRUE or UNKNOWN).</param>
/// <param name="Denies">Deny statements that certainly apply.</param>
/// <param name="PossibleDenies">Deny statements (or unknown ones) that may apply.</param>
public sealed record AccessDecision(
    AccessOutcome Outcome,
    bool Definite,
    ImmutableArray<StatementMatch> Grants,
    ImmutableArray<StatementMatch> Denies,
    ImmutableArray<StatementMatch> PossibleDenies)
{
    /// <summary>Some statement may grant and no deny certainly takes it away: what an isolation test asserts is false.</summary>
    public bool MayAllow => Outcome == AccessOutcome.MayAllow;
}

/// <summary>The three outcomes of reference §3.4 step 4.</summary>
public enum AccessOutcome
{
    /// <summary>No statement may grant.</summary>
    No,

    /// <summary>Some statement may grant (see <see cref="AccessDecision.Definite"/> for whether it certainly does).</summary>
    MayAllow,

    /// <summary>A deny certainly applies (the principal is not a Default-domain Administrator).</summary>
    DeniedByDeny,
}

/// <summary>How one statement bears on a query.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Value">Whether it applies: subject, verb, type, location and condition together (Kleene AND).</param>
/// <param name="Condition">The where clause alone (TRUE when there is none).</param>
/// <param name="Notes">Why anything is UNKNOWN: unresolved compartments, uncertain families, undecided variables…</param>
public sealed record StatementMatch(PolicyStatement Statement, Truth Value, Truth Condition, ImmutableArray<string> Notes);
