using Enclave.Policy.Graph;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// Round 5 of issue 12: every failing finding was compared with every waiver, and every waiver with every resource
/// (ENC-GOV-901), so a 1 MB waiver file of 9,000 globs on a 100k-resource state added 30 s of CPU to `check`, and
/// growing either side made it worse. Waivers are now indexed by rule and exact URN, and a file may hold at most 100
/// globs with a wildcard; which waiver wins (the first listed, unexpired) is unchanged.
/// </summary>
public class WaiverScaleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static string Waiver(string urn, string expires = "2026-06-30", string rule = "ENC-NET-004", string extra = "") =>
        $"- {{ rule: {rule}, urn: '{urn}', reason: r, expires: {expires}{extra} }}\n";

    [Fact]
    public void More_than_a_hundred_wildcard_globs_are_refused_naming_the_first_one_over()
    {
        var yaml = string.Concat(Enumerable.Range(0, 101).Select(i => Waiver($"*::nat-{i}*"))) + Waiver("urn:pulumi:dev::p::a:b:C::exact");
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml", new WaiverLimits(Today)));
        Assert.Equal("waivers.yaml:101: more than 100 waivers have a URN glob with '*' or '?'; name the resources' URNs exactly, " +
                     "or cover them with fewer globs", e.Message);
        Assert.False(e.Unreadable);
    }

    [Fact]
    public void Thousands_of_exact_urns_load()
    {
        var yaml = string.Concat(Enumerable.Range(0, 5000).Select(i => Waiver($"urn:pulumi:dev::p::a:b:C::r{i}"))) + Waiver("*::nat");
        Assert.Equal(5001, WaiverLoader.Parse(yaml, "waivers.yaml", new WaiverLimits(Today)).Waivers.Length);
    }

    [Fact]
    public void The_first_listed_unexpired_waiver_wins_whether_exact_or_a_glob()
    {
        const string urn = "urn:pulumi:dev::p::a:b:C::nat";
        var set = WaiverLoader.Parse(
            Waiver(urn, expires: "2026-05-01") +              // 1: expired
            Waiver("*::other") +                              // 2: does not match
            Waiver(urn, rule: "ENC-NET-006") +                // 3: another rule
            Waiver("*::n?t") +                                // 4: first match
            Waiver(urn) +                                     // 5
            Waiver("*"),                                      // 6
            "waivers.yaml", new WaiverLimits(Today.AddDays(-60)));
        Assert.Equal(4, set.Find("ENC-NET-004", urn, Today)!.Line);
        Assert.Equal(3, set.Find("ENC-NET-006", urn, Today)!.Line);
        Assert.Null(set.Find("ENC-NET-007", urn, Today));

        var exactFirst = WaiverLoader.Parse(Waiver(urn) + Waiver("*::n?t") + Waiver("*"), "waivers.yaml", new WaiverLimits(Today));
        Assert.Equal(1, exactFirst.Find("ENC-NET-004", urn, Today)!.Line);
        Assert.Equal(3, exactFirst.Find("ENC-NET-004", "urn:pulumi:dev::p::a:b:C::other", Today)!.Line);
    }

    [Fact]
    public void An_exact_urn_shared_by_a_resource_and_its_replaced_predecessor_is_two_matches()
    {
        const string urn = "urn:pulumi:dev::p::a:b:C::db";
        var graph = new ResourceGraph("dev", "p", GraphOrigin.Program, [ResourceNode.Create(urn, "a:b:C", "db"), ResourceNode.Create(urn, "a:b:C", "db"),
                                       ResourceNode.Create("urn:pulumi:dev::p::a:b:C::other", "a:b:C", "other")]);
        var set = WaiverLoader.Parse(Waiver(urn) + Waiver("urn:pulumi:dev::p::a:b:C::other"), "waivers.yaml", new WaiverLimits(Today));
        Assert.Equal(2, set.Matched(set.Waivers[0], graph, 3).Count);
        Assert.Single(set.Matched(set.Waivers[1], graph, 3));
        Assert.Equal(["urn:pulumi:dev::p::a:b:C::other"], set.UsableOn(graph).Waivers.Select(w => w.UrnPattern));
    }
}
