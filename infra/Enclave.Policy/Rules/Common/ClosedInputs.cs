using System.Collections.Frozen;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// An input no rule reads that a type may set at any value, and why that can open no door. A key is a top-level input or
/// a dotted path to a field of an object input (<c>customerContacts.email</c>, lists included).
/// </summary>
public sealed record Inert(string Reason, params string[] Keys)
{
    /// <summary>Every field of these object inputs is inert too (free-form tags, a secret's content): none is listed.</summary>
    public bool AnyField { get; init; }
}

/// <summary>An input no rule reads that a type may set only at the value the program gives it, and why.</summary>
public sealed record Fixed(string Reason, Pin Pin);

/// <summary>
/// Inputs a rule reads without declaring them in <see cref="IsolationSettings"/> (one that reads a key on every type,
/// such as every Object Storage namespace): accepted at any value, because <paramref name="RuleId"/> judges them.
/// </summary>
public sealed record JudgedBy(string RuleId, params string[] Keys)
{
    /// <summary>The rule judges these object inputs whole (it refuses any value but unset, or reads every field): none is listed.</summary>
    public bool Whole { get; init; }
}

/// <summary>
/// Types whose inputs are an allow-list (ENC-GOV-090): each input a change sets is one a rule reads
/// (<see cref="IsolationSettings"/>, derived, never repeated here), one listed as inert for the type with the reason it
/// cannot widen access (<see cref="Inert"/>: labels, sizes, maintenance), or one held at the program's value
/// (<see cref="Fixed"/>). Any other input, a provider field no rule reads (zero-trust security attributes, a dedicated
/// container database, a Bastion's DNS proxy, a secret's retrieval rules) or one the provider does not even have, could
/// do what a judged input does through another field, so it fails when set: known, secret or computed alike. The tables
/// (<see cref="ClosedInputTables"/>) hold every OCI type the program creates and the network, key and copy types a
/// change could add; inputs are those of Pulumi.Oci 4.20.0 (the official listing). The program's tests keep a table for
/// every type the program creates and a reason for every inert input.
/// </summary>
public static class ClosedInputs
{
    /// <summary>What a type accepts: the inputs set at any value (judged or inert) and those held at one value.</summary>
    public sealed class Table
    {
        internal Table(ClosedType declared)
        {
            Type = declared.Type;
            Pinned = declared.Fixed.Where(f => !f.Pin.Key.Contains('.', StringComparison.Ordinal))
                .ToFrozenDictionary(f => f.Pin.Key, f => f.Pin, StringComparer.Ordinal);
            // A nested declaration (source.kind) accepts its top-level input (source), judged field by field (Shapes).
            var keys = declared.Inert.SelectMany(i => i.Keys).Concat(declared.Judged.SelectMany(j => j.Keys))
                .Concat(declared.Fixed.Select(f => f.Pin.Key).Where(k => k.Contains('.', StringComparison.Ordinal)))
                .Select(InputShape.TopOf);
            // A pinned input is declared isolation-relevant too (its secrecy changes the verdict), but is held at its value.
            Accepted = keys.Concat(IsolationSettings.KeysOf(Type)).Where(k => !Pinned.ContainsKey(k)).ToFrozenSet(StringComparer.Ordinal);
            Shapes = InputShape.Build(declared);
        }

        public string Type { get; }
        /// <summary>Inputs set at any value: read by a rule or inert.</summary>
        public FrozenSet<string> Accepted { get; }
        /// <summary>Inputs held at the program's value.</summary>
        public FrozenDictionary<string, Pin> Pinned { get; }
        /// <summary>Per object input, the fields it may set; an accepted input without one is a scalar (ClosedShape).</summary>
        public FrozenDictionary<string, InputShape> Shapes { get; }
    }

    private static readonly Table[] All = ClosedInputTables.Declared.Select(d => new Table(d)).ToArray();

    private static readonly FrozenDictionary<string, Table> ByType = All.ToFrozenDictionary(t => t.Type, StringComparer.Ordinal);

    /// <summary>The tables, one per closed type (an array: the rule walks it once per graph).</summary>
    public static IReadOnlyList<Table> Tables => All;

    /// <summary>The types whose inputs are closed.</summary>
    public static IEnumerable<string> Types => All.Select(t => t.Type);

    /// <summary>Every inert input with its reason and every fixed one with its reason, for documentation and tests.</summary>
    public static IEnumerable<(string Type, string Key, string Reason)> Reasons =>
        ClosedInputTables.Declared.SelectMany(d => d.Inert.SelectMany(i => i.Keys.Select(k => (d.Type, k, i.Reason)))
            .Concat(d.Fixed.Select(f => (d.Type, f.Pin.Key, f.Reason))));

    /// <summary>Is <paramref name="key"/> an input a resource of <paramref name="type"/> may set at any value (judged or inert)?</summary>
    public static bool Accepts(string type, string key) =>
        !ByType.TryGetValue(type, out var table) || Accepts(table, key);

    /// <summary>The same for a type's table already looked up (once per type, not once per input).</summary>
    public static bool Accepts(Table table, string key) =>
        table.Accepted.Contains(key) || key.StartsWith("__", StringComparison.Ordinal);

    /// <summary>
    /// Whether a key outside the allow-list is set: null, an empty list or object is no change; any other value is,
    /// a secret or a value computed from another resource included (the program never sets the key, so a change that
    /// sets it to anything at all is one no rule reads).
    /// </summary>
    public static bool IsSet(PropertyValue value) => value switch
    {
        { IsNull: true } => false,
        ListValue { Items.Length: 0 } => false,
        MapValue { Count: 0 } => false,
        _ => true,
    };
}
