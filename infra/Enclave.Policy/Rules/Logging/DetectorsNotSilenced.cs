using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// ENC-LOG-030: the Cloud Guard recipes stay Oracle's, whole. A recipe clone may carry rule overrides, and a target
/// may override its recipes' rules again: one <c>isEnabled: false</c> or one condition that matches nothing silences
/// the detector for a public bucket or a new internet gateway while the target and recipes still exist (what
/// ENC-GOV-010 checks). An override may only keep a rule enabled and unconditioned; anything else fails, and what
/// the gate cannot read is undetermined. A clone starts from Oracle's recipe the stack declares (<c>oracleIds</c>): any
/// other source (a user-managed recipe with rules off) looks the same by OCID.
/// </summary>
public sealed class DetectorsNotSilenced : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-030", "Cloud Guard detector and responder rules are not switched off or narrowed", Severity.High, Enforcement.Mandatory,
        "Cloud Guard raises a problem only for the rules a recipe enables, on the resources their conditions match: a recipe or target override that disables a rule or adds a condition (a compartment, a resource name that never occurs) blinds oversight to that misconfiguration or activity without removing anything ENC-GOV-010 looks for.",
        "Drop the override (detectorRules / responderRules on the recipe, or on the target's recipes), or set details.isEnabled: true with no condition or conditionGroups; clone only Oracle's recipes, declared in `oracleIds.detectorRecipes` and `oracleIds.responderRecipe`.",
        Cis: "4.14")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        // Each declared detector recipe is cloned once: two clones of one source leave the other detector out.
        var sources = context.Graph.OfType(OciTypes.DetectorRecipe).Select(n => n.Input("sourceDetectorRecipeId").AsString())
            .OfType<string>().GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var node in context.Graph.OfType(OciTypes.DetectorRecipe))
        {
            var source = node.Input("sourceDetectorRecipeId").AsString();
            var once = source is not null && sources.GetValueOrDefault(source) > 1
                ? (Truth.False, $"sourceDetectorRecipeId {source} is cloned by another detector recipe too: one of Oracle's detectors is left out")
                : (Truth.True, "its source is cloned once");
            sink.Add(Judged(node, Overrides(node.Input("detectorRules"), "detectorRules", "detectorRuleId")
                .Prepend(once).Prepend(Source(node, "sourceDetectorRecipeId", context.Policy.OracleDetectorRecipeIds, "oracleIds.detectorRecipes"))));
        }
        foreach (var node in context.Graph.OfType(OciTypes.ResponderRecipe))
            sink.Add(Judged(node, Overrides(node.Input("responderRules"), "responderRules", "responderRuleId")
                .Prepend(Source(node, "sourceResponderRecipeId", context.Policy.OracleResponderRecipeIds, "oracleIds.responderRecipe"))));
        foreach (var node in context.Graph.OfType(OciTypes.CloudGuardTarget))
            sink.Add(Judged(node, Nested(node.Input("targetDetectorRecipes"), "targetDetectorRecipes", "detectorRules", "detectorRuleId")
                .Concat(Nested(node.Input("targetResponderRecipes"), "targetResponderRecipes", "responderRules", "responderRuleId"))));
    }

    private Finding Judged(ResourceNode node, IEnumerable<(Truth Outcome, string Text)> checks)
    {
        var a = new Assessment();
        foreach (var (outcome, text) in checks) a.Require(outcome, text, text);
        if (a.IsEmpty) a.Require(Truth.True, "no rule override");
        return a.ToFinding(Info.Id, node.Urn, node.Label);
    }

    /// <summary>
    /// The clone starts from one of Oracle's recipes the stack declares: a recipe's OCID says nothing of whose it is, so
    /// one swapped for a weaker (user-managed, rules off) recipe looks the same unless the stack names Oracle's.
    /// </summary>
    private static (Truth, string) Source(ResourceNode node, string key, System.Collections.Immutable.ImmutableArray<string> declared, string config)
    {
        var source = node.Input(key);
        if (declared.IsEmpty) return (Truth.Unknown, $"{key} {source} is one of Oracle's recipes the stack declares ({config}; none declared)");
        return (source.Test(v => v.AsString() is { } id && declared.Contains(id, StringComparer.Ordinal)),
            $"{key} {source} is one of Oracle's recipes the stack declares ({config})");
    }

    private static IEnumerable<(Truth, string)> Nested(PropertyValue recipes, string listKey, string rulesKey, string idKey)
    {
        if (!recipes.IsKnown) { yield return (Truth.Unknown, $"{listKey} is {recipes}"); yield break; }
        var list = recipes.AsList();
        for (var i = 0; i < list.Length; i++)
            foreach (var check in Overrides(list[i][rulesKey], $"{listKey}[{i}].{rulesKey}", idKey))
                yield return check;
    }

    /// <summary>Each override of a rule list: enabled (when it says), with no condition narrowing it.</summary>
    private static IEnumerable<(Truth, string)> Overrides(PropertyValue rules, string path, string idKey)
    {
        if (rules.IsNull) yield break;
        if (!rules.IsKnown) { yield return (Truth.Unknown, $"{path} is {rules}"); yield break; }
        var list = rules.AsList();
        for (var i = 0; i < list.Length; i++)
        {
            var rule = list[i];
            var who = $"{path}[{i}] ({rule[idKey]})";
            if (!rule.IsKnown) { yield return (Truth.Unknown, $"{who} is {rule}"); continue; }
            var state = rule["state"];
            if (!state.IsNull)
                yield return (state.EqualsString("ACTIVE", StringComparison.OrdinalIgnoreCase), $"{who} state is {state}, not ACTIVE");
            var details = rule["details"];
            if (details.IsNull) continue;
            if (!details.IsKnown) { yield return (Truth.Unknown, $"{who} details are {details}"); continue; }
            var enabled = details["isEnabled"];
            if (!enabled.IsNull) yield return (enabled.EqualsBool(true), $"{who} is switched off (details.isEnabled {enabled})");
            foreach (var key in (string[])["condition", "conditionGroups"])
            {
                var narrowing = details[key];
                yield return (narrowing.Test(v => v.IsNull || v.AsString() is { Length: 0 } || v is ListValue { Items.Length: 0 }),
                    $"{who} is narrowed by details.{key} ({narrowing}): it no longer sees every resource of the target");
            }
        }
    }
}
