using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// Statements with the same text. A question whose answer depends on a statement's text alone (most of the rule
/// catalogue's) is asked once per text, of <see cref="Distinct"/>, and the answers are carried to every copy.
/// </summary>
public sealed partial class PolicySet
{
    // Text → index in Distinct; per position, the index in Distinct (-1: text unknown) and the next copy (-1: none).
    private readonly Dictionary<string, int> _textIndex = new(StringComparer.Ordinal);
    private readonly int[] _distinctOf;
    private readonly int[] _nextCopy;
    private readonly List<int> _firstCopy = [];

    /// <summary>The first statement of each distinct known text, parsed or not, in statement order.</summary>
    public ImmutableArray<PolicyStatement> Distinct { get; }

    /// <summary>
    /// Every copy of each answered statement, with the answer: <paramref name="answers"/> are about statements of
    /// <see cref="Distinct"/>. The result is in statement order (an answer's own order breaks ties), as if every
    /// statement had been asked.
    /// </summary>
    public IEnumerable<(PolicyStatement Statement, T Answer)> EveryCopy<T>(IEnumerable<(PolicyStatement First, T Answer)> answers)
    {
        var copies = new List<(int Position, int Order, T Answer)>();
        foreach (var (first, answer) in answers)
            for (var p = FirstCopy(first); p >= 0; p = _nextCopy[p])
                copies.Add((p, copies.Count, answer));
        copies.Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Order.CompareTo(b.Order));
        foreach (var (position, _, answer) in copies) yield return (Statements[position], answer);
    }

    /// <summary>The index in <see cref="Distinct"/> of the text of the statement at <paramref name="position"/>; -1 when unknown.</summary>
    internal int DistinctIndexOf(int position) => _distinctOf[position];

    private int FirstCopy(PolicyStatement first) =>
        first.Text is not null && _textIndex.TryGetValue(first.Text, out var d) && ReferenceEquals(Statements[_firstCopy[d]], first)
            ? _firstCopy[d]
            : throw new ArgumentException($"{first.Reference} is not one of this set's distinct statements", nameof(first));
}
