using System.Text.RegularExpressions;
using CsCheck;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// A waiver's URN glob is matched without a backtracking regex: a glob like <c>*a*a*a…*z</c> from a waiver file against
/// a long URN from a plan used to run into the regex timeout (RegexMatchTimeoutException, exit 70, a second lost per
/// resource). Same language as before: <c>*</c> any run, <c>?</c> one character, the rest literal and case-sensitive.
/// </summary>
public class UrnGlobTests
{
    private static Waiver With(string glob) => new("ENC-NET-004", glob, "r", new DateOnly(2026, 7, 1));

    [Fact]
    public void A_backtracking_bomb_is_answered_at_once_without_a_timeout()
    {
        var glob = string.Concat(Enumerable.Repeat("*a", 40)) + "*z";
        var urn = "urn:pulumi:prod::p::oci:Core/vcn:Vcn::" + new string('a', 20_000);
        Assert.False(With(glob).MatchesUrn(urn));
        // Counted work, not a clock: linear in the URN (a backtracking matcher takes exponentially many steps here).
        Assert.False(UrnGlob.Matches(glob, urn, out var steps));
        Assert.True(steps <= 10L * (glob.Length + urn.Length), $"{steps} steps for a {urn.Length}-character URN");
    }

    [Fact]
    public void A_long_literal_after_a_star_is_answered_by_the_automaton()
    {
        // Round 5: the greedy matcher fell back to its last star at every character, glob × URN steps (100 waivers of
        // `*aaa…ab` on 2,000 resources of 300 characters were 11 s of CPU). Past a few passes the automaton answers
        // (one pass, a word per 64 glob characters); its answers must be the greedy matcher's.
        var urn = new string('a', 100_000);
        var bomb = With("*" + new string('a', 1022) + "b");
        Assert.False(bomb.MatchesUrn(urn));
        Assert.True(bomb.MatchesUrn(urn + "b"));
        Assert.True(With("*" + new string('a', 1022) + "?").MatchesUrn(urn));
        Assert.False(With("*" + new string('a', 1022) + "*?b").MatchesUrn(urn));
    }

    [Theory]
    [InlineData("a*b*c?d", "aXXbYYcZd", true)]
    [InlineData("a*b*c?d", "aXXbYYcd", false)]
    [InlineData("*?", "", false)]
    [InlineData("?*", "x", true)]
    [InlineData("*\u00e9*", "caf\u00e9s", true)]
    public void Globs_across_machine_words_mean_what_they_meant(string glob, string urn, bool matches)
    {
        // The same glob, padded past 64 and 128 states, so tokens sit on both sides of word boundaries.
        glob = System.Text.RegularExpressions.Regex.Unescape(glob);
        urn = System.Text.RegularExpressions.Regex.Unescape(urn);
        foreach (var pad in new[] { 0, 61, 62, 63, 64, 127, 200 })
            Assert.Equal(matches, With(new string('p', pad) + glob).MatchesUrn(new string('p', pad) + urn));
    }

    [Theory]
    [InlineData("urn:pulumi:prod::*$oci:Core/natGateway:NatGateway::*", "urn:pulumi:prod::us-data-enclave::pulumi:pulumi:Stack$oci:Core/natGateway:NatGateway::nat", true)]
    [InlineData("urn:pulumi:prod::*$oci:Core/natGateway:NatGateway::*", "urn:pulumi:dev::us-data-enclave::pulumi:pulumi:Stack$oci:Core/natGateway:NatGateway::nat", false)]
    [InlineData("urn:pulumi:prod::p::t::n?", "urn:pulumi:prod::p::t::n1", true)]
    [InlineData("urn:pulumi:prod::p::t::n?", "urn:pulumi:prod::p::t::n", false)]
    [InlineData("urn:pulumi:prod::p::t::N", "urn:pulumi:prod::p::t::n", false)]
    [InlineData("urn:pulumi:prod::p::t::(a.b)+[c]", "urn:pulumi:prod::p::t::(a.b)+[c]", true)]
    [InlineData("urn:pulumi:prod::p::t::a.b", "urn:pulumi:prod::p::t::axb", false)]
    [InlineData("*", "", true)]
    [InlineData("", "x", false)]
    [InlineData("**a**", "xxaxx", true)]
    public void Globs_mean_what_they_meant(string glob, string urn, bool matches) =>
        Assert.Equal(matches, With(glob).MatchesUrn(urn));

    [Fact]
    public void The_matcher_agrees_with_the_regex_translation_it_replaces()
    {
        // On short inputs over a tiny alphabet (where the regex is fast), every answer is the regex's answer.
        var text = Gen.String[Gen.Char["ab:"], 0, 12];
        var glob = Gen.String[Gen.Char["ab:*?"], 0, 8];
        Gen.Select(glob, text).Sample((g, t) =>
            Reference(g).IsMatch(t) == UrnGlob.Matches(g, t), iter: 20_000, seed: "0N0XIzNsQ0O2");
    }

    private static Regex Reference(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    [Fact]
    public void A_waiver_file_glob_longer_than_the_cap_is_refused_at_its_line()
    {
        var yaml = $"- rule: ENC-NET-004\n  urn: \"{new string('*', UrnGlob.MaxLength + 1)}\"\n  reason: r\n  expires: 2026-07-01\n";
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "w.yaml"));
        Assert.Equal("w.yaml:2: urn is 1025 characters long; a URN or URN glob has at most 1024", e.Message);
    }
}
