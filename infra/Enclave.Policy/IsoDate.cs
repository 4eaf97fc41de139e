using System.Globalization;

namespace Enclave.Policy;

/// <summary>
/// The one way a date is printed (reports, findings, waiver errors): <c>yyyy-MM-dd</c> in the Gregorian calendar,
/// whatever the machine's locale. Formatted with the current culture, a th-TH machine (Thai Buddhist calendar) printed
/// a waiver expiring 2026-09-30 as 2569-09-30, in the JSON report too.
/// </summary>
public static class IsoDate
{
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
