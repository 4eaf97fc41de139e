using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static ClosedType[] Oversight =>
    [
        new(OciTypes.Log, [Labels("displayName", "definedTags", "freeformTags"),
            new Inert("the compartment of the logged resource, which the source names; the log's own compartment is judged", "configuration.compartmentId")], [],
            [new JudgedBy("ENC-LOG-001", "configuration.source.sourceType", "configuration.source.service", "configuration.source.category",
                "configuration.source.resource")]),
        new(OciTypes.LogGroup, Labels("displayName", "description", "definedTags", "freeformTags")),
        // Logs into a bucket or a topic, with the tasks that filter them: no stream, function, metric or private endpoint.
        new(OciTypes.Connector, [Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("how objects are named and records formatted in the judged bucket or topic", "target.objectNamePrefix", "target.enableFormattedMessaging")], [],
            [new JudgedBy("ENC-LOG-002", "source.kind", "source.logSources.compartmentId", "source.logSources.logGroupId", "source.logSources.logId",
                "target.kind", "target.bucket", "target.namespace"),
                new JudgedBy("ENC-GOV-023", "target.topicId"), new JudgedBy("ENC-LOG-081", "target.batchRolloverSizeInMbs", "target.batchRolloverTimeInMs"),
                new JudgedBy("ENC-LOG-006", "tasks.kind", "tasks.condition")]),
        new(OciTypes.EventRule, [Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("an action's description says why it exists and sends nothing", "actions.actions.description", "actions.action.description")], [],
            [new JudgedBy("ENC-LOG-007", "actions.actions.actionType", "actions.actions.isEnabled", "actions.actions.topicId", "actions.actions.streamId",
                "actions.actions.functionId", "actions.action.actionType", "actions.action.isEnabled", "actions.action.topicId",
                "actions.action.streamId", "actions.action.functionId")]),
        new(OciTypes.NotificationTopic, Labels("name", "description", "definedTags", "freeformTags")),
        new(OciTypes.Subscription, [Labels("definedTags", "freeformTags")], [], [new JudgedBy("ENC-LOG-082", "deliveryPolicy")]),
        new(OciTypes.AuditConfiguration),
        new(OciTypes.CloudGuardConfiguration, [],
            [new Fixed("Cloud Guard keeps the service policies it needs to see the tenancy; a self-managed one sees only what someone grants it",
                Pin.UnsetOrFalse("selfManageResources"))],
            []),
        // The source recipe is judged by ENC-LOG-030 against the stack's oracleIds (IsolationSettings).
        new(OciTypes.DetectorRecipe, [Labels("displayName", "description", "definedTags", "freeformTags"), OverrideId("detectorRules.detectorRuleId")],
            [new Fixed("raised to critical only: a lower risk level than Oracle's drops the problem below what alerts and reviewers look at",
                Pin.UnsetOr("detectorRules.details.riskLevel", "CRITICAL"))],
            [Overrides("detectorRules", "details.condition")]),
        new(OciTypes.ResponderRecipe, [Labels("displayName", "description", "definedTags", "freeformTags"), OverrideId("responderRules.responderRuleId")], [],
            [Overrides("responderRules", "details.condition")]),
        new(OciTypes.SecurityRecipe, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.SecurityZone, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.CloudGuardTarget, [Labels("displayName", "description", "definedTags", "freeformTags"),
                OverrideId("targetDetectorRecipes.detectorRules.detectorRuleId", "targetResponderRecipes.responderRules.responderRuleId")], [],
            [new JudgedBy("ENC-LOG-030", "targetDetectorRecipes.detectorRecipeId", "targetResponderRecipes.responderRecipeId"),
                Overrides("targetDetectorRecipes.detectorRules"),
                // Whole: any condition group narrows the rule to the resources it matches, whatever its compartment or condition.
                new JudgedBy("ENC-LOG-030", "targetDetectorRecipes.detectorRules.details.conditionGroups") { Whole = true },
                Overrides("targetResponderRecipes.responderRules", "details.condition")]),
        // Registered through the stack's Data Safe endpoint as an Autonomous Database: no listener, host or on-premises connector.
        new(OciTypes.DataSafeTargetDatabase, [Labels("displayName", "description", "definedTags", "freeformTags")], [],
            [new JudgedBy("ENC-DB-004", "connectionOption.connectionType", "connectionOption.datasafePrivateEndpointId",
                "databaseDetails.databaseType", "databaseDetails.infrastructureType", "databaseDetails.autonomousDatabaseId")]),
    ];

    /// <summary>
    /// A recipe's rule overrides as ENC-LOG-030 reads them: their state, whether each is on and what narrows it. A
    /// threshold, risk level, entity mapping or list a detector compares with is a setting no rule reads, so it is refused.
    /// </summary>
    private static JudgedBy Overrides(string rules, params string[] more) => new("ENC-LOG-030",
        [$"{rules}.state", $"{rules}.details.isEnabled", .. more.Select(m => $"{rules}.{m}")]);

    /// <summary>
    /// Which rule an override addresses: ENC-LOG-030 judges every override alike (its state, whether it is on, what narrows
    /// it) whichever rule it names, so an override that leaves its rule as Oracle wrote it is harmless for any id.
    /// </summary>
    private static Inert OverrideId(params string[] keys) => new(
        "which detector or responder rule an override addresses: every override is judged alike (state, isEnabled, conditions) whichever rule it names", keys);
}
