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
        var copies = new List<(int Position, T Answer)>();
        var ordered = true;
        var cursor = 0;  // answers mostly come in the order of Distinct: found by walking it, not by hashing texts
        foreach (var (first, answer) in answers)
            for (var p = FirstCopy(first, ref cursor); p >= 0; p = _nextCopy[p])
            {
                ordered &= copies.Count == 0 || copies[^1].Position <= p;
                copies.Add((p, answer));
            }
        if (ordered)
            foreach (var (position, answer) in copies) yield return (Statements[position], answer);
        else
            foreach (var (position, answer) in ByPosition(copies)) yield return (Statements[position], answer);
    }

    /// <summary>
    /// The copies in statement order, those of one statement in the order given: a stable counting sort (positions
    /// are below the statement count), linear where a comparison sort of every copy of every answer was not.
    /// </summary>
    private (int Position, T Answer)[] ByPosition<T>(List<(int Position, T Answer)> copies)
    {
        var start = new int[Statements.Length + 1];
        foreach (var (position, _) in copies) start[position + 1]++;
        for (var i = 1; i < start.Length; i++) start[i] += start[i - 1];
        var sorted = new (int Position, T Answer)[copies.Count];
        foreach (var copy in copies) sorted[start[copy.Position]++] = copy;
        return sorted;
    }

    /// <summary>The index in <see cref="Distinct"/> of the text of the statement at <paramref name="position"/>; -1 when unknown.</summary>
    internal int DistinctIndexOf(int position) => _distinctOf[position];

    /// <summary>The position of <paramref name="first"/>, one of <see cref="Distinct"/>; <paramref name="cursor"/> is where it is looked for first.</summary>
    private int FirstCopy(PolicyStatement first, ref int cursor)
    {
        var distinct = Distinct;
        for (int d = cursor, end = Math.Min(distinct.Length, cursor + 1024); d < end; d++)
            if (ReferenceEquals(distinct[d], first))
            {
                cursor = d + 1;
                return _firstCopy[d];
            }
        // Out of order or far ahead: by its text (its index in Distinct).
        if (first.Text is null || !_textIndex.TryGetValue(first.Text, out var i) || !ReferenceEquals(distinct[i], first))
            throw new ArgumentException($"{first.Reference} is not one of this set's distinct statements", nameof(first));
        cursor = i + 1;
        return _firstCopy[i];
    }
}
