using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-092: the rules judge what the program set (a resource's inputs); a deployed state, and a preview's steps,
/// also carry what the cloud holds (its outputs, which <c>pulumi refresh</c> brings in, and which a <c>same</c> step or
/// an <c>ignoreChanges</c> option keeps). A setting changed outside the stack (the console, the CLI, another tool) shows
/// only there: a bucket made public, an ingress rule added to a security list, a retention rule removed, a key or route
/// swapped. Every setting a rule judges (<see cref="IsolationSettings"/> and the closed tables' judged and pinned
/// inputs) must hold in the outputs what it holds in the inputs, or the gate judged a value the cloud does not have.
/// Compared as the provider echoes them: case, spacing and number-or-string spelling aside, fields the input leaves
/// unset (provider defaults) ignored, list items matched as a set (the provider may reorder them); an output the
/// artifact does not carry (absent, not known until deploy) is no evidence either way, a null one where the program
/// set a value is a removal, a secret one cannot be read.
/// </summary>
public sealed class DeployedAsJudged : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-092", "Deployed settings are the settings the gate judged (no drift)", Severity.Critical, Enforcement.Mandatory,
        "The rules judge the values the program sets; a change made in the console or by another tool shows only in the deployed values (outputs) of a state or preview, and the gate would pass an open bucket or security list because the program still says closed.",
        "Revert the change made outside the stack (pulumi up without ignoreChanges on the setting restores the program's value), or make it in the program so the gate judges it; then refresh and export the state again.");

    // A list longer than this on both sides is compared item by item in order, not as a set (no quadratic work on a
    // hostile state); a reordered long list then reads as drift, which fails closed.
    private const int SetCompareLimit = 64 * 64;

    // Comparisons one setting may take, and the whole run: lists nested in lists multiply the set comparisons, so a
    // hostile state could otherwise make one setting, or every resource, cost billions of them. A setting that needs
    // more reads as drift (fails closed). Values the loader shares between inputs and outputs (equal ones) cost nothing.
    private const int SettingBudget = 200_000;
    private const long RunBudgetBase = 20_000_000, RunBudgetPerResource = 200;

    /// <summary>Per type, the top-level inputs some rule reads or pins.</summary>
    private static readonly FrozenDictionary<string, string[]> Judged = BuildJudged();

    private static FrozenDictionary<string, string[]> BuildJudged()
    {
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string type, string path)
        {
            if (!keys.TryGetValue(type, out var set)) keys[type] = set = new HashSet<string>(StringComparer.Ordinal);
            var dot = path.IndexOf('.');
            set.Add(dot < 0 ? path : path[..dot]);
        }
        foreach (var (type, _) in IsolationSettings.All)
            if (type != IsolationSettings.AnyOciType)
                foreach (var k in IsolationSettings.KeysOf(type)) Add(type, k);
        foreach (var closed in ClosedInputTables.Declared)
        {
            foreach (var f in closed.Fixed) Add(closed.Type, f.Pin.Key);
            foreach (var j in closed.Judged)
                foreach (var k in j.Keys) Add(closed.Type, k);
            foreach (var k in IsolationSettings.KeysOf(closed.Type)) Add(closed.Type, k);
        }
        return keys.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var drifted = false;
        var run = RunBudgetBase + RunBudgetPerResource * context.Graph.Resources.Length;
        foreach (var node in context.Graph.Resources)
        {
            if (!node.Custom || node.Outputs.Count == 0) continue;
            var keys = Judged.GetValueOrDefault(node.Type) ?? IsolationSettings.KeysOf(node.Type);
            Assessment? a = null;
            foreach (var key in keys)
            {
                if (!node.Inputs.TryGetValue(key, out var input) || !node.Outputs.TryGetValue(key, out var output)) continue;
                var start = (int)Math.Min(SettingBudget, Math.Max(run, 0));
                var budget = start;
                var agrees = Agrees(input, output, ref budget);
                run -= start - Math.Max(budget, 0);
                if (agrees == Truth.True) continue;
                a ??= new Assessment();
                a.Require(agrees, $"deployed {key} is the value the program set",
                    whenViolated: $"deployed {key} ({Short(output)}) is not the value the program set and the gate judged ({Short(input)}): changed outside the stack");
            }
            if (a is null) continue;
            drifted = true;
            sink.Judge(node.Urn, node.Label, a);
        }
        if (!drifted) sink.Pass(Scope.StackUrn(context.Graph), "every deployed setting the rules judge is the value the program set");
    }

    /// <summary>
    /// Does the deployed value <paramref name="output"/> hold what the program set (<paramref name="input"/>)? True when
    /// it does or the artifact does not say (not known until deploy); Unknown for a secret output.
    /// </summary>
    internal static Truth Agrees(PropertyValue input, PropertyValue output, ref int budget)
    {
        if (ReferenceEquals(input, output)) return Truth.True;
        if (--budget < 0) return Truth.False;
        if (output is UnknownValue || input is NullValue or UnknownValue or SecretValue) return Truth.True;
        // A setting the program makes that the cloud no longer holds (a port range, a retention rule's duration) was
        // removed outside the stack; one the program leaves empty has nothing to lose.
        if (output is NullValue) return TruthLogic.Of(!Scope.IsSet(input));
        if (output is SecretValue) return Truth.Unknown;
        switch (input)
        {
            case MapValue im when output is MapValue om:
                var all = Truth.True;
                foreach (var (k, v) in im.Entries)
                {
                    if (om.TryGetValue(k, out var o)) all = all.And(Agrees(v, o, ref budget));
                    if (all == Truth.False) break;
                }
                return all;
            case ListValue il when output is ListValue ol:
                return Lists(il.Items, ol.Items, ref budget);
            case MapValue or ListValue:
                return Truth.False;
        }
        if (output is MapValue or ListValue) return Truth.False;
        var (a, b) = (Text(input), Text(output));
        return TruthLogic.Of(string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || SameInstant(a, b));
    }

    /// <summary>Two spellings of one timestamp (the service echoes a lock time with milliseconds the program left out).</summary>
    private static bool SameInstant(string? a, string? b) =>
        a is not null && b is not null && a.Contains(':', StringComparison.Ordinal) && b.Contains(':', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x)
        && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y)
        && x == y;

    /// <summary>Every deployed item is one the program set, and every item the program set is deployed.</summary>
    private static Truth Lists(ImmutableArray<PropertyValue> input, ImmutableArray<PropertyValue> output, ref int budget)
    {
        if (input.Length == output.Length)
        {
            var inOrder = Truth.True;
            for (var i = 0; i < input.Length && inOrder != Truth.False; i++) inOrder = inOrder.And(Agrees(input[i], output[i], ref budget));
            if (inOrder == Truth.True) return inOrder;
        }
        if ((long)input.Length * output.Length > SetCompareLimit) return Truth.False;
        var result = Truth.True;
        foreach (var o in output) result = result.And(Any(input, o, deployed: true, ref budget));
        foreach (var i in input) result = result.And(Any(output, i, deployed: false, ref budget));
        return result;
    }

    private static Truth Any(ImmutableArray<PropertyValue> items, PropertyValue item, bool deployed, ref int budget)
    {
        var any = Truth.False;
        foreach (var other in items)
        {
            any = any.Or(deployed ? Agrees(other, item, ref budget) : Agrees(item, other, ref budget));
            if (any == Truth.True) break;
        }
        return any;
    }

    private static string? Text(PropertyValue v) => v switch
    {
        StringValue s => s.Value.Trim(),
        BoolValue b => b.Value ? "true" : "false",
        NumberValue n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        ResourceRefValue r => r.Id ?? r.Urn,
        _ => v.ToString(),
    };

    private static string Short(PropertyValue v)
    {
        var s = v switch
        {
            ListValue l => $"{l.Items.Length} item(s): {string.Join(", ", l.Items.Take(4).Select(i => i.ToString()))}",
            _ => v.ToString() ?? "",
        };
        return s.Length <= 160 ? s : string.Concat(s.AsSpan(0, 157), "...");
    }
}
