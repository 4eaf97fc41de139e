using System.Collections.Immutable;

namespace Enclave.Policy.Rules;

/// <summary>Outcome of one rule on one resource.</summary>
public enum Verdict
{
    Pass,
    Fail,
    /// <summary>The rule met a value not known until deploy (or a secret): neither pass nor fail.</summary>
    Undetermined,
}

/// <summary>
/// One rule's verdict on one resource (or on the stack, with the stack URN). <see cref="Details"/> carries
/// evidence lines such as the policy statement that grants, or the hops of an open network path.
/// Messages never contain secret values: rules only ever see <see cref="Graph.SecretValue"/>.
/// </summary>
public sealed record Finding(
    string RuleId,
    string Urn,
    Verdict Verdict,
    string Message,
    ImmutableArray<string> Details = default)
{
    public ImmutableArray<string> Evidence => Details.IsDefault ? ImmutableArray<string>.Empty : Details;
}
