using Enclave.Policy.Network;
using System.Text.RegularExpressions;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// No address or CIDR anywhere in the enclave's inputs (security rules, routes, allow-lists, CPEs, network sources,
/// database ACLs…) overlaps the parent company's networks. The whole internet (/0) is left to ENC-NET-005 and the
/// reachability rule.
/// </summary>
public sealed partial class NoParentNetworks : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-008", "No rule, route or allow-list names a parent-company network", Severity.Critical, Enforcement.Mandatory,
        "Naming a parent-company range in a rule, route or allow-list opens a path for exactly the networks the enclave exists to keep out.",
        "Remove every CIDR that overlaps `parentExclusions.cidrs` from security rules, routes, allow-lists, CPEs and network sources.");

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?\z|^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/\d{1,3})?\z")]
    private static partial Regex AddressLike();

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var parent = context.Policy.Parent.Cidrs;
        if (parent.IsEmpty) return;
        // Parsed once, not once per address met; an entry that does not parse never overlaps (as before).
        var parsed = parent.Select(p => (Text: p, Ok: Cidr.TryParse(p, out var c), Cidr: c)).Where(p => p.Ok)
            .Select(p => (p.Text, p.Cidr)).ToArray();
        var inputs = InputStrings.For(context);
        var resources = context.Graph.Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            var node = resources[i];
            if (!OciTypes.IsOci(node.Type)) continue;
            List<PropertyLeaf>? leaves = null;  // paths, made only if needed
            var (hits, addresses) = Addresses(node, inputs.Of(i), inputs.MarksOf(i), parsed, ref leaves);
            if (hits is not null) sink.Fail(node.Urn, $"{node.Label}: names parent-company networks", hits);
            else if (inputs.AnyUnknownThat(i, node, MayBeAddress, ref leaves))
                sink.Undetermined(node.Urn, $"{node.Label}: network fields not known until deploy");
            else if (addresses > 0) sink.Pass(node.Urn, $"{node.Label}: {addresses} address(es), none in parent ranges");
        }
    }

    /// <summary>An unknown network field not filled in from another resource may be any address.</summary>
    private static bool MayBeAddress(ResourceNode node, PropertyLeaf leaf) =>
        LooksLikeNetworkField(leaf.Path) && !PropertyWalk.FromResource(node, leaf.TopKey);

    /// <summary>The addresses among one resource's input strings: those in parent ranges (null: none), and how many.</summary>
    private static (List<string>? Hits, int Addresses) Addresses(ResourceNode node, ReadOnlySpan<string?> inputs,
        ReadOnlySpan<InputStrings.Marks> marks, (string Text, Cidr Cidr)[] parent, ref List<PropertyLeaf>? leaves)
    {
        List<string>? hits = null;
        var addresses = 0;
        for (var at = 0; at < inputs.Length; at++)
        {
            // No pattern variables assigned by a condition below: Stryker cannot compile mutants of such a condition
            // (CS0165) and drops every mutant of the method, which then goes unmeasured (docs/testing.md).
            var s = inputs[at];
            if (s is null) continue;
            // Cheap filter first (made by the shared walk): an address or CIDR starts with a digit or contains ':'.
            if ((marks[at] & InputStrings.Marks.MayBeAddress) == 0) continue;
            foreach (var range in s.AsSpan().Split(';'))
            {
                var part = s.AsSpan()[range];
                // Both address forms have a '.' or a ':'; a bare number (a protocol, a port) is not worth the regex.
                if (part.Length > 49 || part.IndexOfAny('.', ':') < 0 || !AddressLike().IsMatch(part)) continue;
                if (!Cidr.TryParse(part, out var cidr)) continue;
                addresses++;
                if (cidr.IsAnywhere) continue;
                List<string>? overlapping = null;
                foreach (var (text, block) in parent)
                    if (block.Overlaps(cidr) || OtherReading(part, cidr)?.Overlaps(block) == true) (overlapping ??= []).Add(text);
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (overlapping is not null)
                    (hits ??= []).Add($"{(leaves ??= InputStrings.LeavesOf(node))[at].Path} = {part} overlaps parent range {string.Join(", ", overlapping)}");
            }
        }
        return (hits, addresses);
    }

    private static readonly Cidr MappedV4 = Cidr.Parse("::ffff:0.0.0.0/96");

    /// <summary>
    /// The same text as another reader may take it (a deny-list must match every reading): an IPv4-mapped IPv6 block
    /// (<c>::ffff:10.128.0.0/112</c>) is that IPv4 block, and a dotted quad with leading zeros, which .NET reads as
    /// octal (<c>010.128.0.0</c> = 8.128.0.0), is read as decimal too (10.128.0.0). Null when there is no other reading.
    /// </summary>
    private static Cidr? OtherReading(ReadOnlySpan<char> text, Cidr cidr)
    {
        if (cidr.IsV6 && cidr.Prefix >= 96 && MappedV4.Contains(cidr))
            return new Cidr(System.Net.Sockets.AddressFamily.InterNetwork, cidr.First - MappedV4.First, cidr.Last - MappedV4.First, (byte)(cidr.Prefix - 96));
        if (cidr.IsV6 || text.IndexOf(':') >= 0) return null;
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var leadingZero = false;
        foreach (var range in address.Split('.'))
        {
            var partText = address[range];
            var trimmed = partText.TrimStart('0');
            if (trimmed.Length != partText.Length && partText.Length > 1) leadingZero = true;
            if (length > 0) buffer[length++] = '.';
            var digits = trimmed.IsEmpty ? "0" : trimmed;
            if (length + digits.Length > 40) return null;
            digits.CopyTo(buffer[length..]);
            length += digits.Length;
        }
        if (!leadingZero) return null;
        var suffix = slash < 0 ? [] : text[slash..];
        if (length + suffix.Length > buffer.Length) return null;
        suffix.CopyTo(buffer[length..]);
        return Cidr.TryParse(buffer[..(length + suffix.Length)], out var decimalReading) ? decimalReading : null;
    }

    private static bool LooksLikeNetworkField(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return leaf.Contains("cidr") || leaf is "source" or "destination" or "ipaddress" || leaf.Contains("whitelistedips")
               || leaf.Contains("staticroutes") || leaf.Contains("sourcelists") || leaf.Contains("ipranges");
    }
}
