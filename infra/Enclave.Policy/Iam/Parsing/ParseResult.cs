using System.Diagnostics.CodeAnalysis;

namespace Enclave.Policy.Iam;

/// <summary>The outcome of parsing one text: either <see cref="Value"/> or <see cref="Error"/> is set.</summary>
/// <typeparam name="T"><see cref="Statement"/> or <see cref="Condition"/>.</typeparam>
/// <param name="Text">The input as given (empty for a null input).</param>
/// <param name="Value">The tree, when the text parsed.</param>
/// <param name="Error">The first error, when it did not.</param>
public sealed record ParseResult<T>(string Text, T? Value, ParseError? Error)
    where T : class
{
    /// <summary>True when <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;
}
