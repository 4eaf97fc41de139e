using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// Which statements may bear on a query, so that a query reads those and not every statement of the tenancy: a
/// large tenancy has thousands of statements, and <c>enclave access</c> asks about every data-bearing resource. A
/// statement can only match a type its access may cover, and (when the target's place in the tree is known) only
/// if its location is the root, a compartment on the target's chain, or something the tree cannot place. The
/// index narrows; <see cref="Match"/> still decides, so answers are those of a full scan.
/// </summary>
public sealed partial class AccessEvaluator
{
    private readonly Dictionary<string, TypeIndex> _byType = new(StringComparer.Ordinal);

    /// <summary>
    /// The statements that may match one resource type. <see cref="Always"/>: located at the root or nowhere the
    /// tree can place (an OCID not in the model, an unknown attachment), and opaque ones; <see cref="ByNode"/>: at or
    /// below a known compartment; <see cref="All"/>: every one, for a target whose place is unknown.
    /// </summary>
    private sealed class TypeIndex
    {
        public List<int> Always { get; } = [];
        public Dictionary<CompartmentTree.Node, List<int>> ByNode { get; } = [];
        public List<int> All { get; } = [];
        /// <summary>Merged once per target compartment (every resource of a compartment asks the same).</summary>
        public Dictionary<CompartmentTree.Node, int[]> ForTarget { get; } = [];
    }

    /// <summary>
    /// The statement positions, ascending, that may bear on <paramref name="query"/>; null when every statement may
    /// (a question about any type).
    /// </summary>
    private IReadOnlyList<int>? Candidates(Query query)
    {
        if (query.ResourceType is not { } type) return null;
        if (!_byType.TryGetValue(type, out var index)) _byType[type] = index = BuildIndex(type);
        // An incomplete chain (a detached compartment, a cycle) leaves locations elsewhere in the tree undecided.
        if (query.Target is not { Node: { } node, Ancestry: { Complete: true } ancestry }) return index.All;
        if (index.ForTarget.TryGetValue(node, out var known)) return known;
        var merged = new List<int>(index.Always);
        foreach (var n in ancestry.Chain)
            if (index.ByNode.TryGetValue(n, out var at)) merged.AddRange(at);
        var result = merged.ToArray();
        Array.Sort(result);
        index.ForTarget[node] = result;
        return result;
    }

    private TypeIndex BuildIndex(string type)
    {
        var index = new TypeIndex();
        var statements = Policies.Statements;
        // Whether a text's access may cover the type depends on the text alone: decided once per distinct text.
        var mayCover = new bool?[Policies.Distinct.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            if (!statement.IsOpaque)
            {
                var d = Policies.DistinctIndexOf(i);
                if (!(mayCover[d] ??= MayCover(statement.Syntax!, type))) continue;
            }
            index.All.Add(i);
            switch (statement.IsOpaque ? null : _locations[i])
            {
                case ResolvedLocation.At { IsRoot: false } at: Add(index.ByNode, at.Node, i); break;
                case ResolvedLocation.Below below: Add(index.ByNode, below.Node, i); break;
                case ResolvedLocation.Elsewhere: index.All.RemoveAt(index.All.Count - 1); break;
                default: index.Always.Add(i); break;
            }
        }
        return index;

        static void Add(Dictionary<CompartmentTree.Node, List<int>> byNode, CompartmentTree.Node node, int i)
        {
            if (!byNode.TryGetValue(node, out var list)) byNode[node] = list = [];
            list.Add(i);
        }
    }

    /// <summary>May the statement's access cover <paramref name="type"/> at some verb? (Define and endorse never do.)</summary>
    private static bool MayCover(Statement syntax, string type)
    {
        var access = syntax switch
        {
            GrantStatement g => g.Access,
            AdmitStatement a => a.Access,
            _ => null,
        };
        return access switch
        {
            null => false,
            VerbAccess v => ResourceFamilies.Covers(v.ResourceType, type) != Truth.False,
            AssociateAccess a => ResourceFamilies.Covers(a.ResourceType, type).Or(ResourceFamilies.Covers(a.WithResourceType, type)) != Truth.False,
            _ => true,
        };
    }
}
