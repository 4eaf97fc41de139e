using Enclave.Policy.Graph;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>The compliant enclave's detection: audit retention, Cloud Guard, the security zone, alerts and CIS events.</summary>
public static partial class CompliantEnclave
{
    public static readonly string[] AllCisEventTypes = Enclave.Policy.Rules.Logging.CisEventTypes.All.SelectMany(c => c.EventTypes).ToArray();

    /// <summary>The enclave's threat event types beyond CIS (ENC-LOG-020).</summary>
    public static readonly string[] AllThreatEventTypes = Enclave.Policy.Rules.Logging.ThreatEventTypes.All.SelectMany(c => c.EventTypes).ToArray();

    /// <summary>An audit-alert connector as the program declares it: the audit log of every compartment, filtered to
    /// the alerted operations of a region that is (or is not) the home region, notifying <paramref name="topic"/>.</summary>
    public static object AuditAlertConnector(string topic, bool isHome) => new
    {
        compartmentId = Ref("security"), displayName = "usde-dev-audit-alerts",
        source = new { kind = "logging", logSources = new object[] { new { compartmentId = Tenancy, logGroupId = "_Audit_Include_Subcompartment" } } },
        tasks = new object[] { new { kind = "logRule", condition = Enclave.Alerts.AuditCondition.For(Enclave.Alerts.AuditAlerts.OperationsIn(isHome)) } },
        target = new { kind = "notifications", topicId = Ref(topic), enableFormattedMessaging = true },
    };

    /// <summary>Audit retention, Cloud Guard with its target and recipes, the security zone, the topic, the audit alerts and the CIS event rule.</summary>
    private static void AddDetection(GraphBuilder g)
    {
        g.Add(OciTypes.AuditConfiguration, "audit", new { compartmentId = Tenancy, retentionPeriodDays = 365 });
        g.Add(OciTypes.CloudGuardConfiguration, "cloud-guard", new { compartmentId = Tenancy, reportingRegion = "us-ashburn-1", status = "ENABLED" });
        // Cloud Guard that detects (ENC-GOV-010): a target on the top compartment with configuration and activity
        // detector recipes and a responder recipe, each cloned from Oracle's.
        g.Add(OciTypes.DetectorRecipe, "cg-configuration", new { compartmentId = Ref("security"), displayName = "usde-dev-configuration", sourceDetectorRecipeId = "ocid1.cloudguarddetectorrecipe.oc1..oracleconfiguration" });
        g.Add(OciTypes.DetectorRecipe, "cg-activity", new { compartmentId = Ref("security"), displayName = "usde-dev-activity", sourceDetectorRecipeId = "ocid1.cloudguarddetectorrecipe.oc1..oracleactivity" });
        g.Add(OciTypes.ResponderRecipe, "cg-responder", new { compartmentId = Ref("security"), displayName = "usde-dev-responder", sourceResponderRecipeId = "ocid1.cloudguardresponderrecipe.oc1..oracleresponder" });
        g.Add(OciTypes.CloudGuardTarget, "cg-target", new
        {
            compartmentId = Ref("enclave"), displayName = "usde-dev", targetResourceType = "COMPARTMENT", targetResourceId = Ref("enclave"),
            targetDetectorRecipes = new[] { new { detectorRecipeId = Ref("cg-configuration") }, new { detectorRecipeId = Ref("cg-activity") } },
            targetResponderRecipes = new[] { new { responderRecipeId = Ref("cg-responder") } },
        });
        g.Add(OciTypes.SecurityRecipe, "recipe", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-recipe",
            securityPolicies = Enumerable.Range(1, Enclave.Policy.Rules.Governance.SecurityZoneRecipe.RequiredPolicies.Length).Select(i => $"ocid1.securityzonessecuritypolicy.oc1.iad.p{i}").ToArray(),
        });
        g.Add(OciTypes.SecurityZone, "zone", new { compartmentId = Ref("enclave"), displayName = "usde-dev-zone", securityZoneRecipeId = Ref("recipe") });

        g.Add(OciTypes.NotificationTopic, "topic", new { compartmentId = Ref("security"), name = "usde-dev-security" });
        g.Add(OciTypes.Subscription, "topic-mail", new { compartmentId = Ref("security"), topicId = Ref("topic"), protocol = "EMAIL", endpoint = "gatekeepers@enclave.example" });
        // Operations without events (ENC-LOG-021): the home region's audit log, filtered to them, notifies the topic.
        g.Add(OciTypes.Connector, "audit-alerts", AuditAlertConnector("topic", isHome: true));
        g.Add(OciTypes.EventRule, "cis-events", new
        {
            compartmentId = Tenancy, displayName = "usde-dev-cis", isEnabled = true,
            condition = System.Text.Json.JsonSerializer.Serialize(new { eventType = AllCisEventTypes.Concat(AllThreatEventTypes).ToArray() }),
            actions = new { action = new[] { new { actionType = "ONS", isEnabled = true, topicId = Ref("topic") } } },
        });
    }
}
