using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Logging sinks and oversight (item 7).</summary>
public static class OversightRules
{
    public static IReadOnlyList<string> BucketsArePrivateAndCmkEncrypted(Deployed d)
    {
        var check = new Check();
        var keys = d.OfType(Oci.Key).Select(k => k.Id).ToHashSet();
        foreach (var b in d.OfType(Oci.Bucket))
            check.That(b.Str("accessType") == "NoPublicAccess" && keys.Contains(b.Str("kmsKeyId") ?? ""),
                $"{b.Where()}: accessType={b.Str("accessType")} kmsKeyId={b.Str("kmsKeyId")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> ArchiveBucketIsRetentionLockedForConfiguredDays(Deployed d)
    {
        var check = new Check();
        var archive = d.ArchiveBucket();
        check.That(archive is not null, "no archive bucket behind the Service Connector");
        if (archive is null) return check.Violations;
        var days = d.Settings.Logging.ArchiveRetentionDays;
        var rules = archive.List("retentionRules");
        check.That(rules.Any(r => Values.At(r, "duration.timeUnit") as string == "DAYS" &&
                                  Values.At(r, "duration.timeAmount") as string == days.ToString(System.Globalization.CultureInfo.InvariantCulture) &&
                                  DateTimeOffset.TryParse(Values.At(r, "timeRuleLocked") as string, out _)),
            $"archive bucket has no retention rule locked for {days} days");
        check.That(archive.Str("versioning") != "Enabled", "archive bucket is versioned (OCI refuses retention rules then)");
        check.That(archive.Bool("objectEventsEnabled") == true, "archive bucket emits no object events");
        check.That(d.RegionOf(archive) == d.Settings.DeploymentRegion, $"archive bucket is in {d.RegionOf(archive)}");
        return check.Violations;
    }

    public static IReadOnlyList<string> BucketsHaveWriteLogs(Deployed d)
    {
        var check = new Check();
        foreach (var b in d.OfType(Oci.Bucket))
            check.That(d.OfType(Oci.Log).Any(l => l.Str("configuration.source.service") == "objectstorage" &&
                                                 l.Str("configuration.source.category") == "write" &&
                                                 l.Str("configuration.source.resource") == b.Str("name") &&
                                                 l.Bool("isEnabled") == true && d.RegionOf(l) == d.RegionOf(b)),
                $"{b.Where()} has no write log");
        return check.Violations;
    }

    public static IReadOnlyList<string> ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(Deployed d)
    {
        var check = new Check();
        var connectors = d.OfType(Oci.Connector).ToList();
        check.That(connectors.Count == 1, $"{connectors.Count} service connectors");
        foreach (var c in connectors)
        {
            var sources = c.List("source.logSources");
            check.That(c.Str("source.kind") == "logging", $"connector source kind {c.Str("source.kind")}");
            check.That(sources.Any(s => Values.At(s, "compartmentId") as string == d.Settings.TenancyOcid &&
                                        Values.At(s, "logGroupId") as string == "_Audit_Include_Subcompartment"),
                "the tenancy audit log (_Audit_Include_Subcompartment) is not shipped");
            var shipped = sources.Select(s => Values.At(s, "logId") as string).OfType<string>().ToHashSet();
            var regional = d.OfType(Oci.Log).Where(l => d.RegionOf(l) == d.RegionOf(c) &&
                                                        l.Str("configuration.source.service") is "flowlogs" or "objectstorage");
            foreach (var log in regional)
                check.That(shipped.Contains(log.Id), $"{log.Where()} is not shipped to the archive");
            check.That(c.Str("target.kind") == "objectStorage" && c.Str("target.bucket") == d.ArchiveBucket()?.Str("name") &&
                       d.ArchiveBucket()?.List("retentionRules").Count > 0,
                $"connector target {c.Str("target.kind")} {c.Str("target.bucket")} is not the locked archive");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> ServiceConnectorMayOnlyWriteArchiveBucket(Deployed d)
    {
        var check = new Check();
        var archive = d.ArchiveBucket()?.Str("name");
        var grants = d.ParsedStatements().Select(x => x.Statement)
            .Where(s => s.Subject == "any-user" && s.HasCondition("request.principal.type='serviceconnector'")).ToList();
        check.That(grants.Count > 0, "the Service Connector may not write the archive");
        foreach (var s in grants)
            check.That(s.Resource == "objects" && s.HasCondition($"target.bucket.name='{archive}'") &&
                       s.CompartmentId == d.CompartmentId("security") && s.HasCondition("request.permission!='OBJECT_DELETE'"),
                $"connector grant is broader than writing the archive: {s.Text}");
        return check.Violations;
    }

    /// <summary>Every region the enclave uses (event rules and topics must exist in each).</summary>
    public static IReadOnlyList<string> EnclaveRegions(Deployed d) =>
        [.. new[] { d.Settings.HomeRegion, d.Settings.DeploymentRegion, d.Settings.Database.StandbyRegion }.OfType<string>().Distinct()];

    public static IReadOnlyList<string> NotificationsEmailEveryGatekeeper(Deployed d)
    {
        var check = new Check();
        foreach (var region in EnclaveRegions(d))
        {
            var topics = d.OfType(Oci.Topic).Where(t => d.RegionOf(t) == region).ToList();
            check.That(topics.Count > 0, $"no notification topic in {region}");
            foreach (var topic in topics)
            {
                var emails = d.OfType(Oci.Subscription)
                    .Where(s => s.Str("topicId") == topic.Id && s.Str("protocol") == "EMAIL" && d.RegionOf(s) == region)
                    .Select(s => s.Str("endpoint")).ToHashSet();
                check.That(emails.SetEquals(d.Settings.NotificationEmails), $"{topic.Where()} emails {string.Join(", ", emails)}");
            }
        }
        return check.Violations;
    }

    /// <summary>Event types CIS OCI v3.0 requires per recommendation, as its compliance script checks them.</summary>
    public static readonly ImmutableDictionary<string, string[]> CisEventTypes = new Dictionary<string, string[]>
    {
        ["4.3"] = Identity("createidentityprovider", "deleteidentityprovider", "updateidentityprovider"),
        ["4.4"] = Identity("addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping"),
        ["4.5"] = Identity("creategroup", "deletegroup", "updategroup"),
        ["4.6"] = Identity("createpolicy", "deletepolicy", "updatepolicy"),
        ["4.7"] = Identity("createuser", "deleteuser", "updateuser", "updateusercapabilities", "updateuserstate"),
        ["4.8"] = Vnet("createvcn", "deletevcn", "updatevcn"),
        ["4.9"] = Vnet("changeroutetablecompartment", "createroutetable", "deleteroutetable", "updateroutetable"),
        ["4.10"] = Vnet("changesecuritylistcompartment", "createsecuritylist", "deletesecuritylist", "updatesecuritylist"),
        ["4.11"] = Vnet("changenetworksecuritygroupcompartment", "createnetworksecuritygroup", "deletenetworksecuritygroup", "updatenetworksecuritygroup"),
        ["4.12"] =
        [
            .. Vnet("createdrg", "deletedrg", "updatedrg", "createdrgattachment", "deletedrgattachment", "updatedrgattachment",
                "changeinternetgatewaycompartment", "createinternetgateway", "deleteinternetgateway", "updateinternetgateway",
                "changelocalpeeringgatewaycompartment", "createlocalpeeringgateway", "deletelocalpeeringgateway", "updatelocalpeeringgateway"),
            "com.oraclecloud.natgateway.changenatgatewaycompartment", "com.oraclecloud.natgateway.createnatgateway",
            "com.oraclecloud.natgateway.deletenatgateway", "com.oraclecloud.natgateway.updatenatgateway",
            "com.oraclecloud.servicegateway.attachserviceid", "com.oraclecloud.servicegateway.changeservicegatewaycompartment",
            "com.oraclecloud.servicegateway.createservicegateway", "com.oraclecloud.servicegateway.deleteservicegateway.begin",
            "com.oraclecloud.servicegateway.deleteservicegateway.end", "com.oraclecloud.servicegateway.detachserviceid",
            "com.oraclecloud.servicegateway.updateservicegateway",
        ],
        ["4.15"] = ["com.oraclecloud.cloudguard.problemdetected", "com.oraclecloud.cloudguard.problemdismissed", "com.oraclecloud.cloudguard.problemremediated"],
        ["4.18"] = ["com.oraclecloud.identitysignon.interactivelogin"],
    }.ToImmutableDictionary();

    /// <summary>Recommendations whose events are raised in every region (the rest only in the home region).</summary>
    public static readonly string[] EveryRegion = ["4.8", "4.9", "4.10", "4.11", "4.12", "4.18"];

    private static string[] Identity(params string[] names) => [.. names.Select(n => "com.oraclecloud.identitycontrolplane." + n)];
    private static string[] Vnet(params string[] names) => [.. names.Select(n => "com.oraclecloud.virtualnetwork." + n)];

    /// <summary>Rules in the root compartment of <paramref name="region"/> notifying a subscribed topic of that region.</summary>
    private static IEnumerable<Registered> NotifyingRootRules(Deployed d, string region)
    {
        var subscribedTopics = d.OfType(Oci.Subscription).Select(s => s.Str("topicId")).ToHashSet();
        var topics = d.OfType(Oci.Topic).Where(t => d.RegionOf(t) == region && subscribedTopics.Contains(t.Id))
            .Select(t => t.Id).ToHashSet();
        return d.OfType(Oci.EventRule).Where(r =>
            r.Str("compartmentId") == d.Settings.TenancyOcid && r.Bool("isEnabled") == true && d.RegionOf(r) == region &&
            r.List("actions.action").Any(a => Values.At(a, "actionType") as string == "ONS" &&
                                             Values.At(a, "isEnabled") as bool? == true &&
                                             topics.Contains(Values.At(a, "topicId") as string ?? "")));
    }

    public static IReadOnlyList<string> EventRulesCoverCisEventsInRootCompartment(Deployed d)
    {
        var check = new Check();
        foreach (var region in EnclaveRegions(d))
        {
            var rules = NotifyingRootRules(d, region).Select(EventTypes).ToList();
            foreach (var (cis, required) in CisEventTypes)
                if (region == d.Settings.HomeRegion || EveryRegion.Contains(cis))
                    check.That(rules.Any(types => required.All(types.Contains)), $"CIS {cis}: no notifying root rule in {region}");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> EventRulesIncludeBothIdpGroupMappingSpellings(Deployed d)
    {
        string[] both =
        [
            .. Identity("addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping", "createidpgroupmapping", "deleteidpgroupmapping"),
        ];
        var rules = NotifyingRootRules(d, d.Settings.HomeRegion).Select(EventTypes).ToList();
        return new Check().That(rules.Any(types => both.All(types.Contains)),
            "no root rule covers both spellings of the IdP group-mapping events").Violations;
    }

    /// <summary>Event types of a rule's JSON condition.</summary>
    public static IReadOnlyList<string> EventTypes(Registered rule)
    {
        try
        {
            using var doc = JsonDocument.Parse(rule.Str("condition") ?? "{}");
            return doc.RootElement.TryGetProperty("eventType", out var types) && types.ValueKind == JsonValueKind.Array
                ? [.. types.EnumerateArray().Select(t => t.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
