using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 7: ENC-GOV-090 below the top level. Each field of an object input is one a rule reads, one known to
/// be inert, or one held at the program's value; any other field set fails, and an object whose fields cannot be read
/// (computed or secret as a whole) is undetermined.
/// </summary>
public static class NestedInputCases
{
    private static object FlowSource(object extra) => new
    {
        source = new { service = "flowlogs", category = "all", resource = Ref("data"), sourceType = "OCISERVICE", parameters = extra },
    };

    public static readonly RuleCase[] Failing =
    [
        new("ENC-GOV-090", "flow log's source given parameters no rule reads", "flow-data",
            g => g.With("flow-data", "configuration", FlowSource(new Dictionary<string, object> { ["forwardTo"] = "parent-siem" }))),
        new("ENC-GOV-090", "archive connector's target also calls a function", "archive-connector", g => g.With("archive-connector", "target",
            new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens", functionId = "ocid1.fnfunc.oc1.iad.parentcopy" })),
        new("ENC-GOV-090", "Cloud Guard target widens a detector's allowed ports", "cg-target", g => g.With("cg-target", "targetDetectorRecipes", new object[]
        {
            new
            {
                detectorRecipeId = Ref("cg-configuration"),
                detectorRules = new[] { new { detectorRuleId = "SECURITY_LIST_OPEN_SOURCE", details = new { configurations = new[] { new { configKey = "allowedPorts", value = "0-65535" } } } } },
            },
            new { detectorRecipeId = Ref("cg-activity") },
        })),
        new("ENC-GOV-090", "database encrypted by a key in another cloud's key manager", "adb", g => g.With("adb", "encryptionKey",
            new { autonomousDatabaseProvider = "AWS", keyArn = "arn:aws:kms:us-east-1:123456789012:key/parent", arnRole = "arn:aws:iam::123456789012:role/parent" })),
        new("ENC-GOV-090", "service gateway claims Object Storage by name in its inputs", "sgw", g => g.With("sgw", "services",
            new[] { new { serviceId = "ocid1.service.oc1.iad.all", serviceName = "OCI IAD Object Storage" } })),
        // ENC-LOG-030: a clone's source against Oracle's recipes the stack declares (oracleIds).
        new("ENC-LOG-030", "configuration detector cloned from a user-managed recipe", "cg-configuration",
            g => g.With("cg-configuration", "sourceDetectorRecipeId", "ocid1.cloudguarddetectorrecipe.oc1..parentquiet")),
        new("ENC-LOG-030", "responder cloned from another responder recipe", "cg-responder",
            g => g.With("cg-responder", "sourceResponderRecipeId", "ocid1.cloudguardresponderrecipe.oc1..parentnoop")),
        // ENC-GOV-003: the recipe's OCIDs against those the stack declares (oracleIds.securityZonePolicies).
        new("ENC-GOV-003", "zone recipe swaps a declared policy for another OCID", "zone", g => g.With("recipe", "securityPolicies",
            ((string[])g["recipe"].Inputs["securityPolicies"]!).Skip(1).Append("ocid1.securityzonessecuritypolicy.oc1.iad.weaker").ToArray())),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-GOV-090", "flow log's configuration computed at deploy as a whole", "flow-data", g => g.With("flow-data", "configuration", Unknown)),
        new("ENC-GOV-090", "archive connector's target a secret as a whole", "archive-connector", g => g.With("archive-connector", "target", Secret)),
        new("ENC-LOG-030", "detector recipe's source in a stack that declares none", "cg-activity", _ => { })
        {
            Policy = p => p with { OracleDetectorRecipeIds = [] },
        },
        new("ENC-LOG-030", "responder recipe's source computed at deploy", "cg-responder", g => g.With("cg-responder", "sourceResponderRecipeId", Unknown)),
        new("ENC-GOV-003", "zone recipe of OCIDs in a stack that declares none", "zone", _ => { })
        {
            Policy = p => p with { SecurityZonePolicyIds = [] },
        },
    ];
}
