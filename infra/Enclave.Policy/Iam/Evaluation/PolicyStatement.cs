namespace Enclave.Policy.Iam;

/// <summary>
/// One statement in its policy: the unit every finding and every access answer points at ("through which
/// statement"). A statement the parser could not read, or whose text is unknown until deploy, is
/// <see cref="IsOpaque"/>: the evaluator assumes it may grant or deny anything.
/// </summary>
/// <param name="Policy">The policy it belongs to.</param>
/// <param name="Index">0-based position in the policy's statement list.</param>
/// <param name="Text">The text, or null when unknown until deploy.</param>
/// <param name="Syntax">The parsed tree, or null when the text is unknown or did not parse.</param>
/// <param name="Error">The parse error, when the text did not parse.</param>
public sealed record PolicyStatement(IamPolicy Policy, int Index, string? Text, Statement? Syntax, ParseError? Error)
{
    /// <summary>Unknown or unparsable: it could be anything.</summary>
    public bool IsOpaque => Syntax is null;

    /// <summary>The text for a report, with a placeholder when unknown.</summary>
    public string DisplayText => Text ?? "<statement unknown until deploy>";

    /// <summary>A stable reference such as <c>urn:…:Policy::root[3]</c> (the source id, else the policy name).</summary>
    public string Reference => $"{Policy.SourceId ?? Policy.Name}[{Index}]";

    /// <summary>
    /// For an opaque statement, whether it may be an allow-type statement (allow/admit) and whether it may be a
    /// deny, judged from its first word. Unknown text may be either.
    /// </summary>
    internal (bool MayAllow, bool MayDeny) OpaqueEffects()
    {
        var first = Text?.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first?.ToLowerInvariant() switch
        {
            "allow" or "admit" => (true, false),
            "deny" => (false, true),
            "define" or "endorse" => (false, false),
            _ => (true, true),
        };
    }
}
