using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>
/// An archive bucket (the target of a Service Connector) keeps what it receives: a retention rule of at least
/// <c>logging.archiveRetentionDays</c> that is locked (its lock time set and not pushed far into the future), and no
/// object lifecycle policy that deletes from it, nor one the stack does not declare (seen in a deployed state only).
/// </summary>
public sealed class ArchiveRetentionLocked : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-006", "The archive stays retention-locked, long enough, with no lifecycle deletes", Severity.Critical, Enforcement.Mandatory,
        "The archive is the oversight's evidence: an unlocked or shortened retention rule, a lock postponed for years, or a lifecycle rule that deletes objects lets whoever controls the bucket erase the audit trail.",
        "Keep a retention rule on every archive bucket with duration of at least `logging.archiveRetentionDays` and timeRuleLocked set (within 30 days), and no ObjectLifecyclePolicy with a DELETE rule on it (nor a lifecycle policy made outside the stack).");

    /// <summary>Longest a lock may wait: OCI needs at least 14 days' notice; the program locks 15 days out.</summary>
    public const int MaxLockDelayDays = 30;

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var names = BucketNames.Of(g);
        // Which buckets connectors deliver to (three-valued), and the lifecycle policies on each: found by name, not
        // by a scan per bucket, so a graph of many buckets and connectors stays linear.
        var archive = new Dictionary<ResourceNode, Truth>(ReferenceEqualityComparer.Instance);
        foreach (var c in g.OfType(OciTypes.Connector))
        {
            var target = c.Input("target");
            var kind = target["kind"].IsNull ? Truth.Unknown : target["kind"].EqualsString("objectStorage", StringComparison.OrdinalIgnoreCase);
            if (kind == Truth.False) continue;
            foreach (var bucket in names.Candidates(g, c, "target", target["bucket"]))
            {
                var targets = kind.And(References.Identifies(g, c, "target", target["bucket"], bucket, [OciTypes.Bucket], bucket.Input("name")));
                archive[bucket] = archive.GetValueOrDefault(bucket, Truth.False).Or(targets);
            }
        }
        var lifecycles = new Dictionary<ResourceNode, List<(ResourceNode Policy, Truth On)>>(ReferenceEqualityComparer.Instance);
        foreach (var policy in g.OfType(OciTypes.ObjectLifecyclePolicy))
            foreach (var bucket in names.Candidates(g, policy, "bucket", policy.Input("bucket")))
            {
                var on = References.Identifies(g, policy, "bucket", policy.Input("bucket"), bucket, [OciTypes.Bucket], bucket.Input("name"));
                if (on == Truth.False) continue;
                if (!lifecycles.TryGetValue(bucket, out var list)) lifecycles[bucket] = list = [];
                list.Add((policy, on));
            }
        foreach (var bucket in g.OfType(OciTypes.Bucket))
        {
            var isArchive = archive.GetValueOrDefault(bucket, Truth.False);
            if (isArchive == Truth.False) continue;
            var a = new Assessment();
            a.Require(isArchive.Not().Or(Locked(bucket, context)),
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                $"a retention rule of at least {context.Policy.ArchiveRetentionDays} days is locked",
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                whenViolated: $"no retention rule of at least {context.Policy.ArchiveRetentionDays} days is locked (within {MaxLockDelayDays} days): the archive can be emptied");
            foreach (var (policy, on) in lifecycles.GetValueOrDefault(bucket) ?? [])
                a.Require(isArchive.Not().Or(on.Not()).Or(NoDeletes(policy)),
                    // Stryker disable once String : finding wording, not a control (docs/testing.md)
                    $"{policy.Label} deletes nothing",
                    // Stryker disable once String : finding wording, not a control (docs/testing.md)
                    whenViolated: $"{policy.Label} deletes objects from the archive");
            RequireNoPolicyOutOfBand(a, bucket, isArchive, lifecycles.GetValueOrDefault(bucket));
            sink.Judge(bucket.Urn,
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                $"{bucket.Label} (archive)", a);
        }
    }

    /// <summary>
    /// A bucket has at most one lifecycle policy, and a deployed bucket names it by <c>objectLifecyclePolicyEtag</c> (an
    /// output). A policy put on the archive in the console or by another stack shows only there: its rules, which may
    /// delete from the archive, are never judged, so the live policy must be one of this stack's (judged above).
    /// </summary>
    private static void RequireNoPolicyOutOfBand(Assessment a, ResourceNode bucket, Truth isArchive, List<(ResourceNode Policy, Truth On)>? declared)
    {
        var etag = bucket.Input("objectLifecyclePolicyEtag");
        if (etag.IsNull) return;
        var ours = Truth.False;
        foreach (var (_, on) in declared ?? []) ours = ours.Or(on);
        a.Require(isArchive.Not().Or(Scope.Present(etag).Not()).Or(ours),
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            "the archive's live lifecycle policy is an ObjectLifecyclePolicy of this stack",
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            whenViolated: "the deployed archive has a lifecycle policy (objectLifecyclePolicyEtag) that is no ObjectLifecyclePolicy of this stack: its rules, which may delete the audit trail, are never judged");
    }

    /// <summary>Does some rule keep objects at least the configured days, with a lock time that has come or comes soon?</summary>
    private static Truth Locked(ResourceNode bucket, RuleContext context)
    {
        var rules = bucket.Input("retentionRules");
        if (!rules.IsKnown) return Truth.Unknown;
        var latestLock = context.Today.ToDateTime(TimeOnly.MinValue).AddDays(MaxLockDelayDays);
        var any = Truth.False;
        foreach (var rule in rules.AsList())
        {
            var duration = rule["duration"];
            var amount = duration["timeAmount"];
            var unit = duration["timeUnit"];
            var longEnough = amount.IsKnown && unit.IsKnown
                ? TruthLogic.Of(Days(amount, unit) is { } days && days >= context.Policy.ArchiveRetentionDays)
                : Truth.Unknown;
            var lockTime = rule["timeRuleLocked"];
            var locked = lockTime.IsKnown
                ? TruthLogic.Of(lockTime.AsString() is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                                && at.UtcDateTime <= latestLock)
                : Truth.Unknown;
            any = any.Or(longEnough.And(locked));
        }
        return any;
    }

    /// <summary>A duration in days (timeAmount is a string on the wire; YEARS count 365 days), or null when unreadable.</summary>
    private static double? Days(PropertyValue amount, PropertyValue unit)
    {
        var n = amount.AsNumber() ?? (double.TryParse(amount.AsString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);
        if (n is not { } value || value <= 0) return null;
        return unit.AsString()?.ToUpperInvariant() switch { "DAYS" => value, "YEARS" => value * 365, _ => null };
    }

    /// <summary>No enabled rule of the policy has the DELETE action (Unknown while its rules are not known).</summary>
    private static Truth NoDeletes(ResourceNode policy)
    {
        var rules = policy.Input("rules");
        if (!rules.IsKnown) return Truth.Unknown;
        var none = Truth.True;
        foreach (var rule in rules.AsList())
        {
            var enabled = rule["isEnabled"].IsNull ? Truth.True : rule["isEnabled"].EqualsBool(true);
            none = none.And(enabled.And(rule["action"].EqualsString("DELETE", StringComparison.OrdinalIgnoreCase)).Not());
        }
        return none;
    }
}
