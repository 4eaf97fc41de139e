using Enclave.Cli.Tests.Review;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Render;

namespace Enclave.Cli.Tests.Diff;

/// <summary>
/// Issue 14.3: lists with a natural key are diffed by it. One inserted rule is one added entry (not every later rule
/// changed), one deleted rule one removed entry, a reordering says so and changes nothing else.
/// </summary>
public class ListIdentityDiffTests
{
    private const string SecurityList = "oci:Core/securityList:SecurityList";

    private static PropertyValue Rule(string source, int port, string? description = null) => PropertyValue.Map(
        [("protocol", PropertyValue.Of("6")), ("source", PropertyValue.Of(source)),
         ("tcpOptions", PropertyValue.Map(("max", PropertyValue.Of(port)), ("min", PropertyValue.Of(port)))),
         .. description is null ? Array.Empty<(string, PropertyValue)>() : [("description", PropertyValue.Of(description))]]);

    private static IReadOnlyList<PropertyChange> Changes(string type, string key, PropertyValue before, PropertyValue after)
    {
        var b = EnclaveGraph.Base().Add(type, "subject", PropertyValue.Map((key, before)), parent: "network");
        var a = b.Copy().Set("subject", key, after);
        var diff = DiffEngine.Compare(b.Build(), a.Build());
        return Assert.Single(diff.Changes).Properties;
    }

    private static readonly PropertyValue Three = PropertyValue.List(Rule("10.30.1.0/24", 1522), Rule("10.30.2.0/24", 1522), Rule("10.30.3.0/24", 22));

    [Fact]
    public void A_rule_inserted_at_the_front_is_one_added_rule()
    {
        var after = PropertyValue.List([Rule("0.0.0.0/0", 22), .. Three.AsList()]);
        var p = Assert.Single(Changes(SecurityList, "ingressSecurityRules", Three, after));
        Assert.Equal("ingressSecurityRules{tcp 0.0.0.0/0 port 22}", p.Path);
        Assert.Null(p.Before);
        Assert.Equal(Rule("0.0.0.0/0", 22), p.After);
    }

    [Fact]
    public void A_rule_deleted_from_the_middle_is_one_removed_rule()
    {
        var after = PropertyValue.List(Three.AsList()[0], Three.AsList()[2]);
        var p = Assert.Single(Changes(SecurityList, "ingressSecurityRules", Three, after));
        Assert.Equal("ingressSecurityRules{tcp 10.30.2.0/24 port 1522}", p.Path);
        Assert.Null(p.After);
    }

    [Fact]
    public void A_moved_rule_is_reported_as_a_reordering_and_nothing_else()
    {
        var after = PropertyValue.List(Three.AsList()[2], Three.AsList()[0], Three.AsList()[1]);
        var p = Assert.Single(Changes(SecurityList, "ingressSecurityRules", Three, after));
        Assert.Equal("ingressSecurityRules", p.Path);
        Assert.Equal(PropertyDiff.ReorderedNote, p.Note);
        Assert.False(p.HasValues);
    }

    [Fact]
    public void A_rule_whose_other_fields_change_is_matched_by_its_identity()
    {
        var after = PropertyValue.List(Three.AsList()[0], Rule("10.30.2.0/24", 1522, "app tier"), Three.AsList()[2]);
        var p = Assert.Single(Changes(SecurityList, "ingressSecurityRules", Three, after));
        Assert.Equal("ingressSecurityRules{tcp 10.30.2.0/24 port 1522}.description", p.Path);
    }

    [Fact]
    public void Route_rules_are_matched_by_destination()
    {
        static PropertyValue Route(string destination, string via) =>
            PropertyValue.Map(("destination", PropertyValue.Of(destination)), ("networkEntityId", PropertyValue.Of(via)));
        var before = PropertyValue.List(Route("oci-iad-objectstorage", "sgw"), Route("172.16.0.0/20", "drg"));
        var after = PropertyValue.List(Route("0.0.0.0/0", "igw"), Route("oci-iad-objectstorage", "sgw"), Route("172.16.0.0/20", "drg2"));
        var changes = Changes("oci:Core/routeTable:RouteTable", "routeRules", before, after);
        Assert.Equal(["routeRules{172.16.0.0/20}.networkEntityId", "routeRules{0.0.0.0/0}"], changes.Select(c => c.Path));
    }

    [Fact]
    public void Policy_statements_are_a_set_of_their_normalized_text()
    {
        var before = PropertyValue.List(PropertyValue.Of("allow group a to read buckets in tenancy"), PropertyValue.Of("allow group b to read keys in tenancy"));
        var after = PropertyValue.List(PropertyValue.Of("Allow group b  to read keys in tenancy"),
            PropertyValue.Of("allow group a to read buckets in tenancy"), PropertyValue.Of("allow group c to manage all-resources in tenancy"));
        var changes = Changes("oci:Identity/policy:Policy", "statements", before, after);
        // The re-spaced statement is the same statement reworded; the new one is one added statement.
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Before?.AsString() == "allow group b to read keys in tenancy" && c.After?.AsString() == "Allow group b  to read keys in tenancy");
        Assert.Contains(changes, c => c.Before is null && c.After?.AsString() == "allow group c to manage all-resources in tenancy" && c.Path == "statements");
    }

    [Fact]
    public void Event_types_inside_a_condition_are_a_set()
    {
        var before = PropertyValue.Of("{\"eventType\":[\"a.create\",\"a.delete\"]}");
        var after = PropertyValue.Of("{\"eventType\":[\"a.delete\",\"a.create\",\"a.update\"]}");
        var p = Assert.Single(Changes(ListIdentity.EventRuleType, "condition", before, after));
        Assert.Equal(("condition.eventType", null, "a.update"), (p.Path, p.Before, p.After?.AsString()));
    }

    [Fact]
    public void Rules_that_cannot_be_identified_fall_back_to_positions()
    {
        var before = PropertyValue.List(Rule("10.30.1.0/24", 1522), PropertyValue.Map(("protocol", PropertyValue.Unknown), ("source", PropertyValue.Of("x"))));
        var after = PropertyValue.List(Rule("10.30.1.0/24", 1523), PropertyValue.Map(("protocol", PropertyValue.Unknown), ("source", PropertyValue.Of("x"))));
        var changes = Changes(SecurityList, "ingressSecurityRules", before, after);
        Assert.All(changes, c => Assert.StartsWith("ingressSecurityRules[0]", c.Path));
    }

    [Fact]
    public void The_rendered_diff_shows_an_inserted_rule_as_one_added_line()
    {
        var b = EnclaveGraph.Base().Add(SecurityList, "data-sl", PropertyValue.Map(("ingressSecurityRules", Three)), parent: "network");
        var a = b.Copy().Set("data-sl", "ingressSecurityRules", PropertyValue.List([Rule("0.0.0.0/0", 22), .. Three.AsList()]));
        var text = DiffTextRenderer.Render(DiffEngine.Compare(b.Build(), a.Build()));
        var ruleLines = text.Split('\n').Where(l => l.Contains("ingressSecurityRules", StringComparison.Ordinal)).ToList();
        Assert.Equal("     + ingressSecurityRules{tcp 0.0.0.0/0 port 22}: {protocol: \"6\", source: \"0.0.0.0/0\", tcpOptions: {max: 22, min: 22}}",
            Assert.Single(ruleLines));
    }
}
