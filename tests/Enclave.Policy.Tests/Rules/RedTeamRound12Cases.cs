using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 12 (network, data and oversight side). The "as the program sets it" rules read only the inputs, and
/// ENC-GOV-092 compares only the inputs the program sets: a pinned setting the program leaves at OCI's default and that is
/// switched on in the console (Database Management, Operations Insights, auto-tiering, a long-term backup schedule, a
/// subnet moved to other DHCP options) showed only in the deployed outputs, which nothing read. An alert subscription
/// OCI holds as PENDING (never confirmed) or DELETED (unsubscribed from the link in a mail), or a topic being deleted,
/// still named the gatekeepers' address and topic while OCI delivers nothing. Settings that hold no resource id (an alert
/// address, an event condition, a connector's filter, a key's length, the archive's retention, a security-list rule, a
/// route's destination, an NSG rule's CIDR) stayed advisory when unknown in a preview, as if the cloud computed them.
/// </summary>
public static class RedTeamRound12Cases
{
    /// <summary>What the cloud holds for <paramref name="key"/> (an output only: the program sets no input of that name).</summary>
    private static GraphBuilder Deployed(GraphBuilder g, string name, string key, object? value)
    {
        g[name].Outputs[key] = value;
        return g;
    }

    /// <summary>The data subnet and its VCN as OCI reports them: the VCN's default DHCP options, and the subnet's.</summary>
    private static void Dhcp(GraphBuilder g, object? subnets, object? vcnDefault)
    {
        Deployed(g, "vcn", "defaultDhcpOptionsId", vcnDefault);
        Deployed(g, "data", "dhcpOptionsId", subnets);
    }

    internal const string DefaultDhcp = "ocid1.dhcpoptions.oc1.iad.aaaaaaaavcndefault";

    public static readonly RuleCase[] Failing =
    [
        new("ENC-LOG-050", "alert subscription never confirmed (PENDING)", "topic-mail", g => Deployed(g, "topic-mail", "state", "PENDING")),
        new("ENC-LOG-050", "alert subscription unsubscribed from a mail's link (DELETED)", "topic-mail", g => Deployed(g, "topic-mail", "state", "DELETED")),
        new("ENC-LOG-050", "alert topic being deleted", "topic", g => Deployed(g, "topic", "state", "DELETING")),
        new("ENC-DB-070", "Database Management switched on in the console", "adb", g => Deployed(g, "adb", "databaseManagementStatus", "ENABLED")),
        new("ENC-DB-070", "Operations Insights switched on in the console", "adb", g => Deployed(g, "adb", "operationsInsightsStatus", "ENABLED")),
        new("ENC-DB-090", "long-term backup schedule made in the console", "adb", g => Deployed(g, "adb", "longTermBackupSchedules",
            new[] { new { repeatCadence = "WEEKLY", retentionPeriodInDays = 3650, isDisabled = false } })),
        new("ENC-STO-070", "auto-tiering switched on in the console", "data-bucket", g => Deployed(g, "data-bucket", "autoTiering", "InfrequentAccess")),
        new("ENC-NET-071", "IPv6 switched on for the VCN in the console", "vcn", g => Deployed(g, "vcn", "isIpv6enabled", true)),
        new("ENC-NET-071", "data subnet moved to other DHCP options in the console", "data", g => Dhcp(g, "ocid1.dhcpoptions.oc1.iad.aaaaaaaaparentcoresolver", DefaultDhcp)),
        // Values that hold no resource id, so nothing the cloud computes: unknown in a preview, the change computed them.
        new("ENC-GOV-007", "alert subscription's address computed from another resource", "topic-mail", g => g.With("topic-mail", "endpoint", Unknown)),
        new("ENC-GOV-007", "event rule condition computed from another resource", "cis-events", g => g.With("cis-events", "condition", Unknown)),
        new("ENC-GOV-007", "audit-alert connector's filter computed", "audit-alerts", g => g.With("audit-alerts", "tasks", new[] { new { kind = "logRule", condition = Unknown } })),
        new("ENC-GOV-007", "database contacts computed", "adb", g => g.With("adb", "customerContacts", new[] { new { email = Unknown } })),
        new("ENC-GOV-007", "key length computed", "key", g => g.With("key", "keyShape", new { algorithm = "AES", length = Unknown })),
        new("ENC-GOV-007", "archive retention computed", "archive", g => g.With("archive", "retentionRules",
            new[] { new { displayName = "lock", duration = new { timeAmount = Unknown, timeUnit = "DAYS" }, timeRuleLocked = "2026-05-01T00:00:00Z" } })),
        new("ENC-GOV-007", "security-list source computed", "data-sl", g => g.With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = Unknown, tcpOptions = new { min = 1522, max = 1522 } } })),
        new("ENC-GOV-007", "route destination computed beside its gateway", "data-rt", g => g.With("data-rt", "routeRules",
            new[] { new { networkEntityId = Ref("sgw"), destination = Unknown, destinationType = "SERVICE_CIDR_BLOCK" } })),
        new("ENC-GOV-007", "NSG rule's CIDR source computed", "db-nsg-in", g => g.With("db-nsg-in", "source", Unknown)),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-DB-070", "deployed Database Management status is a secret", "adb", g => Deployed(g, "adb", "databaseManagementStatus", Secret)),
        new("ENC-LOG-050", "deployed subscription state is a secret", "topic-mail", g => Deployed(g, "topic-mail", "state", Secret)),
        new("ENC-NET-071", "subnet's deployed DHCP options beside a VCN whose default options the state does not say", "data",
            g => Dhcp(g, "ocid1.dhcpoptions.oc1.iad.aaaaaaaaparentcoresolver", null)),
    ];
}
