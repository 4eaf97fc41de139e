using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// A requirement written as an interpolated string is kept in parts (RequirementText), not formatted: the finding a
/// rule reports from it must read exactly as the one made from the same text formatted into a string, for every
/// verdict, with or without a violation text, and a hostile hole too long for one part must be cut the same way.
/// </summary>
public class RequirementTextTests
{
    private static string Message(Assessment a) => a.ToFinding("ENC-TEST-001", "urn:x", "db").Message;

    private static Verdict Verdict(Assessment a) => a.ToFinding("ENC-TEST-001", "urn:x", "db").Verdict;

    public static TheoryData<Truth, Truth> Outcomes()
    {
        var data = new TheoryData<Truth, Truth>();
        foreach (var x in new[] { Truth.True, Truth.False, Truth.Unknown })
            foreach (var y in new[] { Truth.True, Truth.False, Truth.Unknown })
                data.Add(x, y);
        return data;
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Interpolated_requirements_read_as_the_same_requirements_formatted_first(Truth first, Truth second)
    {
        var key = "whitelistedIps";
        var entry = new Shown("10.0.0.0/8");
        var index = 3;
        var ratio = 0.5;
        var @null = (string?)null;
        // Each call binds to the interpolated overload (parts) on `parts` and to the string overload on `formatted`.
        var parts = new Assessment()
            .Require(first, $"{key} entry {entry} is inside the gatekeeper CIDRs")
            .Require(second, $"members[{index}] ({@null}) is {ratio:P1} of {key,12}|", whenViolated: $"{key} entry {entry} admits the internet")
            .Require(first.Not(), "a plain requirement", whenViolated: $"violated: {index}")
            .Require(second, $"no violation text {index}", whenViolated: second == Truth.False ? "said plainly" : null);
        string s1 = $"{key} entry {entry} is inside the gatekeeper CIDRs", s2 = $"members[{index}] ({@null}) is {ratio:P1} of {key,12}|",
            v2 = $"{key} entry {entry} admits the internet", v3 = $"violated: {index}", s4 = $"no violation text {index}";
        var formatted = new Assessment()
            .Require(first, s1)
            .Require(second, s2, whenViolated: v2)
            .Require(first.Not(), "a plain requirement", whenViolated: v3)
            .Require(second, s4, whenViolated: second == Truth.False ? "said plainly" : null);
        Assert.Equal(Message(formatted), Message(parts));
        Assert.Equal(Verdict(formatted), Verdict(parts));
        // The texts really are the rule's: a failure names only the violation texts of what failed.
        if (first == Truth.True && second == Truth.False)
            Assert.Equal("db: whitelistedIps entry 10.0.0.0/8 admits the internet; violated: 3; said plainly", Message(parts));
    }

    /// <summary>A hole that is not a string (formatted by its ToString, as a PropertyValue is).</summary>
    private sealed class Shown(string text)
    {
        public override string ToString() => text;
    }

    [Fact]
    public void A_pass_names_every_interpolated_requirement_and_a_failure_only_what_failed()
    {
        var name = "data";
        var pass = new Assessment().Require(Truth.True, $"{name} is private").Require(Truth.True, $"{name} has {2} keys");
        Assert.Equal("db: data is private; data has 2 keys", Message(pass));
        var fail = new Assessment().Require(Truth.True, $"{name} is private").Require(Truth.False, $"{name} has {2} keys");
        Assert.Equal("db: required but not met: data has 2 keys", Message(fail));
        var unknown = new Assessment().Require(Truth.Unknown, $"{name} is private", whenViolated: $"{name} is public");
        Assert.Equal("db: not known until deploy: data is private", Message(unknown));
    }

    [Fact]
    public void A_hostile_hole_is_cut_as_the_formatted_requirement_is()
    {
        // A 10k-character value from the artifact: the requirement holding it is cut to one part's length as a whole.
        var huge = new string('a', 10_000);
        foreach (var outcome in new[] { Truth.True, Truth.False, Truth.Unknown })
        {
            var parts = new Assessment().Require(outcome, $"name {huge} is short", whenViolated: $"name {huge} is too long");
            string s = $"name {huge} is short", v = $"name {huge} is too long";
            var formatted = new Assessment().Require(outcome, s, whenViolated: v);
            Assert.Equal(Message(formatted), Message(parts));
            Assert.Contains("more characters]", Message(parts), StringComparison.Ordinal);
            Assert.True(Message(parts).Length < 2_200);
        }
    }

    [Fact]
    public void An_interpolated_requirement_binds_to_the_parts_overload_and_refuses_a_hole_that_writes_into_its_assessment()
    {
        // Parts are appended to the assessment's one array: a hole that itself added a requirement there would interleave
        // them and garble both texts, so it is refused (a rule defect, reported as the rule's). Formatted as a string, the
        // same call would not notice: that it throws also shows the call took the parts overload.
        var a = new Assessment();
        string Nested() { a.Require(Truth.True, $"inner {1}"); return "x"; }
        Assert.Throws<InvalidOperationException>(() => a.Require(Truth.True, $"outer {Nested()} and {2}"));
    }

    [Fact]
    public void A_cleared_assessment_reused_for_the_next_resource_forgets_the_parts()
    {
        var a = new Assessment();
        a.Require(Truth.False, $"{"first"} resource {1}");
        Assert.Equal("db: required but not met: first resource 1", Message(a));
        a.Clear().Require(Truth.True, $"{"second"} resource {2}").RequireInParts(Truth.True, "in ", "parts");
        Assert.Equal("db: second resource 2; in parts", Message(a));
    }

    [Fact]
    public void Holes_are_formatted_in_the_current_culture_as_string_interpolation_formats_them()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var value = 1234.5;
            string s = $"retention {value:N1} days";
            Assert.Equal($"db: {s}", Message(new Assessment().Require(Truth.True, $"retention {value:N1} days")));
            Assert.Contains("1.234,5", s, StringComparison.Ordinal);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
