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

    /// <summary>Every enclave region has one log archive: a bucket of that region, locked for the configured days.</summary>
    public static IReadOnlyList<string> ArchiveBucketIsRetentionLockedForConfiguredDays(Deployed d)
    {
        var check = new Check();
        var days = d.Settings.Logging.ArchiveRetentionDays;
        foreach (var region in EnclaveRegions(d))
        {
            var archives = d.Archives().Where(a => d.RegionOf(a.Connector) == region).ToList();
            check.That(archives.Count == 1, $"{archives.Count} log archives in {region}");
            foreach (var (connector, archive) in archives)
            {
                check.That(archive is not null, $"{connector.Where()} in {region} archives into no bucket of the stack");
                if (archive is null) continue;
                var rules = archive.List("retentionRules");
                check.That(rules.Any(r => Values.At(r, "duration.timeUnit") as string == "DAYS" &&
                                          Values.At(r, "duration.timeAmount") as string == days.ToString(System.Globalization.CultureInfo.InvariantCulture) &&
                                          DateTimeOffset.TryParse(Values.At(r, "timeRuleLocked") as string, out _)),
                    $"{archive.Where()} has no retention rule locked for {days} days");
                check.That(archive.Str("versioning") != "Enabled", $"{archive.Where()} is versioned (OCI refuses retention rules then)");
                check.That(archive.Bool("objectEventsEnabled") == true, $"{archive.Where()} emits no object events");
                check.That(d.RegionOf(archive) == region, $"the {region} archive bucket is in {d.RegionOf(archive)}");
            }
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> BucketsHaveWriteLogs(Deployed d)
    {
        var check = new Check();
        foreach (var b in d.OfType(Oci.Bucket))
            check.That(d.OfType(Oci.Log).Any(l => l.Str("configuration.source.service") == "objectstorage" &&
                                                 l.Str("configuration.source.category") == "write" &&
                                                 l.Str("configuration.source.sourceType") == "OCISERVICE" &&
                                                 l.Str("logType") == "SERVICE" &&
                                                 l.Str("configuration.source.resource") == b.Str("name") &&
                                                 l.Str("configuration.compartmentId") == b.Str("compartmentId") &&
                                                 l.Bool("isEnabled") == true && d.RegionOf(l) == d.RegionOf(b)),
                $"{b.Where()} has no write log");
        return check.Violations;
    }

    /// <summary>
    /// A Service Connector reads logs of its own region only, so every enclave region has one, shipping that region's
    /// audit log (IAM events of the home region are recorded there only) and every flow and bucket log of the region to
    /// the locked archive bucket of the same region.
    /// </summary>
    public static IReadOnlyList<string> ServiceConnectorShipsAuditFlowAndBucketLogsToArchive(Deployed d)
    {
        var check = new Check();
        var connectors = d.Archives().Select(a => a.Connector).ToList();
        foreach (var region in EnclaveRegions(d))
        {
            var count = connectors.Count(c => d.RegionOf(c) == region);
            check.That(count == 1, $"{count} archive service connectors in {region}");
        }
        foreach (var c in connectors)
        {
            var region = d.RegionOf(c);
            var sources = c.List("source.logSources");
            check.That(c.Str("source.kind") == "logging", $"connector source kind {c.Str("source.kind")}");
            check.That(sources.Any(s => Values.At(s, "compartmentId") as string == d.Settings.TenancyOcid &&
                                        Values.At(s, "logGroupId") as string == "_Audit_Include_Subcompartment"),
                $"the {region} audit log (_Audit_Include_Subcompartment) is not shipped");
            var shipped = sources.Select(s => Values.At(s, "logId") as string).OfType<string>().ToHashSet();
            var regional = d.OfType(Oci.Log).Where(l => d.RegionOf(l) == region &&
                                                        l.Str("configuration.source.service") is "flowlogs" or "objectstorage");
            foreach (var log in regional)
                check.That(shipped.Contains(log.Id), $"{log.Where()} in {region} is not shipped to the archive");
            var archive = d.Archives().Single(a => a.Connector == c).Bucket;
            check.That(c.Str("target.kind") == "objectStorage" && archive is not null && d.RegionOf(archive) == region &&
                       archive.List("retentionRules").Count > 0,
                $"connector target {c.Str("target.kind")} {c.Str("target.bucket")} is not the locked archive of {region}");
        }
        return check.Violations;
    }

    /// <summary>Each connector may only add objects to an archive bucket (by name), in the security compartment, or
    /// (the audit-alert connectors) use the topics of the security compartment.</summary>
    public static IReadOnlyList<string> ServiceConnectorMayOnlyWriteArchiveBucket(Deployed d)
    {
        var check = new Check();
        var archives = d.ArchiveBuckets().Select(b => b.Str("name")).OfType<string>().ToList();
        var grants = d.ParsedStatements().Select(x => x.Statement)
            .Where(s => s.Subject == "any-user" && s.HasCondition("request.principal.type='serviceconnector'")).ToList();
        foreach (var archive in archives)
            check.That(grants.Any(s => s.HasCondition($"target.bucket.name='{archive}'")), $"no Service Connector may write the archive {archive}");
        var security = d.CompartmentId("security");
        // The audit-alert connectors publish as service principals: without this grant no alert reaches a topic.
        check.That(grants.Any(s => s.Resource == "ons-topics" && s.Verb == "use" && s.CompartmentId == security),
            "no Service Connector may publish to the gatekeepers' topics");
        foreach (var s in grants)
            if (s.Resource == "ons-topics")  // the audit-alert connectors publish to the gatekeepers' topics
                check.That(s.Verb == "use" && s.CompartmentId == security && s.HasCondition($"request.principal.compartment.id='{security}'"),
                    $"connector grant is broader than publishing to the security compartment's topics: {s.Text}");
            else
                check.That(s.Resource == "objects" && archives.Any(a => s.HasCondition($"target.bucket.name='{a}'")) &&
                           s.CompartmentId == security && s.HasCondition("request.permission!='OBJECT_DELETE'"),
                    $"connector grant is broader than writing the archive: {s.Text}");
        return check.Violations;
    }

    /// <summary>
    /// Object Storage of a region may use exactly the keys its buckets are encrypted with (a bucket can only use a key
    /// of its own region): every bucket's key is granted to its region's Object Storage, and nothing else is.
    /// </summary>
    public static IReadOnlyList<string> ObjectStorageUsesOnlyItsRegionsBucketKeys(Deployed d)
    {
        var check = new Check();
        var grants = d.ParsedStatements().Select(x => x.Statement)
            .Where(s => s.Subject.StartsWith("service objectstorage-", StringComparison.Ordinal)).ToList();
        foreach (var bucket in d.OfType(Oci.Bucket))
        {
            var service = $"service objectstorage-{d.RegionOf(bucket)}";
            check.That(grants.Any(s => s.Subject == service && KeyIds(s).Contains(bucket.Str("kmsKeyId") ?? "")),
                $"{bucket.Where()}: {service} may not use its key {bucket.Str("kmsKeyId")}");
        }
        foreach (var s in grants)
        {
            var region = s.Subject["service objectstorage-".Length..];
            var keysOfRegion = d.OfType(Oci.Bucket).Where(b => d.RegionOf(b) == region).Select(b => b.Str("kmsKeyId")).ToHashSet();
            check.That(s is { Verb: "use", Resource: "keys" } && s.CompartmentId == d.CompartmentId("security") &&
                       KeyIds(s).Count > 0 && KeyIds(s).All(keysOfRegion.Contains),
                $"{s.Subject} is granted more than the keys of the {region} buckets: {s.Text}");
        }
        return check.Violations;
    }

    private static IReadOnlyList<string> KeyIds(PolicyStatement s) =>
        [.. System.Text.RegularExpressions.Regex.Matches(s.Condition, @"target\.key\.id\s*=\s*'([^']+)'").Select(m => m.Groups[1].Value)];

    /// <summary>Service logs stay searchable in Logging for at least 90 days (OBP LAM-19), as configured.</summary>
    public static IReadOnlyList<string> ServiceLogsAreKeptAtLeast90Days(Deployed d)
    {
        var check = new Check();
        var logs = d.OfType(Oci.Log).ToList();
        check.That(logs.Count > 0, "no service logs");
        foreach (var log in logs)
            check.That(log.Num("retentionDuration") is { } days && days >= 90 && days == d.Settings.Logging.LogRetentionDays,
                $"{log.Where()} is kept {log.Num("retentionDuration")?.ToString() ?? "the default 30"} days");
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
