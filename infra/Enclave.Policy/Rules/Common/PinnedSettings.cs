using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// One input the enclave's program leaves at a fixed value (most often unset, Oracle's closed default): an allow-list
/// of the values a change may give it. <see cref="Allowed"/> says which in findings; <see cref="Accepts"/> decides for a
/// known value.
/// </summary>
public sealed record Pin(string Key, string Allowed, Func<PropertyValue, bool> Accepts)
{
    /// <summary>"key is allowed", made once per pin: every resource of the pinned types states it.</summary>
    public string Requirement { get; } = $"{Key} is {Allowed}";

    /// <summary>
    /// Why the deployed value (a state's output) of this input is not judged when the program leaves it unset: OCI fills
    /// in a value of its own that no change chose and that a pin cannot tell from one (a database's permission level
    /// UNRESTRICTED, its built-in tools). Null, the default: the deployed value is judged (<see cref="AcceptsDeployed"/>).
    /// </summary>
    public string? DeployedUnjudged { get; init; }

    /// <summary>
    /// Is <paramref name="deployed"/> what OCI reports for this input when nothing set it? Every value the pin accepts, and
    /// the empty text and empty list the provider writes for an unset string or list; anything else was set outside the
    /// stack (the console, another tool), where the rules, which read what the program set, never look.
    /// </summary>
    public bool AcceptsDeployed(PropertyValue deployed) =>
        Accepts(deployed) || deployed is StringValue { Value.Length: 0 } or ListValue { Items.Length: 0 } or MapValue { Count: 0 }
        || DeployedDefault?.Accepts(deployed) == true;

    /// <summary>
    /// What OCI reports for this input when nothing set it, where that is a value of its own rather than the empty one,
    /// as an allow-list (a database's built-in tools listed with the state OCI gives each: the private-endpoint tools on,
    /// the MongoDB API off). Null: only <see cref="Accepts"/> and the empty value are OCI's default.
    /// </summary>
    public (string Allowed, Func<PropertyValue, bool> Accepts)? DeployedDefault { get; init; }

    /// <summary>This pin with OCI's own default for it (<see cref="DeployedDefault"/>), judged in deployed outputs.</summary>
    public Pin DeployedAs(string allowed, Func<PropertyValue, bool> accepts) => this with { DeployedDefault = (allowed, accepts) };

    /// <summary>What a deployed value may be, for findings.</summary>
    public string AllowedDeployed => DeployedDefault is { } d ? $"{Allowed}, or {d.Allowed}" : Allowed;

    /// <summary>This pin with its deployed value not judged, and why (<see cref="DeployedUnjudged"/>).</summary>
    public Pin NotDeployed(string why) => this with { DeployedUnjudged = why };

    /// <summary>
    /// True when the value is allowed, False when it is not, Unknown when it cannot be read (a secret or a value computed
    /// at deploy time, whole or inside a list or object, that could make an allowed value a forbidden one).
    /// </summary>
    public Truth Judge(PropertyValue value)
    {
        if (!value.IsKnown) return Truth.Unknown;
        if (Accepts(value)) return Truth.True;
        return value.ContainsUnknown || value.ContainsSecret ? Truth.Unknown : Truth.False;
    }

    public static Pin Unset(string key) => new(key, "unset", static v => v.IsNull);

    public static Pin UnsetOrFalse(string key) => new(key, "unset or false", static v => v.IsNull || v.AsBool() == false);

    public static Pin True(string key) => new(key, "true", static v => v.AsBool() == true);

    public static Pin UnsetOrEmpty(string key) => new(key, "unset or empty", static v => v.IsNull || v is ListValue { Items.Length: 0 });

