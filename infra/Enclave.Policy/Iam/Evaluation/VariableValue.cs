using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// What the evaluator knows about one condition variable: some values, and whether they are all of them.
/// Single-valued variables are one value and complete; a list variable such as <c>request.groups.id</c> may be
/// partly known; an undecidable variable is <see cref="Unknown"/>.
/// </summary>
internal readonly record struct VariableValue(ImmutableArray<string> Values, bool Complete)
{
    public static VariableValue Unknown => new(ImmutableArray<string>.Empty, false);

    public static VariableValue Of(string? value) => value is null ? Unknown : new([value], true);

    public bool IsUnknown => !Complete && Values.IsEmpty;
}
