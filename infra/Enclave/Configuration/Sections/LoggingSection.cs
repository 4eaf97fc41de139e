using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:logging</c>: service-log retention and the archive bucket's retention lock.</summary>
internal static class LoggingSection
{
    private static readonly string[] Fields = ["logRetentionDays", "archiveRetentionDays"];

    /// <summary>Oracle's best practice for service logs (CIS OCI OBP LAM-19): investigations need at least 90 days.</summary>
    public const int MinimumLogRetentionDays = 90;

    /// <summary>OCI Logging keeps logs at most 6 months, set in 30-day steps.</summary>
    public const int MaximumLogRetentionDays = 180;

    private const int MaxArchiveDays = 36_500;

    public static LoggingSettings? Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.Logging, "an object with the log retention periods", Fields);
        if (o is null) return null;
        var logDays = o.Int("logRetentionDays", "a whole number of days: 90, 120, 150 or 180");
        var archiveDays = o.Int("archiveRetentionDays", $"a whole number of days from 365 to {MaxArchiveDays}");
        CheckLogRetention(r, o.FieldKey("logRetentionDays"), logDays);
        // CIS 4.x and US oversight: at least a year of audit history in the locked archive.
        // The upper bound only catches nonsense (a retention lock cannot be shortened once set): a hundred years.
        r.Range(o.FieldKey("archiveRetentionDays"), archiveDays, 365, MaxArchiveDays, "days");
        if (logDays is null || archiveDays is null) return null;
        return new LoggingSettings { LogRetentionDays = logDays.Value, ArchiveRetentionDays = archiveDays.Value };
    }

    // OCI accepts 30..180 days in 30-day steps; the enclave keeps the low end out: a log that has aged out of Logging
    // before anyone investigates is evidence lost (the archive bucket keeps the long-term copy, not a searchable one).
    private static void CheckLogRetention(ConfigReader r, string key, int? days)
    {
        if (days is not int d) return;
        if (d >= 30 && d < MinimumLogRetentionDays && d % 30 == 0)
            r.Report(key, $"{d} days is too short: service logs are kept at least {MinimumLogRetentionDays} days " +
                          "(CIS OCI Oracle best practice LAM-19); use 90, 120, 150 or 180 days");
        else
            r.Range(key, d, MinimumLogRetentionDays, MaximumLogRetentionDays, "days", step: 30);
    }
}
