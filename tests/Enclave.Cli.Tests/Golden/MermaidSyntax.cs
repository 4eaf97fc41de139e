using System.Text.RegularExpressions;

namespace Enclave.Cli.Tests.Golden;

/// <summary>
/// A parser for the subset of Mermaid flowchart syntax the topology renderer emits, strict enough to catch what would
/// break GitHub's rendering: every statement one of the known forms, subgraphs closed, ids declared before an edge
/// uses them and never declared twice, labels quoted with no raw quote, pipe, bracket or backtick inside, link styles
/// naming existing links. .ci/mermaid-render.sh also renders the golden files with the Mermaid CLI where Chromium is
/// installed.
/// </summary>
public static partial class MermaidSyntax
{
    [GeneratedRegex("^flowchart (LR|TB|TD|RL|BT)$")] private static partial Regex Header();
    [GeneratedRegex("^classDef [a-z]+ [a-z-]+:[^ ;]+(,[a-z-]+:[^,;]+)*$")] private static partial Regex ClassDef();
    [GeneratedRegex("^subgraph (g[0-9]+)\\[\"(?<label>[^\"]*)\"\\]$")] private static partial Regex Subgraph();
    [GeneratedRegex("^(?<id>n[0-9]+)(?<open>\\[\\(|\\{\\{|\\[\\[|\\(\\[|\\(\\(|\\[/|>|\\[)\"(?<label>[^\"]*)\"(?<close>\\)\\]|\\}\\}|\\]\\]|\\]\\)|\\)\\)|/\\]|\\])$")] private static partial Regex Node();
    [GeneratedRegex("^(?<from>[gn][0-9]+) (?<arrow>-->|-\\.->|-\\.-|==>)(\\|\"(?<label>[^\"]*)\"\\|)? (?<to>[gn][0-9]+)$")] private static partial Regex Edge();
    [GeneratedRegex("^linkStyle (?<n>[0-9]+) [a-z-]+:[^ ]+$")] private static partial Regex LinkStyle();
    [GeneratedRegex("^class (?<id>n[0-9]+) (added|removed|changed|outside)$")] private static partial Regex Class();

    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["[("] = ")]", ["{{"] = "}}", ["[["] = "]]", ["(["] = "])", ["(("] = "))", ["[/"] = "/]", [">"] = "]", ["["] = "]",
    };

    /// <summary>The problems of <paramref name="text"/>; empty when it parses.</summary>
    public static List<string> Problems(string text)
    {
        var problems = new List<string>();
        var lines = text.Split('\n');
        if (lines.Length == 0 || !Header().IsMatch(lines[0])) problems.Add("line 1: expected `flowchart LR`");
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        var links = 0;
        var styled = new List<int>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = $"line {i + 1}";
            if (line.Length == 0) { if (i != lines.Length - 1) problems.Add($"{at}: blank line"); continue; }
            Match m;
            if (ClassDef().IsMatch(line)) continue;
            if ((m = Subgraph().Match(line)).Success)
            {
                depth++;
                if (!declared.Add(m.Groups[1].Value)) problems.Add($"{at}: {m.Groups[1].Value} declared twice");
                Label(m.Groups["label"].Value, at, problems);
            }
            else if (line == "end") { if (--depth < 0) problems.Add($"{at}: `end` without a subgraph"); }
            else if ((m = Node().Match(line)).Success)
            {
                if (Shapes[m.Groups["open"].Value] != m.Groups["close"].Value) problems.Add($"{at}: shape opened with {m.Groups["open"]} closed with {m.Groups["close"]}");
                if (!declared.Add(m.Groups["id"].Value)) problems.Add($"{at}: {m.Groups["id"].Value} declared twice");
                Label(m.Groups["label"].Value, at, problems);
            }
            else if ((m = Edge().Match(line)).Success)
            {
                foreach (var end in new[] { m.Groups["from"].Value, m.Groups["to"].Value })
                    if (!declared.Contains(end)) problems.Add($"{at}: link to {end}, which is not declared");
                if (m.Groups["label"].Success) Label(m.Groups["label"].Value, at, problems);
                links++;
            }
            else if ((m = LinkStyle().Match(line)).Success) styled.Add(int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
            else if ((m = Class().Match(line)).Success) { if (!declared.Contains(m.Groups["id"].Value)) problems.Add($"{at}: class on undeclared {m.Groups["id"].Value}"); }
            else problems.Add($"{at}: not a statement of the emitted subset: {line}");
        }
        if (depth != 0) problems.Add($"{depth} subgraph(s) not closed");
        problems.AddRange(styled.Where(n => n >= links).Select(n => $"linkStyle {n} names no link ({links} links)"));
        return problems;
    }

    private static void Label(string label, string at, List<string> problems)
    {
        foreach (var c in label)
            if (c is '"' or '|' or '[' or ']' or '{' or '}' or '<' or '>' or '`' or '\\' || char.IsControl(c))
                problems.Add($"{at}: raw {c} in a label (must be an entity)");
    }
}
