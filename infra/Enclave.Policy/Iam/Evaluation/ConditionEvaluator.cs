using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// Kleene evaluation of a where clause (reference §3.4 step 3): <c>all</c> is AND, <c>any</c> is OR, a clause on a
/// variable the context cannot decide is <see cref="Truth.Unknown"/>. Comparisons are case-insensitive, as in
/// OCI; time operators are never decided.
/// </summary>
internal static class ConditionEvaluator
{
    /// <summary>Evaluates <paramref name="condition"/>; the names of undecided variables go to <paramref name="unknown"/>.</summary>
    public static Truth Evaluate(Condition condition, Func<string, VariableValue> lookup, ISet<string>? unknown = null)
    {
        switch (condition)
        {
            case ConditionGroup g:
                var result = g.IsAll ? Truth.True : Truth.False;
                foreach (var item in g.Items)
                {
                    var value = Evaluate(item, lookup, unknown);
                    result = g.IsAll ? result.And(value) : result.Or(value);
                }
                return result;
            case ConditionClause c:
                var variable = lookup(c.Variable);
                var truth = Clause(c, variable);
                if (truth == Truth.Unknown) unknown?.Add(c.Variable);
                return truth;
            default:
                return Truth.Unknown;
        }
    }

    private static Truth Clause(ConditionClause clause, VariableValue variable) => clause.Operator switch
    {
        ConditionOperator.Equal => Matches(variable, clause.Values[0]),
        ConditionOperator.NotEqual => Matches(variable, clause.Values[0]).Not(),
        ConditionOperator.In => clause.Values.Aggregate(Truth.False, (t, v) => t.Or(Matches(variable, v))),
        ConditionOperator.NotIn => clause.Values.Aggregate(Truth.False, (t, v) => t.Or(Matches(variable, v))).Not(),
        _ => Truth.Unknown,
    };

    /// <summary>True when a known value matches; false only when the known values are all of them.</summary>
    private static Truth Matches(VariableValue variable, ConditionValue operand)
    {
        foreach (var value in variable.Values)
            if (Match(value, operand)) return Truth.True;
        return variable.Complete ? Truth.False : Truth.Unknown;
    }

    private static bool Match(string value, ConditionValue operand) =>
        operand.Kind == ConditionValueKind.Pattern
            ? Wildcard.IsMatch(value, operand.Text)
            : value.Equals(operand.Text, StringComparison.OrdinalIgnoreCase);
}
