namespace Enclave.Tests.Configuration;

/// <summary>
/// A double-quoted YAML value may end in an escaped line feed (<c>"ParentCo-GlobalAdmins\n"</c>). .NET's regex
/// <c>$</c> matches before a final line feed, so every name, OCID and address check anchored with it took such a value
/// as well-formed, and a parent-company group with a line feed after it, no longer equal to the excluded name, passed
/// as the gatekeepers' group. Each shape check must refuse the line feed itself.
/// </summary>
public class TrailingLineBreakTests
{
    [Fact]
    public void An_excluded_parent_group_with_a_trailing_line_feed_is_not_a_gatekeeper_group() =>
        ConfigAssert.Has(new ConfigBuilder().Field("groups", "gatekeeper", "\"ParentCo-GlobalAdmins\\n\"").Parse(),
            "us-data-enclave:groups.gatekeeper", "ParentCo-GlobalAdmins\\n");

    [Theory]
    [InlineData("namePrefix", "\"usde-dev\\n\"")]
    [InlineData("notificationEmails", "[\"gatekeepers@usdata.example\\n\"]")]
    [InlineData("oci:tenancyOcid", "\"ocid1.tenancy.oc1..aaaaaaaaexampledevtenancy00000000000000000000000000000000000\\n\"")]
    public void A_trailing_line_feed_makes_a_top_level_value_malformed(string key, string json)
    {
        var raw = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(json);
        var value = raw.ValueKind == System.Text.Json.JsonValueKind.String ? raw.GetString()! : json;
        var result = new ConfigBuilder().Set(key, value).Parse();
        Assert.False(result.IsValid, $"{key} = {json} was accepted");
        Assert.Contains(result.Problems, p => p.Key.StartsWith(key.Contains(':') ? key : "us-data-enclave:" + key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("database", "dbName", "\"usdedev\\n\"")]
    [InlineData("groups", "auditor", "\"usde-auditors\\n\"")]
    [InlineData("parentExclusions", "emailDomains", "[\"parentco.example\\n\"]")]
    public void A_trailing_line_feed_makes_a_field_malformed(string key, string field, string json)
    {
        var result = new ConfigBuilder().Field(key, field, json).Parse();
        Assert.False(result.IsValid, $"{key}.{field} = {json} was accepted");
        Assert.Contains(result.Problems, p => p.Key.StartsWith($"us-data-enclave:{key}.{field}", StringComparison.Ordinal));
    }
}
