using System.Globalization;
using Pulumi;
using Pulumi.Oci.Identity;
using Pulumi.Oci.ObjectStorage;
using Pulumi.Oci.ObjectStorage.Inputs;

namespace Enclave.Components.Oversight;

// The archive bucket: private, encrypted with the region's logs key, retention-locked, protected.
public sealed partial class RegionalArchive
{
    /// <summary>OCI only locks a retention rule at least 14 days after it is set; one more day of margin.</summary>
    public const int RetentionLockDelayDays = 15;

    private Bucket DeclareBucket(string name, Output<string> logsKeyId, Output<string> ns, Policy keyGrant)
    {
        var options = ChildOptions(_region.Provider, protect: true, dependsOn: [keyGrant]);
        // The lock time is computed from today's date on first creation; later runs must not move it.
        options.IgnoreChanges.Add("retentionRules[0].timeRuleLocked");

        return new Bucket(ChildName("bucket"), new BucketArgs
        {
            CompartmentId = _compartments.Security,
            Namespace = ns,
            Name = name,
            AccessType = "NoPublicAccess",
            KmsKeyId = logsKeyId,
            // OCI refuses retention rules on a versioned bucket; the locked retention rule is the stronger guarantee.
            Versioning = "Disabled",
            ObjectEventsEnabled = true,
            StorageTier = "Standard",
            RetentionRules =
            {
                new BucketRetentionRuleArgs
                {
                    // Stryker disable once String : a display name, not a control (docs/testing.md)
                    DisplayName = "enclave-log-retention-lock",
                    Duration = new BucketRetentionRuleDurationArgs
                    {
                        TimeAmount = _settings.Logging.ArchiveRetentionDays.ToString(CultureInfo.InvariantCulture),
                        TimeUnit = "DAYS",
                    },
                    TimeRuleLocked = LockTime(EnclaveClock.Now),
                },
            },
        }, options);
    }

    /// <summary>RFC 3339 lock time: midnight UTC, <see cref="RetentionLockDelayDays"/> days after <paramref name="now"/>.</summary>
    public static string LockTime(DateTimeOffset now) =>
        now.UtcDateTime.Date.AddDays(RetentionLockDelayDays).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
