namespace Enclave.Policy.Iam;

/// <summary>Where clauses: nested <c>all {…}</c>/<c>any {…}</c>, comparisons, patterns, value lists.</summary>
internal sealed partial class StatementParser
{
    private Condition? ParseOptionalWhere(out bool ok)
    {
        ok = true;
        if (_s.AtEnd()) return null;
        if (!_s.TryKeyword("where"))
        {
            ok = false;
            return Fail<Condition>("expected 'where' or the end of the statement after the location", _s.Next());
        }
        var condition = ParseCondition(1);
        ok = condition is not null;
        return condition;
    }

    private Condition? ParseCondition(int depth)
    {
        var at = _s.Next();
        if ((_s.PeekKeyword("all") || _s.PeekKeyword("any")) && _s.CharAfterWord() == '{')
        {
            if (depth > PolicyParser.MaxConditionDepth)
                return Fail<Condition>($"conditions are nested deeper than {PolicyParser.MaxConditionDepth} levels", at);
            var isAll = _s.TryKeyword("all");
            if (!isAll) _s.TryKeyword("any");
            _s.TryChar('{');
            var items = new Items<Condition>();
            do
            {
                var item = ParseCondition(depth + 1);
                if (item is null) return null;
                items.Add(item);
            } while (_s.TryChar(','));
            return _s.TryChar('}')
                ? new ConditionGroup(isAll, items.ToList())
                : Fail<Condition>($"expected ',' or '}}' in the {(isAll ? "all" : "any")} {{…}} list", _s.Next());
        }
        return ParseClause();
    }

    private ConditionClause? ParseClause()
    {
        var at = _s.Next();
        var variable = _s.TryWord();
        if (variable is null)
            return Fail<ConditionClause>("expected a condition (a variable such as request.principal.type, or all {…} / any {…})", at);
        var opAt = _s.Next();
        if (_s.TrySymbol("!=")) return Single(variable, ConditionOperator.NotEqual, "'!='");
        if (_s.TryChar('=')) return Single(variable, ConditionOperator.Equal, "'='");
        if (_s.TryKeyword("before")) return Single(variable, ConditionOperator.Before, "'before'");
        if (_s.TryKeyword("after")) return Single(variable, ConditionOperator.After, "'after'");
        if (_s.TryKeyword("between")) return Between(variable);
        if (_s.TryKeyword("in")) return List(variable, ConditionOperator.In, "'in'");
        if (_s.TryKeyword("not"))
            return _s.TryKeyword("in")
                ? List(variable, ConditionOperator.NotIn, "'not in'")
                : Fail<ConditionClause>("expected 'in' after 'not'", _s.Next());
        return Fail<ConditionClause>(
            $"expected an operator (=, !=, in, not in, before, after, between) after '{variable}'", opAt);
    }

    private ConditionClause? Single(string variable, ConditionOperator op, string after)
    {
        var value = ReadValue(after);
        return value is null ? null : new ConditionClause(variable, op, [value]);
    }

    private ConditionClause? Between(string variable)
    {
        var low = ReadValue("'between'");
        if (low is null || !Expect("and", "after the first value of 'between'")) return null;
        var high = ReadValue("'and'");
        return high is null ? null : new ConditionClause(variable, ConditionOperator.Between, [low, high]);
    }

    private ConditionClause? List(string variable, ConditionOperator op, string after)
    {
        if (!_s.TryChar('(')) return Fail<ConditionClause>($"expected '(' after {after}", _s.Next());
        var values = new Items<ConditionValue>();
        do
        {
            var value = ReadValue(values.Count == 0 ? "'('" : "','");
            if (value is null) return null;
            values.Add(value);
        } while (_s.TryChar(','));
        return _s.TryChar(')')
            ? new ConditionClause(variable, op, values.ToList())
            : Fail<ConditionClause>("expected ',' or ')' in the value list", _s.Next());
    }

    private ConditionValue? ReadValue(string after)
    {
        var at = _s.Next();
        if (_s.PeekChar() is '\'' or '"')
        {
            var text = ReadQuoted();
            return text is null ? null : ConditionValue.String(text);
        }
        if (_s.TryChar('/'))
        {
            var pattern = _s.TryDelimited('/');
            if (pattern is null) return Fail<ConditionValue>("expected a closing / for the pattern that starts", at);
            return pattern.Length > 0
                ? ConditionValue.Pattern(pattern)
                : Fail<ConditionValue>("expected a pattern between the slashes", at);
        }
        var word = _s.TryWord();
        if (word is null) return Fail<ConditionValue>($"expected a value ('text', /pattern/, OCID, true/false or a word) after {after}", at);
        var kind = Lexical.IsOcid(word) ? ConditionValueKind.Ocid
            : Lexical.IsBoolean(word) ? ConditionValueKind.Boolean
            : ConditionValueKind.Word;
        return new ConditionValue(kind, word);
    }
}
