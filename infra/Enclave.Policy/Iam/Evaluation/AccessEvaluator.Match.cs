using Enclave.Policy.Graph;
using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>Matching one statement against a query: access, location, condition (reference §3.4 step 3).</summary>
public sealed partial class AccessEvaluator
{
    /// <summary>What is asked. A null type means any type; a null target means anywhere.</summary>
    private sealed record Query(Verb Verb, string? ResourceType, Target? Target);

    private static readonly Target UnknownTarget = new(null, null, null, null);

    /// <summary>
    /// How statement <paramref name="index"/> bears on the query, or null when it certainly does not. The
    /// cheap tests (type, location) come first; the condition is evaluated for <paramref name="principal"/>
    /// (null: every principal variable unknown).
    /// </summary>
    private StatementMatch? Match(int index, Truth subject, Access access, Condition? condition, Effect effect,
        Query query, Principal? principal, AccessContext context)
    {
        List<string>? notes = null;
        void Note(string note) => (notes ??= []).Add(note);

        var covers = query.ResourceType is null ? Truth.True : Covers(access, query.Verb, query.ResourceType, effect, Note);
        if (covers == Truth.False) return null;

        var location = _locations[index]!;
        var where = query.Target is null ? Truth.True : location.Covers(query.Target);
        if (where == Truth.False) return null;
        if (location.Note is not null) Note(location.Note);
        if (where == Truth.Unknown && location.Note is null)
            Note("the target compartment is unknown or not in the model");

        var conditionValue = Truth.True;
        if (condition is not null)
        {
            var variables = new RequestVariables(_index, principal, query.Target ?? UnknownTarget, context);
            var unknown = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            conditionValue = ConditionEvaluator.Evaluate(condition, variables.Lookup, unknown);
            if (conditionValue == Truth.False) return null;
            if (conditionValue == Truth.Unknown) Note($"the condition depends on {string.Join(", ", unknown)}");
        }
        if (subject == Truth.Unknown) Note("whether the subject covers the principal is unknown");

        var value = subject.And(covers).And(where).And(conditionValue);
        return new StatementMatch(Policies.Statements[index], value, conditionValue,
            notes is null ? [] : [.. notes]);
    }

    /// <summary>
    /// Verb ≥ the one asked and the type covers the one asked. A deny with a smaller verb takes away only part of
    /// the access asked about, so it may (not certainly) apply. Permission lists and associations cannot be
    /// mapped to verbs and count as "may".
    /// </summary>
    private static Truth Covers(Access access, Verb verb, string resourceType, Effect effect, Action<string> note)
    {
        switch (access)
        {
            case VerbAccess v:
                var type = ResourceFamilies.Covers(v.ResourceType, resourceType);
                if (type == Truth.Unknown) note($"'{v.ResourceType}' may or may not cover '{resourceType}'");
                var verbs = v.Verb >= verb ? Truth.True : effect == Effect.Deny ? Truth.Unknown : Truth.False;
                return verbs.And(type);
            case PermissionAccess p:
                note($"the permission list {{{string.Join(", ", p.Permissions)}}} may include '{resourceType}' permissions");
                return Truth.Unknown;
            case AssociateAccess a:
                var either = ResourceFamilies.Covers(a.ResourceType, resourceType).Or(ResourceFamilies.Covers(a.WithResourceType, resourceType));
                if (either == Truth.False) return Truth.False;
                note("an associate statement grants only the association permissions");
                return Truth.Unknown;
            default:
                return Truth.Unknown;
        }
    }
}
