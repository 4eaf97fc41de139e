using System.Text;
using Enclave.Policy.Graph;

namespace Enclave.Tests.Offline;

/// <summary>A canonical text form of a graph (every field of every node), to compare runs and search for leaks.</summary>
internal static class GraphDump
{
    public static string Of(ResourceGraph graph)
    {
        var sb = new StringBuilder();
        foreach (var n in graph.Resources)
        {
            sb.Append(n.Urn).Append(" type=").Append(n.Type).Append(" custom=").Append(n.Custom)
              .Append(" id=").Append(Value(n.Id)).Append(" parent=").Append(n.Parent)
              .Append(" provider=").Append(n.Provider).Append(" region=").Append(n.Region).Append(" protect=").Append(n.Protect)
              .Append(" deps=[").AppendJoin(",", n.Dependencies).Append(']');
            foreach (var (k, urns) in n.PropertyDependencies) sb.Append(" pdep:").Append(k).Append("=[").AppendJoin(",", urns).Append(']');
            sb.Append("\n  inputs=").Append(Value(n.Inputs)).Append("\n  outputs=").Append(Value(n.Outputs)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Value(PropertyValue v) => v switch
    {
        MapValue m => "{" + string.Join(",", m.Fields.Select(kv => $"{kv.Key}:{Value(kv.Value)}")) + "}",
        ListValue l => "[" + string.Join(",", l.Items.Select(Value)) + "]",
        StringValue s => "\"" + s.Value + "\"",
        ResourceRefValue r => $"ref({r.Urn},{r.Id})",
        _ => v.ToString() ?? "",
    };
}
