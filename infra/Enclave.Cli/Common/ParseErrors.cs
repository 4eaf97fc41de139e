using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Enclave.Cli.Common;

/// <summary>
/// Turns System.CommandLine's parse errors (multi-line, one per symbol) into the one line `enclave` prints for every
/// error: the option or argument as typed, then what is valid — e.g. <c>--format xml: expected text, json or markdown</c>.
/// </summary>
public static class ParseErrors
{
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var help = $" (see '{CommandPath(result.CommandResult)} --help')";

        // Unknown words first: System.CommandLine reports them alongside consequential errors ("required command…").
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (token.StartsWith('-'))
                return $"{token}: unknown option{DidYouMean(token.Split('=', 2)[0], OptionNames(command))}" + help;
            if (command.Subcommands.Count > 0 && result.CommandResult.Children.All(c => c is not CommandResult))
                return $"{token}: unknown command{DidYouMean(token, command.Subcommands.Select(c => c.Name))}; expected {Alternatives(command.Subcommands.Select(c => c.Name))}" + help;
            return $"{token}: unexpected argument" + help;
        }

        var error = result.Errors[0];
        switch (error.SymbolResult)
        {
            case OptionResult o:
                return $"{Typed(o.IdentifierToken?.Value ?? o.Option.Name, o.Tokens)}: {Expected(o.Option.CompletionSources, error, o.Option.ValueType, o.Tokens)}" + help;
            case ArgumentResult a when a.Parent is not OptionResult && a.Tokens.Count == 0:
                return $"<{a.Argument.Name}>: required argument missing" + help;
            case ArgumentResult a when a.Parent is not OptionResult:
                return $"{Typed($"<{a.Argument.Name}>", a.Tokens)}: {Expected(a.Argument.CompletionSources, error, a.Argument.ValueType, a.Tokens)}" + help;
            case OptionResult or ArgumentResult:
                return OneLine(error.Message) + help;
        }
        if (command.Subcommands.Count > 0 && result.CommandResult.Children.All(c => c is not CommandResult))
            return $"a command is required; expected {Alternatives(command.Subcommands.Select(c => c.Name))}" + help;
        return OneLine(error.Message) + help;
    }

    /// <summary>"; did you mean --format?" when one candidate is a typo away (the config reader's own measure).</summary>
    private static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Enclave.Escaping.Spelling.Closest(typed, candidates) is { } close ? $" (did you mean {close}?)" : "";

    /// <summary>Every spelling of the options that apply to <paramref name="command"/>: its own and the recursive ones above it.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.ToList();
        for (var c = command.Parents.OfType<Command>().FirstOrDefault(); c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            options.AddRange(c.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
    }

    private static string Typed(string name, IReadOnlyList<Token> tokens) =>
        tokens.Count == 0 ? name : $"{name} {string.Join(" ", tokens.Select(t => t.Value))}";

    /// <summary>
    /// The valid values when the symbol has a closed set (AcceptOnlyFromAmong, enums), a whole number when it takes one
    /// and the value typed is not, else the parser's own reason. (The parser's own words for a number named a .NET type:
    /// "as expected type 'System.Nullable`1[System.Int32]'".)
    /// </summary>
    private static string Expected(IEnumerable<Func<CompletionContext, IEnumerable<CompletionItem>>> sources, ParseError error,
        Type valueType, IReadOnlyList<Token> tokens)
    {
        // The sources themselves, not GetCompletions: that sorts, and the declared order reads better (text first).
        var values = sources.SelectMany(s => s(CompletionContext.Empty)).Select(c => c.Label).Distinct().ToList();
        if (values.Count > 0) return $"expected {Alternatives(values)}";
        if ((Nullable.GetUnderlyingType(valueType) ?? valueType) == typeof(int) && tokens.Count > 0 &&
            !int.TryParse(tokens[^1].Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            return tokens[^1].Value.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit)
                ? $"expected a whole number from {int.MinValue} to {int.MaxValue}"
                : "expected a whole number";
        return OneLine(error.Message);
    }

    private static string Alternatives(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "enclave" : c.Command.Name);
        names.Reverse();
        return string.Join(" ", names);
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
