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
            Assert.Equal(expected, UrnGlob.Matches(glob, urn));
        }, sample => $"glob {sample.Item1} urn {sample.Item2}");
}