    /// <summary>Unset, or one of <paramref name="values"/> (OCI reads these enums case-insensitively).</summary>
    public static Pin UnsetOr(string key, params string[] values) =>
        new(key, $"unset or {string.Join(" or ", values)}", v => v.IsNull || values.Any(x => string.Equals(v.AsString(), x, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Exactly one of <paramref name="values"/> (case-insensitive).</summary>
    public static Pin OneOf(string key, params string[] values) =>
        new(key, string.Join(" or ", values), v => values.Any(x => string.Equals(v.AsString(), x, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// The mechanism behind the "as the program sets it" rules: per resource type, the inputs the program pins and the
/// values a change may give them, judged on every resource of the type. An input is read from the resource's inputs
/// (what the program, or the change, set). A state's outputs hold what the cloud has: where the program leaves a pinned
/// input unset, the deployed value must still be OCI's default (<see cref="Pin.AcceptsDeployed"/>): Database Management
/// or auto-tiering switched on in the console shows only there, and ENC-GOV-092 compares only what the program set. A
/// pin whose default OCI computes into a value of its own (a database's permission level) says so
/// (<see cref="Pin.DeployedUnjudged"/>); an output not known until deploy is no evidence. A type's rule may add
/// requirements of its own (<see cref="Extra"/>) that need the graph or the stack config.
/// </summary>
public abstract class PinnedSettingsRule : SinkRuleBase
{
    /// <summary>The pinned inputs, per resource type.</summary>
    protected abstract IReadOnlyList<(string Type, Pin[] Pins)> Table { get; }

    /// <summary>Further requirements on <paramref name="node"/> beyond its pins.</summary>
    protected virtual void Extra(RuleContext context, ResourceNode node, Assessment a)
    {
    }

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var judged = false;
        Assessment? reused = null;
        foreach (var (type, pins) in Table)
            foreach (var node in context.Graph.OfType(type))
            {
                judged = true;
                // One assessment for every resource: each finding copies its message's parts (Assessment.Clear).
                var a = (reused ??= new Assessment()).Clear();
                foreach (var pin in pins)
                {
                    var value = Set(node, pin.Key);
                    var outcome = pin.Judge(value);
                    a.Require(outcome, pin.Requirement,
                        whenViolated: outcome == Truth.False ? $"{pin.Key} is {Show(value)}; only {pin.Allowed} is allowed (as the program sets it)" : null);
                    if (value.IsNull && pin.DeployedUnjudged is null && Deployed(node, pin.Key) is { } deployed)
                    {
                        var kept = deployed.IsKnown ? pin.Judge(deployed).Or(TruthLogic.Of(pin.AcceptsDeployed(deployed))) : Truth.Unknown;
                        a.Require(kept, $"deployed {pin.Key} is still OCI's default ({pin.AllowedDeployed})",
                            whenViolated: kept == Truth.False ? $"deployed {pin.Key} is {Show(deployed)}, though the program leaves it unset: changed outside the stack (only {pin.AllowedDeployed} is allowed)" : null);
                    }
                }
                Extra(context, node, a);
                sink.Judge(node.Urn, node.Label, a);
            }
        if (!judged)
            sink.Pass(Scope.StackUrn(context.Graph), $"no {string.Join(", ", Table.Select(t => OciTypes.ShortName(t.Type)))} to judge");
    }

    /// <summary>The value the program (or the change) set: the input, unknown for a trimmed preview step, else unset.</summary>
    protected static PropertyValue Set(ResourceNode node, string key) =>
        node.Inputs.TryGetValue(key, out var v) ? v : node.InputsUnknown ? PropertyValue.Unknown : PropertyValue.Null;

    /// <summary>
    /// What the cloud holds for <paramref name="key"/> (a state's output, or a preview step's carried one), when the
    /// artifact says: null when it has none, or only a value not known until deploy (the cloud computes it then).
    /// </summary>
    protected static PropertyValue? Deployed(ResourceNode node, string key) =>
        node.Outputs.TryGetValue(key, out var v) && v is not UnknownValue && !v.IsNull ? v : null;

    private static string Show(PropertyValue value) => value switch
    {
        ListValue l => $"a list of {l.Items.Length}",
        MapValue => "an object",
        _ => value.ToString() ?? "",
    };
}
