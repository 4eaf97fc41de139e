namespace Enclave.Policy.Iam;

/// <summary>A <c>where</c> clause: a single comparison or a nested <c>all {…}</c>/<c>any {…}</c>.</summary>
public abstract record Condition
{
    /// <summary>The canonical text (see <see cref="PolicyPrinter"/>).</summary>
    public sealed override string ToString() => PolicyPrinter.Print(this);
}

/// <summary><c>all {…}</c> (AND) or <c>any {…}</c> (OR) over at least one condition.</summary>
/// <param name="IsAll">True for <c>all</c>, false for <c>any</c>.</param>
/// <param name="Items">The nested conditions.</param>
public sealed record ConditionGroup(bool IsAll, ValueList<Condition> Items) : Condition;

/// <summary>
/// <c>VARIABLE OP VALUE</c>, <c>VARIABLE between A and B</c> or <c>VARIABLE [not] in (A, B)</c>. For
/// <see cref="ConditionOperator.Between"/> there are exactly two values, for the comparison operators one.
/// </summary>
/// <param name="Variable">The variable as written, e.g. <c>request.principal.type</c> (matched case-insensitively).</param>
/// <param name="Operator">The operator.</param>
/// <param name="Values">The operand(s).</param>
public sealed record ConditionClause(string Variable, ConditionOperator Operator, ValueList<ConditionValue> Values)
    : Condition;

/// <summary>The comparison operators of the condition language.</summary>
public enum ConditionOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>before</c> (time variables)</summary>
    Before,

    /// <summary><c>after</c> (time variables)</summary>
    After,

    /// <summary><c>between A and B</c> (time variables)</summary>
    Between,

    /// <summary><c>in (…)</c></summary>
    In,

    /// <summary><c>not in (…)</c></summary>
    NotIn,
}
