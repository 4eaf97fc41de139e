using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:logging</c>: service-log retention and the archive bucket's retention lock.</summary>
internal static class LoggingSection
{
    private static readonly string[] Fields = ["logRetentionDays", "archiveRetentionDays"];

    public static LoggingSettings? Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.Logging, "an object with the log retention periods", Fields);
        if (o is null) return null;
        var logDays = o.Int("logRetentionDays", "a whole number of days: 30, 60, 90, 120, 150 or 180");
        var archiveDays = o.Int("archiveRetentionDays", "a whole number of days, at least 365");
        // OCI Logging keeps logs for 1 to 6 months, set in 30-day steps.
        r.Range(o.FieldKey("logRetentionDays"), logDays, 30, 180, "days", step: 30);
        // CIS 4.x and US oversight: at least a year of audit history in the locked archive.
        r.Range(o.FieldKey("archiveRetentionDays"), archiveDays, 365, int.MaxValue, "days");
        if (logDays is null || archiveDays is null) return null;
        return new LoggingSettings { LogRetentionDays = logDays.Value, ArchiveRetentionDays = archiveDays.Value };
    }
}
