namespace Enclave.Policy.Iam;

/// <summary>
/// One parsed OCI IAM policy statement (one string of <c>Identity.Policy.statements</c>). The tree is
/// immutable and has value equality, so statements can be compared, de-duplicated and round-tripped through
/// <see cref="PolicyPrinter"/>. <see cref="ToString"/> prints the canonical form.
/// </summary>
public abstract record Statement
{
    /// <summary>The optional <c>where</c> clause; null when the statement is unconditional.</summary>
    public abstract Condition? Condition { get; init; }

    /// <summary>The canonical text of the statement (see <see cref="PolicyPrinter"/>).</summary>
    public sealed override string ToString() => PolicyPrinter.Print(this);
}

/// <summary>Whether a statement grants (<c>allow</c>, <c>endorse</c>, <c>admit</c>) or takes away (<c>deny …</c>).</summary>
public enum Effect
{
    /// <summary>The statement grants access.</summary>
    Allow,

    /// <summary>A deny statement: it beats every allow (Default-domain Administrators are exempt).</summary>
    Deny,
}
