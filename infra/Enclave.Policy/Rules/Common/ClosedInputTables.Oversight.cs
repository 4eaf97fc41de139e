using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static ClosedType[] Oversight =>
    [
        new(OciTypes.Log, Labels),
        new(OciTypes.LogGroup, Labels),
        new(OciTypes.Connector, Labels),
        new(OciTypes.EventRule, Labels),
        new(OciTypes.NotificationTopic, Named),
        new(OciTypes.Subscription, [Labels], [], [new JudgedBy("ENC-LOG-082", "deliveryPolicy")]),
        new(OciTypes.AuditConfiguration),
        new(OciTypes.CloudGuardConfiguration, [],
            [new Fixed("Cloud Guard keeps the service policies it needs to see the tenancy; a self-managed one sees only what someone grants it",
                Pin.UnsetOrFalse("selfManageResources"))],
            []),
        new(OciTypes.DetectorRecipe, Labels,
            new Inert("the Oracle-managed recipe the clone starts from; every rule the clone turns off or narrows is judged (ENC-LOG-030)",
                "sourceDetectorRecipeId")),
        new(OciTypes.ResponderRecipe, Labels,
            new Inert("the Oracle-managed recipe the clone starts from; every rule the clone turns off or narrows is judged (ENC-LOG-030)",
                "sourceResponderRecipeId")),
        new(OciTypes.SecurityRecipe, Labels),
        new(OciTypes.SecurityZone, Labels),
        new(OciTypes.CloudGuardTarget, Labels),
        new(OciTypes.DataSafeTargetDatabase, Labels),
    ];
}
