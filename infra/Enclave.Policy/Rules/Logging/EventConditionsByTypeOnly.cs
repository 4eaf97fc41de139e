using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// ENC-LOG-031: an event rule's condition names event types and nothing else. The coverage rules (ENC-LOG-004,
/// -020) read which event types a rule lists; a <c>data</c> filter (a compartment, a resource name, a tag that never
/// occurs) or a second <c>eventType</c> key (JSON readers disagree on which of two keys counts) keeps the list the gate
/// reads while the rule never fires. So the condition is an allow-list of one shape:
/// <c>{"eventType": "…"}</c> or <c>{"eventType": ["…", …]}</c>.
/// </summary>
public sealed class EventConditionsByTypeOnly : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-031", "Event rules match by event type alone", Severity.High, Enforcement.Mandatory,
        "A notification rule whose condition also filters on event data (\"data\": {\"compartmentName\": \"nothing\"}) or repeats its eventType key still lists every event type the coverage rules look for, yet OCI may never fire it: the gatekeepers stop hearing about policy, network or key changes without any rule changing colour.",
        "Write the condition as {\"eventType\": [\"…\", …]} only: one eventType key, a string or a list of strings spelt exactly as Oracle spells the types (no * patterns, no padding), no data, source or other filter. Scope a rule by its compartment instead.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var node in context.Graph.OfType(OciTypes.EventRule))
        {
            var condition = node.Input("condition");
            var (outcome, problem) = !condition.IsKnown ? (Truth.Unknown, $"condition is {condition}")
                : condition.AsString() is not { Length: > 0 } json ? (Truth.False, "has no condition: it matches nothing the coverage rules can read")
                : Judge(json);
            sink.Judge(node.Urn, outcome, $"{node.Label}: condition names event types only",
                $"{node.Label}: condition {problem}", $"{node.Label}: not known until deploy: {problem}");
        }
    }

    private static (Truth, string) Judge(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (Truth.False, "is not a JSON object");
            var types = 0;
            foreach (var p in root.EnumerateObject())
            {
                if (!string.Equals(p.Name, "eventType", StringComparison.Ordinal))
                    return (Truth.False, $"filters on \"{Cut(p.Name)}\" too: a filter can make the rule never fire");
                if (++types > 1) return (Truth.False, "names eventType twice (readers disagree on which counts)");
                var ok = p.Value.ValueKind == JsonValueKind.String
                    || p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String);
                if (!ok) return (Truth.False, "has an eventType that is not a string or a list of strings");
                if (Inexact(p.Value) is { } inexact) return (Truth.False, inexact);
            }
            return types == 1 ? (Truth.True, "") : (Truth.False, "names no eventType");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (Truth.False, "is not valid JSON: OCI would refuse or misread it");
        }
    }

    /// <summary>
    /// Why one of the listed types is not a literal Oracle spelling, or null. OCI matches <c>*</c> as a wildcard, so a
    /// pattern (<c>…identitycontrolplane.create*</c>) matches some of the types the coverage rules need and not others,
    /// and the gate does not evaluate patterns: it counts only literal types, and a pattern or padded value here is
    /// refused rather than guessed (fail closed).
    /// </summary>
    private static string? Inexact(JsonElement value)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(i => i.GetString() ?? "") : [value.GetString() ?? ""];
        foreach (var t in items)
        {
            if (t.Contains('*', StringComparison.Ordinal))
                return $"lists the pattern \"{Cut(t)}\": the gate counts only literal event types (a wildcard may stop matching the changes the alerts are for)";
            if (t.Length == 0 || t.Trim().Length != t.Length || t.Any(char.IsWhiteSpace))
                return $"lists \"{Cut(t)}\", blank or padded: no Oracle event type is spelt so, and it may never fire";
        }
        return null;
    }

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
