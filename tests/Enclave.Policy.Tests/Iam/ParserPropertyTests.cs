using CsCheck;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// Properties: on any input the parser returns a value (never throws, never hangs; CsCheck's sampling bounds the
/// time), errors point inside the statement, and printing round-trips.
/// </summary>
public sealed class ParserPropertyTests
{
    /// <summary>The contract every parse result must meet, whatever the input.</summary>
    private static void WellFormed(string text)
    {
        var result = PolicyParser.Parse(text);
        Assert.Equal(text, result.Text);
        if (result.IsSuccess)
        {
            Assert.Null(result.Error);
            // Whatever the parser accepts, its canonical print means the same thing.
            Assert.Equal(result.Value, PolicyParser.Parse(PolicyPrinter.Print(result.Value)).Value);
            return;
        }
        var error = Assert.IsType<ParseError>(result.Error);
        Assert.InRange(error.Column, 1, text.Length + 1);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(error.Reason + " at column " + error.Column + " in: ", error.Message);
    }

    [Fact]
    public void Random_text_never_throws() => SyntaxGenerators.HostileText.Sample(WellFormed, iter: 3000);

    [Fact]
    public void Mutated_landing_zone_statements_never_throw() => SyntaxGenerators.Mutated.Sample(WellFormed, iter: 3000);

    [Fact]
    public void Deep_and_unbalanced_nesting_never_throws() => SyntaxGenerators.DeepNesting.Sample(text =>
    {
        WellFormed(text);
        var result = PolicyParser.Parse(text);
        var depth = text.Count(c => c == '{');
        if (depth > PolicyParser.MaxConditionDepth) Assert.Contains("nested deeper", result.Error?.Reason ?? "");
    }, iter: 200);

    [Fact]
    public void Huge_names_and_lists_never_throw() => Gen.Select(Gen.Int[0, 200_000], Gen.Int[0, 5000], (length, count) =>
            $"allow group {new string('g', length)}{string.Concat(Enumerable.Repeat(", x", count))} to {{{string.Join(",", Enumerable.Repeat("P", count + 1))}}} in compartment {string.Join(':', Enumerable.Repeat("c", count + 1))}")
        .Sample(text => Assert.True(PolicyParser.Parse(text).IsSuccess), iter: 20);

    [Fact]
    public void Generated_trees_round_trip_through_the_printer() => SyntaxGenerators.Statements.Sample(statement =>
    {
        var printed = PolicyPrinter.Print(statement);
        var reparsed = PolicyParser.Parse(printed);
        Assert.True(reparsed.IsSuccess, reparsed.Error?.Message);
        Assert.Equal(statement, reparsed.Value);
        Assert.Equal(printed, PolicyPrinter.Print(reparsed.Value));
    }, iter: 3000, print: PolicyPrinter.Print);

    [Fact]
    public void Generated_conditions_round_trip_as_matching_rules() => SyntaxGenerators.Conditions.Sample(condition =>
        Assert.Equal(condition, PolicyParser.ParseCondition(PolicyPrinter.Print(condition)).Value), iter: 1000, print: PolicyPrinter.Print);

    [Fact]
    public void Random_matching_rules_never_throw() => SyntaxGenerators.HostileText.Sample(text =>
    {
        var result = PolicyParser.ParseCondition(text);
        Assert.True(result.IsSuccess ^ result.Error is not null);
    }, iter: 2000);
}
