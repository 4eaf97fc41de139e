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
                                                 l.Str("configuration.compartmentId") == b.Str("compartmentId") &&
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
}
