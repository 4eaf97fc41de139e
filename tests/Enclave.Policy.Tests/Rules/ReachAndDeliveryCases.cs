using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The red-team round on identity and oversight: grants beyond a persona's or a dynamic group's place and pins
/// (ENC-IAM-080), service logs kept less than the stack declares (ENC-LOG-080), archive batches held back
/// (ENC-LOG-081), alert retries cut short (ENC-LOG-082), providers with an identity of their own (ENC-GOV-080) or
/// another plugin version (ENC-GOV-081).
/// </summary>
public static class ReachAndDeliveryCases
{
    private const string Guard = $"where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}";

    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    private static object ArchiveTarget(string key, object value) => new Dictionary<string, object>
    {
        ["kind"] = "objectStorage", ["bucket"] = NameOf("archive"), ["namespace"] = "enclavens", [key] = value,
    };

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-080", "gatekeepers read the user data's objects", "root-policy", g =>
            AddStatement(g, $"allow group enclave-gatekeepers to read objects in compartment usde-dev {Guard}")),
        new("ENC-IAM-080", "gatekeepers read objects in the whole tenancy", "root-policy", g =>
            AddStatement(g, $"allow group enclave-gatekeepers to read objects in tenancy {Guard}")),
        new("ENC-IAM-080", "storage admins delete in the archive's compartment", "root-policy", g =>
            AddStatement(g, $"allow group enclave-storage-admins to manage objects in compartment usde-dev:usde-dev-security where all {{request.permission = 'OBJECT_DELETE', {CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}")),
        new("ENC-IAM-080", "the database's dynamic group uses every key", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to use keys in compartment usde-dev")),
        new("ENC-IAM-080", "the database's dynamic group reads every secret", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to read secret-bundles in compartment usde-dev")),
        new("ENC-IAM-080", "the database's dynamic group reads objects of any bucket", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to read objects in compartment usde-dev")),
        new("ENC-IAM-080", "the database's dynamic group writes the archive", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to manage objects in compartment usde-dev where target.bucket.name = 'usde-dev-archive'")),
        new("ENC-IAM-080", "the database's dynamic group manages VNICs", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to manage vnics in compartment usde-dev")),
        new("ENC-IAM-080", "the database's dynamic group by permission list", "root-policy", g =>
            AddStatement(g, "allow dynamic-group usde-dev-adb to {KEY_DECRYPT} in compartment usde-dev")),
        new("ENC-LOG-080", "flow log kept 30 days where the stack declares 90", "flow-data", g => g.With("flow-data", "retentionDuration", 30)),
        new("ENC-LOG-080", "flow log retention left to OCI's 30-day default", "flow-data", g => g.With("flow-data", "retentionDuration", null)),
        new("ENC-LOG-081", "archive batches held for a day", "archive-connector", g => g.With("archive-connector", "target", ArchiveTarget("batchRolloverTimeInMs", 86_400_000))),
        new("ENC-LOG-081", "archive batches of 10 GB", "archive-connector", g => g.With("archive-connector", "target", ArchiveTarget("batchRolloverSizeInMbs", 10_000))),
        new("ENC-LOG-081", "archive batch time that is not a number", "archive-connector", g => g.With("archive-connector", "target", ArchiveTarget("batchRolloverTimeInMs", "soon"))),
        new("ENC-LOG-082", "alerts retried for one minute", "topic-mail", g =>
            g.With("topic-mail", "deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":60000,\"policyType\":\"EXPONENTIAL\"}}")),
        new("ENC-LOG-082", "alert delivery policy the gate cannot read", "topic-mail", g => g.With("topic-mail", "deliveryPolicy", "{backoff: none}")),
        new("ENC-LOG-082", "alert delivery policy with an unknown setting", "topic-mail", g =>
            g.With("topic-mail", "deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":7200000,\"dropAfter\":1}}")),
        new("ENC-GOV-080", "provider signs in as another user", "default", g => g.With("default", "userOcid", "ocid1.user.oc1..parentcoadmin")),
        new("ENC-GOV-080", "provider reads a parent-company profile", "default", g => g.With("default", "configFileProfile", "PARENTCO")),
        new("ENC-GOV-080", "provider signs in as an instance principal", "default", g => g.With("default", "auth", "InstancePrincipal")),
        new("ENC-GOV-081", "provider pinned to an older plugin", "default", g => g.With("default", "version", "4.19.0")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        // A child's name not known until deploy: the path may name it (a name no compartment has is a violation, IdentityRound9Cases).
        new("ENC-IAM-080", "a grant in a compartment path that cannot be resolved", "root-policy", g =>
        {
            g.Add(OciTypes.Compartment, "renamed", new { compartmentId = Ref("enclave"), name = Unknown, description = "computed" });
            AddStatement(g, $"allow group enclave-gatekeepers to read objects in compartment usde-dev:nowhere {Guard}");
        }),
        new("ENC-LOG-080", "flow log retention unknown", "flow-data", g => g.With("flow-data", "retentionDuration", Unknown)),
        new("ENC-LOG-081", "archive batch time unknown", "archive-connector", g => g.With("archive-connector", "target", ArchiveTarget("batchRolloverTimeInMs", Unknown))),
        new("ENC-LOG-082", "alert delivery policy unknown", "topic-mail", g => g.With("topic-mail", "deliveryPolicy", Unknown)),
        new("ENC-GOV-080", "provider auth unknown", "default", g => g.With("default", "auth", Unknown)),
        new("ENC-GOV-081", "provider version unknown", "default", g => g.With("default", "version", Unknown)),
    ];
}
