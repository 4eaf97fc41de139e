using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// Entry point of the OCI IAM policy language parser (reference §3.1). It never throws on bad input and never
/// hangs: it is linear in the input except for condition nesting, which is capped. Keywords are
/// case-insensitive and whitespace (including line breaks) is insignificant.
/// </summary>
public static class PolicyParser
{
    /// <summary>
    /// Deepest allowed <c>all {…}</c>/<c>any {…}</c> nesting. Real policies use two or three levels; the cap keeps
    /// hostile input from exhausting the stack.
    /// </summary>
    public const int MaxConditionDepth = 32;

    /// <summary>Parses one statement (one string of <c>Identity.Policy.statements</c>).</summary>
    /// <param name="statement">The statement; null is reported as an error, not thrown.</param>
    public static ParseResult<Statement> Parse(string? statement)
    {
        if (statement is null)
            return new ParseResult<Statement>("", null, new ParseError("expected a statement, not null", 1, ""));
        var parser = new StatementParser(statement);
        var parsed = parser.ParseStatement();
        return new ParseResult<Statement>(statement, parsed, parsed is null ? parser.Error : null);
    }

    /// <summary>Parses one statement of a policy set, taking its words from the set's pool.</summary>
    internal static (Statement? Value, ParseError? Error) Parse(string statement, WordPool words)
    {
        var parser = new StatementParser(statement, words);
        var parsed = parser.ParseStatement();
        return (parsed, parsed is null ? parser.Error : null);
    }

    /// <summary>Parses a policy's statement list; the results are in input order.</summary>
    public static ImmutableArray<ParseResult<Statement>> ParseAll(IEnumerable<string?> statements) =>
        statements.Select(Parse).ToImmutableArray();

    /// <summary>
    /// Parses a bare condition, as used by dynamic-group matching rules
    /// (<c>ALL {resource.type='fnfunc', resource.compartment.id='…'}</c>).
    /// </summary>
    public static ParseResult<Condition> ParseCondition(string? condition)
    {
        if (condition is null)
            return new ParseResult<Condition>("", null, new ParseError("expected a condition, not null", 1, ""));
        var parser = new StatementParser(condition);
        var parsed = parser.ParseConditionOnly();
        return new ParseResult<Condition>(condition, parsed, parsed is null ? parser.Error : null);
    }
}
