using System.Runtime.CompilerServices;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Lets a rule write <c>a.Require(outcome, $"{key} entry {entry} is inside the gatekeeper CIDRs")</c> without
/// formatting the string: the literal parts and string holes are kept by reference in the assessment's parts (as
/// <see cref="Assessment.RequireInParts"/> keeps them), and any other hole is formatted at once, exactly as string
/// interpolation would format it (current culture, alignment, format string). The requirement's text is the
/// concatenation of the parts, so a finding made from it reads exactly as one made from the formatted string.
/// </summary>
[InterpolatedStringHandler]
public ref struct RequirementText
{
    private readonly Assessment _assessment;

    public RequirementText(int literalLength, int formattedCount, Assessment assessment)
    {
        _ = literalLength;
        _assessment = assessment;
        // Literals and holes alternate, so 2 × holes + 1 slots always suffice.
        Start = assessment.ReserveParts(2 * formattedCount + 1);
        Count = 0;
    }

    /// <summary>Where the parts start in the assessment's parts.</summary>
    internal int Start { get; }

    /// <summary>How many parts were appended.</summary>
    internal int Count { get; private set; }

    public void AppendLiteral(string value) => Add(value);

    public void AppendFormatted(string? value) => Add(value);

    public void AppendFormatted<T>(T value, int alignment = 0, string? format = null)
    {
        if (value is string s && alignment == 0 && format is null)
        {
            Add(s);
            return;
        }
        var one = new DefaultInterpolatedStringHandler(0, 1);
        one.AppendFormatted(value, alignment, format);
        Add(one.ToStringAndClear());
    }

    private void Add(string? part)
    {
        // The parts must follow each other: a hole that wrote into the same assessment would interleave them.
        if (_assessment.PartsHeld != Start + Count) throw new InvalidOperationException("a requirement's hole wrote into the same assessment");
        _assessment.AddPart(part);
        Count++;
    }
}
