using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static ClosedType[] Oversight =>
    [
        new(OciTypes.Log, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.LogGroup, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.Connector, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.EventRule, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.NotificationTopic, Labels("name", "description", "definedTags", "freeformTags")),
        new(OciTypes.Subscription, [Labels("definedTags", "freeformTags")], [], [new JudgedBy("ENC-LOG-082", "deliveryPolicy")]),
        new(OciTypes.AuditConfiguration),
        new(OciTypes.CloudGuardConfiguration, [],
            [new Fixed("Cloud Guard keeps the service policies it needs to see the tenancy; a self-managed one sees only what someone grants it",
                Pin.UnsetOrFalse("selfManageResources"))],
            []),
        new(OciTypes.DetectorRecipe, Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("the Oracle-managed recipe the clone starts from; every rule the clone turns off or narrows is judged (ENC-LOG-030)",
                "sourceDetectorRecipeId")),
        new(OciTypes.ResponderRecipe, Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("the Oracle-managed recipe the clone starts from; every rule the clone turns off or narrows is judged (ENC-LOG-030)",
                "sourceResponderRecipeId")),
        new(OciTypes.SecurityRecipe, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.SecurityZone, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.CloudGuardTarget, Labels("displayName", "description", "definedTags", "freeformTags")),
        new(OciTypes.DataSafeTargetDatabase, Labels("displayName", "description", "definedTags", "freeformTags")),
    ];
}
