using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// Extends the compliant enclave (us-ashburn-1) into a second region the way the program does: an explicit provider,
/// the region's own vault key, a locked archive bucket encrypted with it, a log group with the bucket's write log, and
/// a connector of that region shipping the region's audit log and that log group into the bucket; and the region's
/// gatekeeper topic with the audit-alert connector and the threat event rule notifying it.
/// </summary>
public static class SecondRegion
{
    public const string Region = "us-phoenix-1";
    public const string Provider = "phoenix";

    public static GraphBuilder WithPhoenixArchive(this GraphBuilder g)
    {
        g.Add(OciTypes.Provider, Provider, new { region = Region, version = "4.20.0" });
        var vault = g.Add(OciTypes.Vault, "vault-phx", new { compartmentId = Ref("security"), displayName = "usde-dev-phx-vault", vaultType = "VIRTUAL_PRIVATE" }, protect: true);
        vault.Outputs["managementEndpoint"] = "https://devphxvault-management.kms.us-phoenix-1.oraclecloud.com";
        In(vault);
        In(g.Add(OciTypes.Key, "key-phx", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-phx-logs", managementEndpoint = "out:vault-phx:managementEndpoint",
            keyShape = new { algorithm = "AES", length = 32 }, protectionMode = "HSM", isAutoRotationEnabled = true,
            autoKeyRotationDetails = new { rotationIntervalInDays = 90 },
        }, protect: true));
        In(g.Add(OciTypes.Bucket, "archive-phx", new
        {
            compartmentId = Ref("security"), name = "usde-dev-phx-archive", @namespace = "enclavens", kmsKeyId = Ref("key-phx"),
            retentionRules = new[] { new { displayName = "lock", duration = new { timeAmount = "365", timeUnit = "DAYS" }, timeRuleLocked = "2026-05-01T00:00:00Z" } },
        }, protect: true));
        In(g.Add(OciTypes.LogGroup, "logs-phx", new { compartmentId = Ref("security"), displayName = "usde-dev-phx-logs" }, protect: true));
        var log = CompliantEnclave.BucketLog("archive-phx");
        var inputs = ToDictionary(log);
        inputs["logGroupId"] = Ref("logs-phx");
        In(g.Add(OciTypes.Log, "write-archive-phx", inputs, protect: true));
        var reads = ToDictionary(CompliantEnclave.BucketLog("archive-phx", "read"));
        reads["logGroupId"] = Ref("logs-phx");
        In(g.Add(OciTypes.Log, "read-archive-phx", reads, protect: true));
        In(g.Add(OciTypes.Connector, "archive-connector-phx", ConnectorInputs(Ref("logs-phx"), NameOf("archive-phx"))));
        In(g.Add(OciTypes.NotificationTopic, "topic-phx", new { compartmentId = Ref("security"), name = "usde-dev-phx-alerts" }));
        In(g.Add(OciTypes.Subscription, "topic-phx-mail", new { compartmentId = Ref("security"), topicId = Ref("topic-phx"), protocol = "EMAIL", endpoint = "gatekeepers@enclave.example" }));
        In(g.Add(OciTypes.Connector, "audit-alerts-phx", CompliantEnclave.AuditAlertConnector("topic-phx", isHome: false)));
        In(g.Add(OciTypes.EventRule, "threat-events-phx", ThreatRuleInputs("topic-phx")));
        return g;
    }

    /// <summary>A root-compartment rule notifying <paramref name="topic"/> of the threat event types raised outside the
    /// home region (ENC-LOG-020: events are regional).</summary>
    public static object ThreatRuleInputs(string topic) => new
    {
        compartmentId = CompliantEnclave.Tenancy, displayName = "usde-dev-phx-threats", isEnabled = true,
        condition = System.Text.Json.JsonSerializer.Serialize(new
        {
            eventType = Enclave.Alerts.ThreatEventAlerts.All.Where(a => a.AppliesTo(isHome: false)).SelectMany(a => a.EventTypes).ToArray(),
        }),
        actions = new { action = new[] { new { actionType = "ONS", isEnabled = true, topicId = Ref(topic) } } },
    };

    /// <summary>A connector shipping the audit log on the tenancy and one log group into a bucket.</summary>
    public static object ConnectorInputs(object logGroup, object bucket) => new
    {
        compartmentId = Ref("security"), displayName = "usde-dev-phx-archive",
        source = Source(logGroup),
        target = new { kind = "objectStorage", bucket, @namespace = "enclavens" },
    };

    /// <summary>A connector source: an audit group read in a compartment (by default the tenancy) and one log group.</summary>
    public static object Source(object logGroup, string auditGroup = "_Audit_Include_Subcompartment",
        string auditCompartment = CompliantEnclave.Tenancy) => new
    {
        kind = "logging",
        logSources = new object[]
        {
            new { compartmentId = auditCompartment, logGroupId = auditGroup },
            new { compartmentId = Ref("security"), logGroupId = logGroup },
        },
    };

    /// <summary>
    /// A cross-region Data Guard standby of the database in the second region, naming <paramref name="kmsKeyId"/>, and
    /// a second key of the stack it may name instead of its primary's.
    /// </summary>
    public static GraphBuilder WithStandby(this GraphBuilder g, object? kmsKeyId)
    {
        if (!g.Has(Provider)) g.Add(OciTypes.Provider, Provider, new { region = Region, version = "4.20.0" });
        g.Add(OciTypes.Key, "key-2", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-other", keyShape = new { algorithm = "AES", length = 32 },
            isAutoRotationEnabled = true, autoKeyRotationDetails = new { rotationIntervalInDays = 90 },
        }, protect: true);
        In(g.Add(OciTypes.AutonomousDatabase, "adb-standby", new
        {
            compartmentId = Ref("enclave"), source = "CROSS_REGION_DATAGUARD", sourceId = Ref("adb"), subnetId = Ref("data"),
            isMtlsConnectionRequired = true, isFreeTier = false, kmsKeyId, vaultId = Ref("vault"),
        }, protect: true));
        return g;
    }

    /// <summary>Deploys the resource with the second region's provider.</summary>
    public static Spec In(Spec spec, string provider = Provider)
    {
        spec.Provider = provider;
        return spec;
    }

    /// <summary>An explicit provider whose region is not known until deploy (e.g. read from another stack).</summary>
    public static GraphBuilder WithUnknownRegionProvider(this GraphBuilder g, string name = "elsewhere")
    {
        g.Add(OciTypes.Provider, name, new { region = Unknown, version = "4.20.0" });
        return g;
    }
}
