using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Tests.Model;

/// <summary>
/// Maps keep their fields twice (the immutable dictionary and a flat array rules read fast): both must always say
/// the same, whatever the map was built or changed with.
/// </summary>
public class MapValueTests
{
    [Fact]
    public void Lookups_and_entries_follow_the_fields_after_a_with()
    {
        var map = PropertyValue.Map(("b", PropertyValue.Of("2")), ("a", PropertyValue.Of("1")));
        Assert.Equal(["a", "b"], map.Entries.ToArray().Select(e => e.Key));
        Assert.Equal("1", map["a"].AsString());
        Assert.True(map["zz"].IsNull);

        var changed = map with { Fields = map.Fields.SetItem("c", PropertyValue.Unknown).Remove("a") };
        Assert.Equal(["b", "c"], changed.Entries.ToArray().Select(e => e.Key));
        Assert.True(changed["a"].IsNull);
        Assert.True(changed["c"].IsUnknown);
        Assert.True(changed.ContainsUnknown);
        Assert.False(map.ContainsUnknown);
        var node = ResourceNode.Create("urn:pulumi:s::p::t::n", "t", "n", inputs: changed);
        Assert.Equal("2", node.Input("b").AsString());
    }

    [Fact]
    public void A_map_built_with_another_key_order_is_still_searched_correctly()
    {
        // Case-insensitive order differs from ordinal order ("B" < "a" ordinally).
        var fields = ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase,
            [new KeyValuePair<string, PropertyValue>("a", PropertyValue.Of("1")), new("B", PropertyValue.Of("2")), new("c", PropertyValue.Of("3"))]);
        var map = new MapValue(fields);
        Assert.Equal("2", map["B"].AsString());
        Assert.Equal("1", map["a"].AsString());
        Assert.Equal("3", map["c"].AsString());
    }

    [Fact]
    public void Equality_is_by_fields_only()
    {
        var a = PropertyValue.Map(("k", PropertyValue.Of("v")));
        var b = new MapValue(ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal).Add("k", PropertyValue.Of("v")));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
