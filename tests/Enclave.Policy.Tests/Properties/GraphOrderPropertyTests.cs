using CsCheck;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Tests.Properties;

/// <summary>
/// Every report lists resources in ordinal URN order, and the graph sorts URNs by type rank and name prefix rather
/// than by full comparison: on any mix of URNs (component children with '$', types that are prefixes of others,
/// names holding "::", other stacks, strings that are not URNs, duplicates) the order must be exactly the ordinal
/// one, equal URNs in input order.
/// </summary>
public class GraphOrderPropertyTests
{
    private static readonly Gen<string> Part = Gen.String[Gen.Char["a:$-.\0Z/b"], 0, 6];

    private static readonly Gen<string> Urn = Gen.Frequency(
        (8, Gen.Select(Gen.OneOfConst("urn:pulumi:s::p::", "urn:pulumi:s::p::", "urn:pulumi:t::p::", "urn:pulumi:s::q:::"),
            Gen.OneOfConst("a:b:C", "a:b:C$d:e:F", "a:b:C-x", "a:b:Cx", "a:b:C$d:e:F$g:h:I", "oci:Core/vcn:Vcn", "a:b:C:"),
            Part, (prefix, type, name) => $"{prefix}{type}::{name}")),
        (1, Part),
        (1, Gen.Select(Part, Part, (a, b) => $"urn:pulumi:{a}::{b}")));

    // One stack's URNs only: the graph's fast path (type rank and name head packed in one integer) sorts these.
    private static readonly Gen<string> StackUrn = Gen.Select(
        Gen.OneOfConst("a:b:C", "a:b:C$d:e:F", "a:b:C-x", "a:b:Cx", "a:b:C$d:e:F$g:h:I", "oci:Core/vcn:Vcn", "a:b:C:"),
        Part, (type, name) => $"urn:pulumi:s::p::{type}::{name}");

    [Fact]
    public void Graph_orders_resources_by_ordinal_urn_and_keeps_equal_urns_in_input_order()
    {
        Urn.Array[0, 60].Sample(AssertOrdinalOrder, iter: 3000);
        StackUrn.Array[0, 200].Sample(AssertOrdinalOrder, iter: 3000);
    }

    private static void AssertOrdinalOrder(string[] urns)
    {
        var nodes = urns.Select((u, i) => ResourceNode.Create(u, "t", $"n{i}")).ToArray();
        var graph = new ResourceGraph("s", "p", GraphOrigin.Plan, nodes);
        var expected = nodes.Select((n, i) => (n, i)).OrderBy(x => x.n.Urn, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.n.Name);
        Assert.Equal(expected, graph.Resources.Select(r => r.Name));
        foreach (var node in nodes)
            Assert.Equal(node.Urn, graph.Resources[graph.PositionOf(node.Urn)].Urn);
    }
}
