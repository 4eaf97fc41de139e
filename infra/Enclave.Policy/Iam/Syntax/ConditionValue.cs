namespace Enclave.Policy.Iam;

/// <summary>
/// One operand of a condition. <see cref="Text"/> excludes quotes and slashes. Kept apart from a plain string
/// because a pattern (<c>/Create*/</c>) matches differently from the quoted text <c>'Create*'</c>.
/// </summary>
/// <param name="Kind">How the operand was written.</param>
/// <param name="Text">The operand without its delimiters.</param>
public sealed record ConditionValue(ConditionValueKind Kind, string Text)
{
    /// <summary>A quoted string.</summary>
    public static ConditionValue String(string text) => new(ConditionValueKind.String, text);

    /// <summary>A <c>/pattern/</c> with <c>*</c> wildcards.</summary>
    public static ConditionValue Pattern(string text) => new(ConditionValueKind.Pattern, text);
}

/// <summary>How a <see cref="ConditionValue"/> was written.</summary>
public enum ConditionValueKind
{
    /// <summary><c>'text'</c> or <c>"text"</c>.</summary>
    String,

    /// <summary><c>/pattern*/</c>.</summary>
    Pattern,

    /// <summary>A bare OCID (<c>ocid1.…</c>).</summary>
    Ocid,

    /// <summary>A bare <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>Any other bare word.</summary>
    Word,
}
