using System.Globalization;
using System.Text;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Topology;

/// <summary>
/// The firewall picture as a Mermaid flowchart (GitHub renders it in comments and job summaries). Ids are generated
/// (<c>g1</c>, <c>n1</c>), never taken from the plan; every label is quoted with each character outside a small safe
/// set written as a Mermaid entity (<c>#35;</c>), so no name can close a label, start a link, inject HTML or a
/// directive. Added nodes and edges are green, removed ones red and dashed, changed ones amber.
/// </summary>
public static class MermaidRenderer
{
    /// <summary>Longest label drawn (a long CIDR list or name is cut with an ellipsis).</summary>
    public const int LabelLength = 80;

    public static string Render(TopologyDiagram diagram)
    {
        var sb = new StringBuilder();
        sb.Append("flowchart LR\n");
        sb.Append("  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px\n");
        sb.Append("  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 3\n");
        sb.Append("  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px\n");
        sb.Append("  classDef outside fill:#f6f8fa,stroke:#57606a\n");

        var groupIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in diagram.Groups) groupIds[g.Key] = "g" + (groupIds.Count + 1).ToString(CultureInfo.InvariantCulture);
        var nodeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, _) in diagram.Nodes) nodeIds.TryAdd(n.Key, "n" + (nodeIds.Count + 1).ToString(CultureInfo.InvariantCulture));

        // Groups nest as in the tenancy; a group whose parent is missing (or a cycle in a hand-edited plan) sits at the top.
        var children = diagram.Groups.Where(g => g.Parent is not null && groupIds.ContainsKey(g.Parent))
            .ToLookup(g => g.Parent!, StringComparer.Ordinal);
        var nodesIn = diagram.Nodes.Where(n => n.Node.Group is not null && groupIds.ContainsKey(n.Node.Group))
            .ToLookup(n => n.Node.Group!, StringComparer.Ordinal);
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        void Group(TopologyGroup g, int depth)
        {
            if (!drawn.Add(g.Key) || depth > 32) return;
            var pad = new string(' ', 2 * depth);
            sb.Append(pad).Append("subgraph ").Append(groupIds[g.Key]).Append("[\"").Append(Label(g.Label)).Append("\"]\n");
            foreach (var child in children[g.Key]) Group(child, depth + 1);
            foreach (var entry in nodesIn[g.Key]) NodeLine(sb, pad + "  ", nodeIds[entry.Node.Key], entry);
            sb.Append(pad).Append("end\n");
        }
        foreach (var g in diagram.Groups.Where(g => g.Parent is null || !groupIds.ContainsKey(g.Parent))) Group(g, 1);
        foreach (var g in diagram.Groups) Group(g, 1); // cycles: drawn at the top once
        foreach (var entry in diagram.Nodes.Where(n => n.Node.Group is null || !groupIds.ContainsKey(n.Node.Group)))
            NodeLine(sb, "  ", nodeIds[entry.Node.Key], entry);

        var index = 0;
        var styles = new StringBuilder();
        foreach (var (e, change) in diagram.Edges)
        {
            // An edge may end at a compartment (a principal reaching all its data stores alike).
            if (!nodeIds.TryGetValue(e.From, out var from)) continue;
            if (!nodeIds.TryGetValue(e.To, out var to) && !groupIds.TryGetValue(e.To, out to)) continue;
            var label = change == Change.Removed ? $"removed: {e.Label}" : change == Change.Added && diagram.Compared ? $"new: {e.Label}" : e.Label;
            sb.Append("  ").Append(from).Append(' ').Append(Arrow(e.Kind, change));
            if (label.Length > 0) sb.Append("|\"").Append(Label(label)).Append("\"|");
            sb.Append(' ').Append(to).Append('\n');
            if (Style(e.Kind, change) is { } style)
                styles.Append("  linkStyle ").Append(index.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(style).Append('\n');
            index++;
        }
        sb.Append(styles);
        foreach (var (n, change) in diagram.Nodes)
        {
            var cls = change switch { Change.Added => "added", Change.Removed => "removed", Change.Changed => "changed", _ => n.Kind == NodeKind.Outside ? "outside" : null };
            if (cls is not null) sb.Append("  class ").Append(nodeIds[n.Key]).Append(' ').Append(cls).Append('\n');
        }
        return sb.ToString();
    }

    private static void NodeLine(StringBuilder sb, string pad, string id, (TopologyNode Node, Change Change) entry)
    {
        var (open, close) = entry.Node.Kind switch
        {
            NodeKind.Database or NodeKind.Bucket or NodeKind.Logs => ("[(", ")]"),
            NodeKind.Gateway => ("{{", "}}"),
            NodeKind.Vault or NodeKind.Keys or NodeKind.Secret => ("[[", "]]"),
            NodeKind.Principal => ("([", "])"),
            NodeKind.Outside => ("((", "))"),
            NodeKind.SecurityGroup => (">", "]"),
            NodeKind.Bastion => ("[/", "/]"),
            _ => ("[", "]"),
        };
        var label = entry.Change == Change.Removed ? $"{entry.Node.Label} (removed)" : entry.Node.Label;
        sb.Append(pad).Append(id).Append(open).Append('"').Append(Label(label)).Append('"').Append(close).Append('\n');
    }

    private static string Arrow(EdgeKind kind, Change change) => change == Change.Removed ? "-.->" : kind switch
    {
        EdgeKind.Endpoint => "-.-",
        EdgeKind.AccessConditional => "-.->",
        EdgeKind.Ingress => "==>",
        _ => "-->",
    };

    private static string? Style(EdgeKind kind, Change change) => change switch
    {
        Change.Added => "stroke:#1a7f37,stroke-width:3px",
        Change.Removed => "stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 3",
        _ => kind == EdgeKind.AccessViolation ? "stroke:#cf222e,stroke-width:3px" : null,
    };

    /// <summary>
    /// A label's text: escaped by the shared escaper (one line), cut at <see cref="LabelLength"/>, and every character
    /// but letters, digits, space and <c>.,:/_-=+*@()'</c> written as <c>#N;</c>, the entity form Mermaid decodes, so a
    /// quote, bracket, pipe, backtick, <c>&lt;</c> or <c>%%</c> in a name is only ever shown.
    /// </summary>
    public static string Label(string text)
    {
        var flat = SafeText.Escape(text);
        if (flat.Length > LabelLength) flat = flat[..(LabelLength - 1)] + "…";
        var sb = new StringBuilder(flat.Length + 8);
        foreach (var rune in flat.EnumerateRunes())
        {
            var c = rune.Value;
            var safe = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '.' or ',' or ':' or '/'
                or '_' or '-' or '=' or '+' or '*' or '@' or '(' or ')' or '\'' or '·' or '…';
            if (safe) sb.Append(rune.ToString());
            else sb.Append('#').Append(c.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
        return sb.ToString();
    }
}
