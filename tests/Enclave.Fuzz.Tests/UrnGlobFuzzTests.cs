using System.Text.RegularExpressions;
using CsCheck;
using Enclave.Policy.Waivers;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Waiver URN globs (a pull request writes both the glob and, through the program, the URNs): the linear matcher
/// agrees with the textbook translation to a regular expression on every sample small enough for the regex to
/// answer quickly, so no glob waives more (or less) than its reader would expect.
/// </summary>
[Trait("Category", "Fuzz")]
public class UrnGlobFuzzTests
{
    private static readonly Gen<string> Urns = Gen.String[Gen.Char["ab:*?$/\u200b"], 0, 24];
    private static readonly Gen<string> Globs = Gen.String[Gen.Char["ab:*?$/\u200b"], 0, 12];

    [Fact]
    public void The_glob_matcher_agrees_with_a_regex_of_the_glob() =>
        Fuzz.Run(Gen.Select(Globs, Urns), 5000, sample =>
        {
            var (glob, urn) = sample;
            var regex = "^" + string.Concat(glob.Select(c => c switch { '*' => "[\\s\\S]*", '?' => "[\\s\\S]", _ => Regex.Escape(c.ToString()) })) + "$";
            var expected = Regex.IsMatch(urn, regex, RegexOptions.None, TimeSpan.FromSeconds(2));
            Assert.Equal(expected, UrnGlob.Matches(glob, urn, out var steps));
            // The work budget (ENCLAVE_MAX_WAIVER_WORK) counts every match, within its linear bound: the tail, the
            // literal filter's search (a step per 16 characters), the greedy matcher's 4 × (glob + URN) steps, then the
            // automaton's URN × words.
            Assert.InRange(steps, 1, 4 + glob.Length + 4L * (glob.Length + urn.Length) + urn.Length * (glob.Length / 64 + 1) + (glob.Length + urn.Length) / 16);
        }, sample => $"glob {sample.Item1} urn {sample.Item2}");

    [Fact]
    public void Long_globs_and_urns_cost_steps_linear_in_the_urn() =>
        // Globs past one machine word of states and URNs of a few thousand characters: same answers as the regex is
        // too slow to give here, so the property is the bound alone, with the answer for a URN the glob was made from.
        Fuzz.Run(Gen.Select(Gen.String[Gen.Char["ab*?"], 60, 300], Gen.String[Gen.Char["ab"], 0, 4000]), 300, sample =>
        {
            var (glob, urn) = sample;
            UrnGlob.Matches(glob, urn, out var steps);
            Assert.InRange(steps, 1, 4 + glob.Length + 4L * (glob.Length + urn.Length) + urn.Length * (glob.Length / 64 + 1) + (glob.Length + urn.Length) / 16);
            var itself = glob.Replace('*', 'a').Replace('?', 'b');
            Assert.True(UrnGlob.Matches(glob, itself));
        }, sample => $"glob {sample.Item1} urn of {sample.Item2.Length} characters");
}
