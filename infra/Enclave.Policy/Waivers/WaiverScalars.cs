using Enclave.Escaping;
using Enclave.Policy.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Waivers;

/// <summary>
/// What a waiver's values may be, beyond their shape: a rule id that is exactly a catalogue id, a boolean that is a
/// YAML boolean, and text a reviewer can see. Each refusal is one <see cref="WaiverFileException"/> naming the line.
/// </summary>
internal static class WaiverScalars
{
    /// <summary>
    /// The rule an id names, compared exactly (ordinal): rule ids are case-sensitive everywhere else (reports, SARIF,
    /// the catalogue), so <c>enc-net-004</c> would be one spelling in the waiver file and another in every report.
    /// An unknown id is refused with the nearest real one.
    /// </summary>
    public static RuleInfo Rule(string id, string source, long line)
    {
        foreach (var rule in RuleCatalogue.All)
            if (string.Equals(rule.Info.Id, id, StringComparison.Ordinal)) return rule.Info;
        var nearest = Spelling.Nearest(id, RuleCatalogue.All.Select(r => r.Info.Id));
        var hint = nearest is null ? "" : string.Equals(nearest, id, StringComparison.OrdinalIgnoreCase)
            ? $"; rule ids are case-sensitive: {nearest}"
            : $"; the nearest rule id is {nearest}";
        throw new WaiverFileException(source, $"unknown rule \"{SafeText.Escape(id, SafeText.EchoLength)}\"{hint} (`enclave rules` lists them)", line);
    }

    /// <summary>
    /// A YAML boolean: plain <c>true</c> or <c>false</c> (or tagged <c>!!bool</c>). A quoted <c>'true'</c> or a
    /// <c>!!str</c> is a string to every YAML reader, so a waiver that says <c>critical: 'true'</c> does not say it.
    /// </summary>
    public static bool? Boolean(string key, YamlScalarNode? node, string source)
    {
        if (node is null || string.IsNullOrWhiteSpace(node.Value)) return null;
        var typed = node.Style == ScalarStyle.Plain && (node.Tag.IsEmpty || node.Tag.Value == "tag:yaml.org,2002:bool");
        var text = node.Value.Trim();
        if (typed && text is "true" or "false") return text == "true";
        var what = typed ? $"\"{SafeText.Escape(text, SafeText.EchoLength)}\"" : $"the string \"{SafeText.Escape(text, SafeText.EchoLength)}\" ({(node.Tag.IsEmpty ? "quoted" : "tagged")})";
        throw new WaiverFileException(source, $"{key} is {what}; expected true or false, unquoted", node.Start.Line);
    }

    /// <summary>
    /// Refuses a value with characters a reviewer cannot see or cannot tell from others: control and format characters
    /// (zero-width spaces and joiners, bidi overrides), line separators, lone surrogates, and look-alikes of ASCII
    /// (<see cref="SafeText.IsLookAlike"/>; written as a YAML escape, <c>"\u043e"</c>, it is the same character and refused too). A waiver is read by people before it is merged;
    /// an invisible character in a URN glob makes it waive a look-alike of the resource the reviewer saw.
    /// </summary>
    public static void Visible(string key, YamlScalarNode node, string source)
    {
        var text = node.Value ?? "";
        // Escape and Document return the same instance when nothing in the text needs escaping; a reason or an
        // approver may span lines (a block scalar), nothing else may.
        var shown = key is "reason" or "approver" ? SafeText.Document(text) : SafeText.Escape(text);
        if (ReferenceEquals(shown, text)) return;
        var lookAlike = !SafeText.HasInvisible(text); // unsafe, yet nothing invisible: a look-alike (also an astral one, 𐌀)
        throw new WaiverFileException(source, lookAlike
            ? $"{key} holds an invisible or control character, or one that looks like another ({SafeText.Ascii(text, 120)}): a look-alike " +
              "(a Cyrillic о, a full-width letter, a Kelvin sign) makes a waiver read as covering one resource while it matches another; " +
              "expected the ASCII character it passes for"
            : $"{key} holds an invisible or control character ({SafeText.Ascii(text, 120)}); " +
              "a waiver is reviewed by people, so every character must be visible", node.Start.Line);
    }
}
