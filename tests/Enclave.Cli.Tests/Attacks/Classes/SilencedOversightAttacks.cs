using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Oversight switched off piecemeal while everything the coverage rules look for stays in place: a Cloud Guard rule
/// disabled or narrowed in a recipe or at the target (ENC-LOG-030), an event rule whose condition keeps its event
/// types but gains a filter that never matches, or names its event types twice (ENC-LOG-031). Each passed before.
/// </summary>
public sealed class SilencedOversightAttacks : AttackClass
{
    private const string PolicyChanges = "oversight-us-ashburn-1-policy-changes";
    private const string Types = "\"eventType\":[\"com.oraclecloud.identitycontrolplane.createpolicy\",\"com.oraclecloud.identitycontrolplane.deletepolicy\",\"com.oraclecloud.identitycontrolplane.updatepolicy\"]";

    public override string Name => "SilencedOversight";

    public override IEnumerable<AttackCase> Cases() => CloudGuard().Concat(EventRules());

    private static JsonArray Overrides(string idKey, string id, JsonObject details, string? state = null)
    {
        var rule = new JsonObject { [idKey] = id, ["details"] = details };
        if (state is not null) rule["state"] = state;
        return new JsonArray(rule);
    }

    private IEnumerable<AttackCase> CloudGuard()
    {
        yield return Attack("the public-bucket detector disabled in the configuration recipe", "ENC-LOG-030",
            p => p.Resource("tenancy-configuration-detector-recipe").Set("detectorRules",
                Overrides("detectorRuleId", "BUCKET_IS_PUBLIC", new JsonObject { ["isEnabled"] = false })));
        yield return Attack("an activity detector narrowed to a resource name that never occurs", "ENC-LOG-030",
            p => p.Resource("tenancy-activity-detector-recipe").Set("detectorRules", Overrides("detectorRuleId", "SUSPICIOUS_IP_ACTIVITY",
                new JsonObject { ["isEnabled"] = true, ["condition"] = "{\"kind\":\"SIMPLE\",\"parameter\":\"resourceName\",\"operator\":\"EQUALS\",\"value\":\"nothing\"}" })));
        yield return Attack("a detector rule override made inactive", "ENC-LOG-030",
            p => p.Resource("tenancy-configuration-detector-recipe").Set("detectorRules",
                Overrides("detectorRuleId", "VCN_HAS_INTERNET_GATEWAY", new JsonObject { ["isEnabled"] = true }, state: "INACTIVE")));
        yield return Attack("the make-bucket-private responder disabled", "ENC-LOG-030",
            p => p.Resource("tenancy-responder-recipe").Set("responderRules",
                Overrides("responderRuleId", "MAKE_BUCKET_PRIVATE", new JsonObject { ["isEnabled"] = false })));
        yield return Attack("a detector narrowed at the target by a condition group", "ENC-LOG-030",
            p => p.Resource("tenancy-cloud-guard-target").Set("targetDetectorRecipes[0].detectorRules", Overrides("detectorRuleId", "BUCKET_IS_PUBLIC",
                new JsonObject { ["conditionGroups"] = new JsonArray(new JsonObject { ["compartmentId"] = "ocid1.compartment.oc1..nowhere", ["condition"] = "{}" }) })));
        yield return Attack("a detector disabled at the target", "ENC-LOG-030",
            p => p.Resource("tenancy-cloud-guard-target").Set("targetDetectorRecipes[1].detectorRules",
                Overrides("detectorRuleId", "SUSPICIOUS_IP_ACTIVITY", new JsonObject { ["isEnabled"] = false })));
        yield return Attack("a responder disabled at the target", "ENC-LOG-030",
            p => p.Resource("tenancy-cloud-guard-target").Set("targetResponderRecipes[0].responderRules",
                Overrides("responderRuleId", "MAKE_BUCKET_PRIVATE", new JsonObject { ["isEnabled"] = false })));
        yield return Attack("detector overrides hidden as a secret in the state", "ENC-LOG-030",
            p => p.Resource("tenancy-configuration-detector-recipe").Secret("detectorRules"), Forms.Export);
        yield return Attack("detector overrides hidden as a secret in a preview", "ENC-GOV-006",
            p => p.Resource("tenancy-configuration-detector-recipe").Secret("detectorRules"), Forms.Preview);
        yield return Legitimate("a detector override that keeps the rule enabled",
            p => p.Resource("tenancy-configuration-detector-recipe").Set("detectorRules",
                Overrides("detectorRuleId", "BUCKET_IS_PUBLIC", new JsonObject { ["isEnabled"] = true, ["riskLevel"] = "CRITICAL" })));
    }

    private IEnumerable<AttackCase> EventRules()
    {
        AttackCase Condition(string name, string condition) =>
            Attack(name, "ENC-LOG-031", p => p.Resource(PolicyChanges).Set("condition", condition));

        yield return Condition("policy-change alerts filtered to a compartment that does not exist", $"{{{Types},\"data\":{{\"compartmentName\":\"nothing-ever\"}}}}");
        yield return Condition("policy-change alerts filtered by event source", $"{{{Types},\"source\":\"nowhere\"}}");
        yield return Condition("policy-change event types named twice, the second time none", $"{{{Types},\"eventType\":[]}}");
        yield return Condition("policy-change condition as a list", $"[{{{Types}}}]");
        yield return Condition("policy-change event type as a number", "{\"eventType\":42}");
        yield return Condition("policy-change condition that is not JSON", $"{{{Types}");
        yield return Attack("network alerts filtered by a tag the gatekeepers never set", "ENC-LOG-031", p => p.Resource("oversight-us-phoenix-1-nsg-changes")
            .Set("condition", p.Resource("oversight-us-phoenix-1-nsg-changes").Get("condition")!.GetValue<string>().TrimEnd('}') + ",\"data\":{\"freeformTags\":{\"watched\":\"yes\"}}}"));
        yield return Legitimate("policy-change condition reformatted with spaces",
            p => p.Resource(PolicyChanges).Set("condition", $"{{ {Types.Replace(",", ", ", StringComparison.Ordinal)} }}"));
    }
}
