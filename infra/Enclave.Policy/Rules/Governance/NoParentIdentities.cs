using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// No input of any resource names a parent-company identity: tenancy OCIDs, identity domains, groups, identity
/// providers or e-mail domains (matched as whole words, case-insensitively). Unknown values that are not references
/// to other resources (keys ending in Id/Ids) leave the resource undetermined.
/// </summary>
public sealed class NoParentIdentities : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-005", "No parent-company identity anywhere in the enclave", Severity.Critical, Enforcement.Mandatory,
        "Any mention of a parent-company tenancy, domain, group, IdP or mail domain (in a policy, a subscription, a federation, a tag) is a channel for the identities the enclave must exclude.",
        "Remove every reference to the identities in `parentExclusions` from the program's inputs.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        if (!context.Policy.Parent.IdentityStrings.Any(s => s.Length > 0)) return;
        // The shared walk has searched every string for the needles at once; marked ones get a whole-word look.
        var inputs = InputStrings.For(context);
        var needles = inputs.Needles;
        var resources = context.Graph.Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            var node = resources[i];
            List<PropertyLeaf>? leaves = null;  // paths, made only if needed
            var hits = Hits(node, inputs.Of(i), inputs.MarksOf(i), needles, ref leaves);
            if (hits is not null) sink.Fail(node.Urn, $"{node.Label}: names parent-company identities", hits);
            else if (inputs.AnyUnknownThat(i, node, MayBeText, ref leaves))
                sink.Undetermined(node.Urn, $"{node.Label}: some inputs are not known until deploy");
            else if (OciTypes.IsOci(node.Type)) sink.Pass(node.Urn, $"{node.Label}: no parent-company identity");
        }
    }

    /// <summary>An unknown that is not an id filled in from another resource may be text naming anything.</summary>
    private static bool MayBeText(ResourceNode node, PropertyLeaf leaf) =>
        !PropertyWalk.FromResource(node, leaf.TopKey) && !IsReference(leaf.Path);

    /// <summary>The mentions of parent identities among one resource's input strings (null: none).</summary>
    private static List<string>? Hits(ResourceNode node, ReadOnlySpan<string?> inputs, ReadOnlySpan<InputStrings.Marks> marks,
        string[] needles, ref List<PropertyLeaf>? leaves)
    {
        List<string>? hits = null;
        for (var at = 0; at < inputs.Length; at++)
        {
            if (inputs[at] is not { } s || (marks[at] & InputStrings.Marks.MayNameParent) == 0) continue;
            foreach (var n in needles)
                if (ContainsWord(s, n)) (hits ??= []).Add($"{(leaves ??= InputStrings.LeavesOf(node))[at].Path} mentions \"{n}\"");
        }
        return hits;
    }

    private static bool IsReference(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        var bracket = leaf.IndexOf('[');
        if (bracket >= 0) leaf = leaf[..bracket];
        return leaf.EndsWith("Id", StringComparison.Ordinal) || leaf.EndsWith("Ids", StringComparison.Ordinal) || leaf == "id";
    }

    /// <summary>Case-insensitive match not embedded in a longer name (letters, digits, '_' and '-' continue a name).</summary>
    public static bool ContainsWord(string haystack, string needle)
    {
        var start = 0;
        while ((start = haystack.IndexOf(needle, start, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = start + needle.Length;
            var before = start == 0 || !IsNameChar(haystack[start - 1]);
            var after = end == haystack.Length || !IsNameChar(haystack[end]);
            if (before && after) return true;
            start++;
        }
        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
