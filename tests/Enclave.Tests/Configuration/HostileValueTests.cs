namespace Enclave.Tests.Configuration;

/// <summary>
/// Issue 12.6 (config half): values a hostile or careless stack config could carry that used to be accepted or echoed
/// whole. Every numeric key is range-checked, every name key is checked against reserved names, every string and
/// list is capped, and every problem is one escaped, bounded line.
/// </summary>
public class HostileValueTests
{
    private const string Db = "us-data-enclave:database";

    [Theory]
    [InlineData("2.5", "2.5 (a number)")]
    [InlineData("1e300", "1e300 (a number)")]
    [InlineData("99999999999999999999999", "99999999999999999999999 (a number)")]
    [InlineData("\"8\"", "'8' (a string)")]
    public void A_compute_count_that_is_not_a_whole_number_in_range_is_a_type_error(string json, string got) =>
        ConfigAssert.Single(new ConfigBuilder().Field("database", "computeCount", json).Parse(),
            $"{Db}.computeCount", $"expected the ECPU count, a whole number from 2 to 512, got {got}");

    [Theory]
    [InlineData("computeCount", "513", "513 ECPUs is not allowed; use from 2 to 512 ECPUs")]
    [InlineData("storageTbs", "385", "385 TB is not allowed; use from 1 to 384 TB")]
    [InlineData("storageTbs", "2147483647", "2147483647 TB is not allowed; use from 1 to 384 TB")]
    public void Astronomical_database_sizes_are_rejected(string field, string json, string message) =>
        ConfigAssert.Single(new ConfigBuilder().Field("database", field, json).Parse(), $"{Db}.{field}", message);

    [Fact]
    public void An_archive_retention_beyond_a_century_is_rejected() =>
        ConfigAssert.Single(new ConfigBuilder().Field("logging", "archiveRetentionDays", "2000000000").Parse(),
            "us-data-enclave:logging.archiveRetentionDays", "2000000000 days is not allowed; use from 365 to 36500 days");

    [Theory]
    [InlineData("gatekeeper", "Administrators")]
    [InlineData("gatekeeper", "administrators")]
    [InlineData("auditor", "any-user")]
    [InlineData("operator", "any-group")]
    [InlineData("storageAdmin", "dynamic-group")]
    public void A_persona_group_with_a_reserved_name_is_rejected(string persona, string name) =>
        ConfigAssert.Single(new ConfigBuilder().Field("groups", persona, $"\"{name}\"").Parse(),
            $"us-data-enclave:groups.{persona}", $"'{name}' is a reserved name (a tenancy-wide group or an IAM policy keyword)");

    [Fact]
    public void A_million_character_email_is_refused_with_a_short_message()
    {
        var email = new string('a', 1_000_000) + "@usdata.example";
        var result = new ConfigBuilder().Set("notificationEmails", $"[\"{email}\"]").Parse();
        var problem = ConfigAssert.Single(result, "us-data-enclave:notificationEmails[0]", "characters long; at most 256 are allowed");
        Assert.True(result.Message.Length < 400, $"the error is {result.Message.Length} characters long");
        Assert.Contains("1000015 characters long", problem.Message);
    }

    [Fact]
    public void An_email_longer_than_smtp_allows_is_not_well_formed()
    {
        var email = new string('a', 65) + "@usdata.example";
        ConfigAssert.Single(new ConfigBuilder().Set("notificationEmails", $"[\"{email}\"]").Parse(),
            "us-data-enclave:notificationEmails[0]", "is not a well-formed e-mail address");
    }

    [Fact]
    public void A_huge_list_is_refused_before_its_items_are_compared_pairwise()
    {
        var cidrs = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"172.{16 + i % 16}.{i / 16 % 256}.0/24\""));
        ConfigAssert.Single(new ConfigBuilder().Field("network", "onPremCidrs", $"[{cidrs}]").Parse(),
            "us-data-enclave:network.onPremCidrs", "has 20000 items; at most 500 are allowed");
    }

    [Fact]
    public void A_ten_megabyte_value_does_not_make_a_ten_megabyte_error()
    {
        var result = new ConfigBuilder().Set("namePrefix", new string('x', 10_000_000)).Parse();
        ConfigAssert.Single(result, "us-data-enclave:namePrefix", "10000000 characters long");
        Assert.True(result.Message.Length < 400, $"the error is {result.Message.Length} characters long");
    }

    [Fact]
    public void Control_ansi_and_bidi_characters_and_line_breaks_in_values_are_escaped_in_problems()
    {
        var result = new ConfigBuilder().Field("database", "workload", "\"\\u001b[32mOK\\u001b[0m\\nFAKE\\u202e\"").Parse();
        var problem = ConfigAssert.Single(result, $"{Db}.workload", "is not allowed");
        Assert.Contains(@"'\u001b[32mOK\u001b[0m\nFAKE\u202e'", problem.Message);
        Assert.DoesNotContain(problem.ToString(), c => c < ' ' || c == '\u202e');
    }

    [Fact]
    public void An_unknown_key_with_a_hostile_name_is_echoed_escaped_and_capped()
    {
        var key = "x\u001b]0;pwned\u0007" + new string('y', 5000);
        var result = new ConfigBuilder().Set(key, "1").Parse();
        var problem = Assert.Single(result.Problems);
        Assert.DoesNotContain(problem.ToString(), c => c < ' ');
        Assert.True(problem.ToString().Length < 1000, $"the problem is {problem.ToString().Length} characters long");
    }
}
