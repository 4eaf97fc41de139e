using Enclave.Alerts;
using Enclave.Components.Iam;
using Enclave.Components.Oversight;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Issue 11: the doors the program closes beyond items 1–7 (PARs, database administration, identity hygiene,
/// read oversight, Cloud Guard detection, standby residency).</summary>
public static class HardeningRules
{
    private static readonly string[] ParCapable = ["object-family", "buckets", "all-resources"];

    /// <summary>No grant lets anyone create a PAR: every manage grant that may include PAR_MANAGE excludes it or pins
    /// request.permission to something else; and PAR creation (which emits no event: only the audit log records it)
    /// notifies the gatekeepers from the audit log in every enclave region.</summary>
    public static IReadOnlyList<string> NoGrantCreatesPreauthenticatedRequests(Deployed d)
    {
        var check = new Check();
        foreach (var (_, s) in d.ParsedStatements())
        {
            if (s.Verb != "manage" || !ParCapable.Contains(s.Resource)) continue;
            var pinned = System.Text.RegularExpressions.Regex.IsMatch(s.CompactCondition, @"request\.permission=(?!par_manage)[a-z_]+");
            check.That(s.HasCondition("request.permission!='PAR_MANAGE'") || pinned, $"may create pre-authenticated requests: {s.Text}");
        }
        foreach (var region in EnclaveRegions(d))
            check.That(AuditAlertedOperations(d, region).Contains("CreatePreauthenticatedRequest"),
                $"PAR creation in {region} notifies nobody");
        return check.Violations;
    }

    /// <summary>Operators see the database and start, stop or restart it; nothing else (no update, wallet, clone, DR).</summary>
    public static IReadOnlyList<string> OperatorsRunButCannotWeakenDatabase(Deployed d)
    {
        var check = new Check();
        var grants = d.ParsedStatements().Select(x => x.Statement)
            .Where(s => s.IsGroup(d.Settings.Groups.Operator) && s.Resource.StartsWith("autonomous-", StringComparison.Ordinal)).ToList();
        check.That(grants.Any(s => s.Verb == "use"), "operators cannot run the database");
        foreach (var s in grants)
        {
            var operations = System.Text.RegularExpressions.Regex.Matches(s.CompactCondition, @"request\.operation=([a-z]+)")
                .Select(m => m.Groups[1].Value).ToList();
            var runOnly = s is { Verb: "use", Resource: "autonomous-databases" } && operations.Count > 0 &&
                          s.CompactCondition.Contains("any{", StringComparison.Ordinal) &&
                          operations.All(o => EnclaveStatements.OperatorDatabaseOperations.Any(a => a.Equals(o, StringComparison.OrdinalIgnoreCase)));
            check.That(s.Verb == "inspect" || runOnly, $"operators may do more than run the database: {s.Text}");
        }
        return check.Violations;
    }

    /// <summary>CIS 1.7 and network binding: every persona grant requires MFA and the persona's own network source
    /// (auditors theirs, everyone else the gatekeepers'), and the auditors' source lists exactly auditorCidrs.</summary>
    public static IReadOnlyList<string> PersonasRequireMfaAndTheirNetworkSource(Deployed d)
    {
        var check = new Check();
        var g = d.Settings.Groups;
        var auditorSource = d.OfType(Oci.NetworkSource).FirstOrDefault(n => n.Str("name") == d.Display("auditor-networks"));
        check.That(auditorSource is not null && auditorSource.Strings("publicSourceLists").ToHashSet().SetEquals(d.Settings.AuditorCidrs),
            $"auditor network source lists {string.Join(", ", auditorSource?.Strings("publicSourceLists") ?? [])}");
        foreach (var (_, s) in d.ParsedStatements())
        {
            var persona = new[] { g.Gatekeeper, g.Operator, g.StorageAdmin, g.Auditor }.FirstOrDefault(s.IsGroup);
            if (persona is null) continue;
            var source = persona == g.Auditor ? d.Display("auditor-networks") : d.Display("gatekeeper-networks");
            check.That(s.HasCondition("request.user.mfaTotpVerified='true'") && s.HasCondition($"request.networkSource.name='{source}'")
                       && !s.CompactCondition.StartsWith("any{", StringComparison.Ordinal),
                $"not conditioned on MFA and the {source} network source: {s.Text}");
        }
        return check.Violations;
    }

    /// <summary>CIS 1.4: the tenancy password policy asks for 14+ characters of every class, without the user name.</summary>
    public static IReadOnlyList<string> PasswordPolicyMeetsCis(Deployed d)
    {
        var check = new Check();
        var policies = d.OfType(Oci.AuthenticationPolicy).ToList();
        check.That(policies.Count == 1, $"{policies.Count} authentication policies");
        foreach (var p in policies)
        {
            check.That(p.Str("compartmentId") == d.Settings.TenancyOcid, $"{p.Where()} is not the tenancy's");
            check.That(p.Num("passwordPolicy.minimumPasswordLength") >= 14, $"minimum password length {p.Num("passwordPolicy.minimumPasswordLength")}");
            foreach (var flag in new[] { "isLowercaseCharactersRequired", "isUppercaseCharactersRequired", "isNumericCharactersRequired", "isSpecialCharactersRequired" })
                check.That(p.Bool($"passwordPolicy.{flag}") == true, $"passwordPolicy.{flag}={p.Bool($"passwordPolicy.{flag}")}");
            check.That(p.Bool("passwordPolicy.isUsernameContainmentAllowed") == false, "passwords may contain the user name");
        }
        return check.Violations;
    }

    /// <summary>Reads of every bucket (the user data and each region's archive) are logged by an enabled read log, and
    /// each read log is shipped to the archive by a connector of its region.</summary>
    public static IReadOnlyList<string> BucketReadsAreLoggedAndArchived(Deployed d)
    {
        var check = new Check();
        var buckets = d.OfType(Oci.Bucket).ToList();
        check.That(buckets.Any(b => b.Str("name") == d.Display("user-data")), "no user-data bucket");
        var shipped = d.OfType(Oci.Connector)
            .SelectMany(c => c.List("source.logSources").Select(s => (Region: d.RegionOf(c), Log: Values.At(s, "logId") as string)))
            .ToHashSet();
        foreach (var bucket in buckets)
        {
            var logs = d.OfType(Oci.Log).Where(l => l.Str("configuration.source.service") == "objectstorage" &&
                                                    l.Str("configuration.source.category") == "read" &&
                                                    l.Str("configuration.source.resource") == bucket.Str("name") && l.Bool("isEnabled") == true).ToList();
            check.That(logs.Count == 1, $"{logs.Count} read logs on {bucket.Where()}");
            foreach (var log in logs)
                check.That(shipped.Contains((d.RegionOf(log), log.Id)), $"{log.Where()} is not shipped to the archive of its region");
        }
        return check.Violations;
    }

    /// <summary>Every threat event rule beyond CIS exists in the root compartment of each region where its events arise,
    /// notifying the gatekeepers' topic.</summary>
    public static IReadOnlyList<string> ThreatEventsNotifyGatekeepers(Deployed d)
    {
        var check = new Check();
        foreach (var region in EnclaveRegions(d))
        {
            var notified = NotifiedTypes(d, region);
            foreach (var rule in ThreatEventAlerts.All.Where(r => r.AppliesTo(region == d.Settings.HomeRegion)))
                foreach (var type in rule.EventTypes)
                    check.That(notified.Contains(type), $"{type} ({rule.Slug}) in {region} notifies nobody");
        }
        return check.Violations;
    }

    /// <summary>Every operation the Events service does not report (a PAR, a remote peering, IPSec, CPE, FastConnect,
    /// DRG routes, the log pipeline, the Cloud Guard target) is alerted on from the audit log of each region where it
    /// is recorded.</summary>
    public static IReadOnlyList<string> AuditOnlyOperationsNotifyGatekeepers(Deployed d)
    {
        var check = new Check();
        foreach (var region in EnclaveRegions(d))
        {
            var alerted = AuditAlertedOperations(d, region);
            foreach (var alert in AuditAlerts.All.Where(a => a.AppliesTo(region == d.Settings.HomeRegion)))
                foreach (var operation in alert.Operations)
                    check.That(alerted.Contains(operation), $"{operation} ({alert.Slug}) in {region} notifies nobody");
        }
        return check.Violations;
    }

    /// <summary>CIS 4.14 that detects: a Cloud Guard target on the top compartment (home region) with cloned Oracle
    /// configuration and activity detector recipes and a cloned responder recipe.</summary>
    public static IReadOnlyList<string> CloudGuardTargetDetectsOnTheEnclave(Deployed d)
    {
        var check = new Check();
        var targets = d.OfType(Oci.CloudGuardTarget).ToList();
        check.That(targets.Count == 1, $"{targets.Count} Cloud Guard targets");
        foreach (var t in targets)
        {
            check.That(t.Str("targetResourceId") == d.CompartmentId("top") && t.Str("targetResourceType") == "COMPARTMENT",
                $"{t.Where()} targets {t.Str("targetResourceType")} {t.Str("targetResourceId")}, not the enclave's top compartment");
            check.That(d.RegionOf(t) == d.Settings.HomeRegion, $"{t.Where()} is in {d.RegionOf(t)}, not the reporting (home) region");
            // An inactive target runs no detector: the recipes below would watch nothing.
            check.That(t.Str("state") == "ACTIVE", $"{t.Where()} is {t.Str("state") ?? "in no state"}, not ACTIVE");
            var detectors = t.List("targetDetectorRecipes").Select(r => d.ById(Values.At(r, "detectorRecipeId") as string)).ToList();
            var kinds = detectors.Where(r => r?.Type == Oci.DetectorRecipe && !string.IsNullOrEmpty(r.Str("sourceDetectorRecipeId")))
                .Select(r => r!.Str("displayName")).ToList();
            foreach (var kind in new[] { "configuration", "activity" })
                check.That(kinds.Any(k => k?.EndsWith($"{kind}-detector-recipe", StringComparison.Ordinal) == true),
                    $"{t.Where()} runs no cloned {kind} detector recipe");
            var responders = t.List("targetResponderRecipes").Select(r => d.ById(Values.At(r, "responderRecipeId") as string)).ToList();
            check.That(responders.Any(r => r?.Type == Oci.ResponderRecipe && !string.IsNullOrEmpty(r.Str("sourceResponderRecipeId"))),
                $"{t.Where()} has no cloned responder recipe");
        }
        return check.Violations;
    }

    /// <summary>The standby's vault replica is code: the deployment vault is replicated to exactly the standby region,
    /// protected; stacks without a standby replicate nothing.</summary>
    public static IReadOnlyList<string> StandbyVaultReplicaIsDeclared(Deployed d)
    {
        var check = new Check();
        var replicas = d.OfType(Oci.VaultReplica).ToList();
        var standbyRegion = d.Settings.Database.StandbyRegion;
        check.That(replicas.Count == (standbyRegion is null ? 0 : 1), $"{replicas.Count} vault replicas");
        var vault = d.OfType(Oci.Vault).FirstOrDefault(v => d.RegionOf(v) == d.Settings.DeploymentRegion);
        foreach (var r in replicas)
            check.That(r.Str("vaultId") == vault?.Id && r.Str("replicaRegion") == standbyRegion,
                $"{r.Where()} replicates {r.Str("vaultId")} to {r.Str("replicaRegion")}, not the deployment vault to {standbyRegion}");
        return check.Violations;
    }

    private static IEnumerable<string> EnclaveRegions(Deployed d) =>
        new[] { d.Settings.DeploymentRegion, d.Settings.HomeRegion, d.Settings.Database.StandbyRegion }.OfType<string>().Distinct();

    /// <summary>Operations kept by the connectors of <paramref name="region"/> that read the audit log of every
    /// compartment (on the tenancy) and notify a subscribed topic of that region.</summary>
    private static HashSet<string> AuditAlertedOperations(Deployed d, string region)
    {
        var subscribed = d.OfType(Oci.Subscription).Select(s => s.Str("topicId")).ToHashSet();
        var topics = d.OfType(Oci.Topic).Where(t => d.RegionOf(t) == region && subscribed.Contains(t.Id)).Select(t => t.Id).ToHashSet();
        return d.OfType(Oci.Connector)
            .Where(c => d.RegionOf(c) == region && c.Str("source.kind") == "logging" && c.Str("target.kind") == "notifications" &&
                        topics.Contains(c.Str("target.topicId") ?? "") &&
                        c.List("source.logSources").Any(s => Values.At(s, "logGroupId") as string == RegionalArchive.AuditLogGroup &&
                                                            Values.At(s, "compartmentId") as string == d.Settings.TenancyOcid))
            // Only a logRule task filters by its condition: a task of another kind keeps no operation.
            .SelectMany(c => c.List("tasks").Where(t => Values.At(t, "kind") as string == "logRule")
                .Select(t => AuditCondition.Operations(Values.At(t, "condition") as string) ?? []))
            .SelectMany(ops => ops)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Event types of enabled root-compartment rules in <paramref name="region"/> that notify a topic.</summary>
    private static HashSet<string> NotifiedTypes(Deployed d, string region) =>
        d.OfType(Oci.EventRule)
            .Where(r => d.RegionOf(r) == region && r.Str("compartmentId") == d.Settings.TenancyOcid && r.Bool("isEnabled") == true &&
                        r.List("actions.actions").Concat(r.List("actions.action")).Any(a => Values.At(a, "actionType") as string == "ONS"))
            .SelectMany(r => System.Text.Json.JsonDocument.Parse(r.Str("condition") ?? "{}").RootElement is var e &&
                             e.TryGetProperty("eventType", out var types) && types.ValueKind == System.Text.Json.JsonValueKind.Array
                ? types.EnumerateArray().Select(t => t.GetString() ?? "")
                : [])
            .ToHashSet();
}
