using System.Collections.Frozen;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// What an object input of a closed type may hold, field by field (ENC-GOV-090 below the top level): the fields a rule
/// reads or that are inert (<see cref="Children"/>), one held at the program's value (<see cref="Pin"/>), or an object
/// whose every field is accepted (<see cref="AnyField"/>: free-form tags, a secret's content, an object a rule judges
/// whole). A field an object input sets that its shape does not declare fails, as an undeclared top-level input does.
/// Lists are transparent: a list of objects is judged item by item against the same shape.
/// </summary>
public sealed class InputShape
{
    private readonly Dictionary<string, InputShape> _children = new(StringComparer.Ordinal);
    private FrozenDictionary<string, InputShape>? _frozen;

    /// <summary>The declared fields of this object (none: every field it sets fails).</summary>
    public FrozenDictionary<string, InputShape> Children => _frozen ??= _children.ToFrozenDictionary(StringComparer.Ordinal);
    /// <summary>The value this field is held at, when it is pinned.</summary>
    public Pin? Pin { get; private set; }
    /// <summary>Every field of this object is accepted (declared with its reason: tags, a secret's content, judged whole).</summary>
    public bool AnyField { get; private set; }

    /// <summary>The top-level shapes of one closed type, from its dotted declarations (<c>source.logSources.logId</c>).</summary>
    internal static FrozenDictionary<string, InputShape> Build(ClosedType type)
    {
        var roots = new Dictionary<string, InputShape>(StringComparer.Ordinal);
        foreach (var inert in type.Inert)
            foreach (var key in inert.Keys)
                At(roots, key).AnyField |= inert.AnyField;
        foreach (var judged in type.Judged)
            foreach (var key in judged.Keys)
                At(roots, key).AnyField |= judged.Whole;
        foreach (var fixedInput in type.Fixed)
            At(roots, fixedInput.Pin.Key).Pin = fixedInput.Pin;
        // Only keys with something below them (or accepted whole) need a shape: a bare top-level key is a scalar input.
        return roots.Where(r => r.Value.AnyField || r.Value._children.Count > 0 || r.Value.Pin is not null)
            .ToFrozenDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    private static InputShape At(Dictionary<string, InputShape> roots, string path)
    {
        var parts = path.Split('.');
        if (!roots.TryGetValue(parts[0], out var node)) roots[parts[0]] = node = new InputShape();
        for (var i = 1; i < parts.Length; i++)
        {
            if (!node._children.TryGetValue(parts[i], out var next)) node._children[parts[i]] = next = new InputShape();
            node = next;
        }
        return node;
    }

    /// <summary>The top-level key of a declared path (<c>source</c> of <c>source.kind</c>).</summary>
    public static string TopOf(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[..dot];
    }

    /// <summary>
    /// Judges <paramref name="value"/>, set at <paramref name="path"/>, against <paramref name="shape"/> (null: an input
    /// declared as a scalar): each field of an object it holds must be declared. An object input whose fields cannot be
    /// read (a secret or computed as a whole) is undetermined: any field could be inside it.
    /// </summary>
    public static void Judge(Assessment a, string path, PropertyValue value, InputShape? shape)
    {
        // A scalar input (no shape) holding a scalar, a secret or an unknown: nothing below it to judge (most inputs).
        if (shape is null && value is not (ListValue or MapValue)) return;
        // One list of steps per thread serves every walk (each ends before the next starts): no list per input.
        var steps = _steps ??= [];
        steps.Clear();
        Judge(a, new FieldPath(path, steps), value, shape);
    }

    private static void Judge(Assessment a, FieldPath path, PropertyValue value, InputShape? shape)
    {
        switch (value)
        {
            case NullValue:
                return;
            case UnknownValue or SecretValue:
                if (shape is { AnyField: false, Children.Count: > 0 })
                    a.Require(Truth.Unknown, $"the fields {path} sets are known (each must be one the gate reads or knows to be inert)");
                return;
            case ListValue list:
                var item = path;
                for (var i = 0; i < list.Items.Length; i++)
                {
                    item.Enter(null, i);
                    Judge(a, item, list.Items[i], shape);
                    item.Leave();
                }
                return;
            case MapValue map:
                var at = path;
                foreach (var (field, inner) in map.Entries)
                {
                    if (field.StartsWith("__", StringComparison.Ordinal)) continue;
                    var child = shape?.Children.GetValueOrDefault(field);
                    at.Enter(field, 0);
                    if (child is null)
                    {
                        if (ClosedInputs.IsSet(inner))
                            a.Require(Truth.False, $"{at} is unset (no rule reads it)",
                                whenViolated: $"sets {at}, a nested input no rule of the gate reads (known, secret or computed alike): it could open what a judged input would, unseen");
                    }
                    else if (child.Pin is { } pin)
                    {
                        var outcome = pin.Judge(inner);
                        a.Require(outcome, pin.Requirement,
                            whenViolated: outcome == Truth.False ? $"sets {at}, held at {pin.Allowed} (as the program sets it)" : null);
                    }
                    else if (!child.AnyField) Judge(a, at, inner, child);
                    at.Leave();
                }
                return;
            default:
                // A scalar where the provider takes an object of declared fields: not a shape any rule reads.
                if (shape is { AnyField: false, Children.Count: > 0 })
                    a.Require(Truth.False, $"{path} is an object of declared fields",
                        whenViolated: $"sets {path} to {value}, where the provider takes an object the gate reads field by field");
                return;
        }
    }

    /// <summary>
    /// Where a nested value sits (the top-level input, then fields and list positions), made into text
    /// (<c>ingressSecurityRules[3].tcpOptions</c>) only when a requirement names it: most pass, and a text per field and
    /// list item of every resource was a tenth of what a run allocated (ENC-GOV-090).
    /// </summary>
    private readonly struct FieldPath(string top, List<(string? Field, int Index)> steps)
    {
        public void Enter(string? field, int index) => steps.Add((field, index));

        public void Leave() => steps.RemoveAt(steps.Count - 1);

        public override string ToString()
        {
            var text = top;
            foreach (var (field, index) in steps) text = field is null ? $"{text}[{index}]" : $"{text}.{field}";
            return text;
        }
    }

    [ThreadStatic] private static List<(string? Field, int Index)>? _steps;
}
