using Enclave.Policy.Graph;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// Issue 12, open item 1: each URN glob is linear per match and a file holds at most 100 of them, but globs × findings
/// × URN length was unbounded (a state of few resources with URNs of megabytes, or many resources, against 100 globs
/// the greedy matcher cannot answer). Matching now spends a budget per judgement (<see cref="GlobWorkBudget"/>) and
/// stops with one line naming the file and the variable.
/// </summary>
public class GlobWorkBudgetTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    // A glob the greedy matcher gives up on (a long run between stars), so the automaton reads every character;
    // ending in a star, it has no tail that a URN must end with, and no literal run longer than one character, so the
    // literal filter (which rules out a glob whose longest literal the URN lacks) lets it through.
    private static string Bomb(int i) => "*" + string.Concat(Enumerable.Repeat("a?", 460)) + new string('?', i) + "b*";

    private static WaiverSet HundredBombs() => WaiverLoader.Parse(
        string.Concat(Enumerable.Range(0, 100).Select(i => $"- {{ rule: ENC-NET-004, urn: '{Bomb(i)}', reason: r, expires: 2026-06-30 }}\n")),
        "waivers.yaml", new WaiverLimits(Today));

    private static ResourceGraph LongUrns(int count, int length) => new("dev", "p", GraphOrigin.State,
        [.. Enumerable.Range(0, count).Select(i => ResourceNode.Create($"urn:pulumi:dev::p::a:b:C::{i}" + new string('a', length), "a:b:C", $"r{i}"))]);

    [Fact]
    public void Matching_past_the_budget_stops_with_one_line_naming_the_file_and_the_variable()
    {
        var graph = LongUrns(20, 100_000); // 2 MB of URNs: 100 globs × 20 URNs × 100k characters × 16 words
        var e = Assert.Throws<WaiverWorkLimitException>(() => HundredBombs().ForJudgement(50_000_000).UsableOn(graph));
        Assert.Equal("waiver file waivers.yaml: URN globs would take more than 50,000,000 steps to match against the resources' " +
                     "URNs (a step is a URN character read for one glob; fewer globs, exact URNs or shorter URNs cost less; set " +
                     "ENCLAVE_MAX_WAIVER_WORK to raise it)", e.Problem);
    }

    [Fact]
    public void Finding_a_waiver_per_finding_spends_the_same_budget_as_the_usable_set()
    {
        // Per glob: the greedy matcher's 4 × 21k steps before it gives up, then 20k characters × 16 words; ×100 globs.
        var graph = LongUrns(1, 20_000);
        var run = HundredBombs().ForJudgement(60_000_000);
        var usable = run.UsableOn(graph); // ≈ 40 million steps
        Assert.Equal(100, usable.Waivers.Length);
        Assert.Throws<WaiverWorkLimitException>(() => usable.Find("ENC-NET-004", graph.Resources[0].Urn, Today)); // ≈ 80 million
        Assert.Null(HundredBombs().ForJudgement(100_000_000).UsableOn(graph).Find("ENC-NET-004", graph.Resources[0].Urn, Today));
    }

    [Fact]
    public void Each_judgement_has_its_own_budget_and_within_it_the_answers_are_unchanged()
    {
        // The policy pack judges every preview with one waiver file: its budget must not run down across them.
        var set = WaiverLoader.Parse("- { rule: ENC-NET-004, urn: 'urn:pulumi:dev::p::a:b:C::1*', reason: r, expires: 2026-06-30 }\n",
            "waivers.yaml", new WaiverLimits(Today));
        var graph = LongUrns(3, 10);
        for (var i = 0; i < 50; i++)
        {
            var run = set.ForJudgement(1_000);
            Assert.Equal(set.Find("ENC-NET-004", graph.Resources[1].Urn, Today), run.UsableOn(graph).Find("ENC-NET-004", graph.Resources[1].Urn, Today));
            Assert.Null(run.Find("ENC-NET-004", graph.Resources[2].Urn, Today));
        }
    }

    [Fact]
    public void Steps_are_counted_as_spent_not_as_the_worst_case()
    {
        // A literal prefix that differs is answered at its first character, whatever the URN's length: real globs on a
        // large state stay far below the budget.
        Assert.False(UrnGlob.Matches("urn:pulumi:prod::*", "urn:pulumi:dev::" + new string('a', 1_000_000), out var steps));
        Assert.True(steps < 30, $"{steps} steps");
        Assert.True(UrnGlob.Matches(Bomb(0), new string('a', 10_000) + "b0", out steps));
        Assert.InRange(steps, 10_000 * 16, 10_000 * 17 + 4 * 12_000);
        // A hostile glob is as costly as before; a long literal the URN lacks costs a sixteenth of a pass.
        Assert.False(UrnGlob.Matches("*" + new string('a', 1000) + "b*", new string('a', 10_000), out steps));
        Assert.True(steps < 10_000 / 16 + 10, $"{steps} steps");
        // A tail the URN does not end with is answered from the tail alone.
        Assert.False(UrnGlob.Matches("*::nat-gateway", new string('a', 1_000_000), out steps));
        Assert.True(steps < 20, $"{steps} steps");
    }
    [Fact]
    public void A_hundred_typical_globs_over_a_large_state_spend_a_small_part_of_the_budget()
    {
        // Issue 12, hostile item 3: 100 globs like `urn:pulumi:prod::*::oci:Core/vcn:Vcn::team-7-*` read every URN
        // character for each resource: 1–2 billion steps at 100k resources, 3–4 at 200k, against a budget of 4. Each
        // glob's longest literal now rules a URN out in a vectorised search (charged a step per 16 characters).
        string[] types = ["oci:Core/vcn:Vcn", "oci:Core/subnet:Subnet", "oci:ObjectStorage/bucket:Bucket", "oci:Core/networkSecurityGroup:NetworkSecurityGroup"];
        var urns = Enumerable.Range(0, 20_000)
            .Select(i => $"urn:pulumi:prod::us-data-enclave::us-data-enclave:network:Workload${types[i % 4]}::team-{i / 40}-{types[i % 4].Split(':')[1]}-{i}").ToList();
        var globs = Enumerable.Range(0, 100).Select(k => k % 2 == 0
            ? $"urn:pulumi:prod::*::{types[k % 4]}::team-{k * 5}-*"
            : $"*{types[k % 4]}::team-{k * 5}-*").ToList();
        long spent = 0, matched = 0;
        foreach (var glob in globs)
            foreach (var urn in urns)
            {
                if (UrnGlob.Matches(glob, urn, out var steps)) matched++;
                spent += steps;
            }
        Assert.True(matched > 0);
        var perUrnPerGlob = spent / (double)(globs.Count * urns.Count);
        // Before: about a URN's length (~110 steps). At 200k resources and 100 globs: under 0.3 of the 4 billion.
        Assert.True(perUrnPerGlob < 15, $"{perUrnPerGlob:F1} steps per URN per glob");
        Assert.True(perUrnPerGlob * 100 * 200_000 < GlobWorkBudget.DefaultMaxSteps / 3);
    }
}
