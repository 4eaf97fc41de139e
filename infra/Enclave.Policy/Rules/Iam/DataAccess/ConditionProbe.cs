using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// Questions about a where clause, answered by evaluating it (Kleene, every other variable unknown) for the values
/// that matter: does it rule out a permission, let only some through, or pin a variable to allow-listed values?
/// Evaluating instead of reading the clause's shape means <c>any {…}</c>, nesting, <c>!=</c> and patterns are all
/// judged the same way OCI would judge them.
/// </summary>
public static class ConditionProbe
{
    /// <summary>A value no real permission, name or OCID has: "something not on the list".</summary>
    private const string Outside = "\u0001(outside the allow-list)";

    private const string Permission = "request.permission";

    /// <summary>Is the statement certainly void when <c>request.permission</c> is <paramref name="permission"/>?</summary>
    public static bool Excludes(Condition? condition, string permission) =>
        condition is not null && Evaluate(condition, Permission, permission) == Truth.False;

    /// <summary>
    /// Does the condition let no permission through but <paramref name="allowed"/>? Tried on a permission no one has
    /// heard of, on every other permission the clause names, and on <paramref name="others"/>.
    /// </summary>
    public static bool OnlyLets(Condition? condition, IReadOnlyCollection<string> allowed, IEnumerable<string> others)
    {
        if (condition is null) return false;
        var candidates = new HashSet<string>(others, StringComparer.OrdinalIgnoreCase) { Outside };
        foreach (var (value, _) in Mentioned(condition, Permission)) candidates.Add(value);
        foreach (var c in candidates)
            if (!allowed.Contains(c, StringComparer.OrdinalIgnoreCase) && Evaluate(condition, Permission, c) != Truth.False)
                return false;
        return true;
    }

    /// <summary>
    /// Does the condition shut out every principal (or target) whose <paramref name="pins"/> variables all hold values
    /// off the allow-list? True when it is false for every such assignment tried (a value nobody has, and every
    /// value the clause names that is not certainly allowed); False when some certainly-outside assignment may pass;
    /// Unknown when only values the stack has not decided yet may pass.
    /// </summary>
    public static Truth Pins(Condition? condition, IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> pins)
    {
        // A clause that never names a pinning variable cannot tell one principal from another: no pin, and no
        // evaluation needed (the common case, and the cheap one).
        if (condition is null || !MentionsAny(condition, pins)) return Truth.False;
        // Candidate outside values per variable, each marked certain (off the list) or not (the list is not known yet).
        var candidates = new List<(string Value, bool Certain)>[pins.Count];
        long combinations = 1;
        for (var i = 0; i < pins.Count; i++)
        {
            var list = new List<(string, bool)> { (Outside, true) };
            foreach (var (value, pattern) in Mentioned(condition, pins[i].Variable))
            {
                // A pattern could match an identity off the list: try a value it matches that nobody declared.
                if (pattern) list.Add((value.Replace("*", "\u0001x", StringComparison.Ordinal), true));
                else if (pins[i].Allowed(value) is var allowed && allowed != Truth.True) list.Add((value, allowed == Truth.False));
            }
            candidates[i] = list;
            combinations *= list.Count;
        }
        // A clause naming dozens of values for several variables is not a pin anyone writes: not proven.
        if (combinations > 4096) return Truth.False;
        var result = Truth.True;
        var chosen = new (string Value, bool Certain)[pins.Count];
        return Walk(0) ? Truth.False : result;

        // Depth-first over the assignments; true as soon as a certainly-outside one may pass.
        bool Walk(int i)
        {
            if (i == pins.Count)
            {
                var passes = ConditionEvaluator.Evaluate(condition, v => Lookup(v, pins, chosen));
                if (passes == Truth.False) return false;
                if (chosen.All(c => c.Certain)) return true;
                result = Truth.Unknown;
                return false;
            }
            foreach (var candidate in candidates[i])
            {
                chosen[i] = candidate;
                if (Walk(i + 1)) return true;
            }
            return false;
        }
    }

    private static bool MentionsAny(Condition condition, IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> pins)
    {
        switch (condition)
        {
            case ConditionGroup g:
                foreach (var item in g.Items)
                    if (MentionsAny(item, pins)) return true;
                return false;
            case ConditionClause c:
                for (var i = 0; i < pins.Count; i++)
                    if (c.Variable.Equals(pins[i].Variable, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            default:
                return true;
        }
    }

    private static VariableValue Lookup(string variable, IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> pins,
        (string Value, bool Certain)[] chosen)
    {
        for (var i = 0; i < pins.Count; i++)
            if (variable.Equals(pins[i].Variable, StringComparison.OrdinalIgnoreCase)) return VariableValue.Of(chosen[i].Value);
        return VariableValue.Unknown;
    }

    private static Truth Evaluate(Condition condition, string variable, string value) =>
        ConditionEvaluator.Evaluate(condition, v => v.Equals(variable, StringComparison.OrdinalIgnoreCase) ? VariableValue.Of(value) : VariableValue.Unknown);

    /// <summary>Every operand the clause compares <paramref name="variable"/> with, and whether it is a pattern.</summary>
    public static IEnumerable<(string Value, bool Pattern)> Mentioned(Condition condition, string variable)
    {
        switch (condition)
        {
            case ConditionGroup g:
                foreach (var item in g.Items)
                    foreach (var m in Mentioned(item, variable)) yield return m;
                break;
            case ConditionClause c when c.Variable.Equals(variable, StringComparison.OrdinalIgnoreCase):
                foreach (var v in c.Values) yield return (v.Text, v.Kind == ConditionValueKind.Pattern);
                break;
        }
    }
}
