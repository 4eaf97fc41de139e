namespace Enclave.Tests.Configuration;

public class MissingAndTypeTests
{
    [Theory]
    [InlineData("oci:region", "missing; expected the deployment region", "pulumi config set oci:region <value>")]
    [InlineData("oci:tenancyOcid", "missing; expected the tenancy OCID", "pulumi config set oci:tenancyOcid <value>")]
    [InlineData("us-data-enclave:homeRegion", "missing; expected the tenancy's home region", "pulumi config set homeRegion <value>")]
    [InlineData("us-data-enclave:namePrefix", "missing; expected a name prefix", "pulumi config set namePrefix <value>")]
    [InlineData("us-data-enclave:gatekeeperCidrs", "missing; expected a list of the gatekeepers' public CIDR blocks", "pulumi config set gatekeeperCidrs")]
    [InlineData("us-data-enclave:notificationEmails", "missing; expected a list of gatekeeper e-mail addresses", "pulumi config set notificationEmails")]
    [InlineData("us-data-enclave:network", "missing; expected an object with fields vcnCidr, dataSubnetCidr", "pulumi config set network")]
    [InlineData("us-data-enclave:groups", "missing; expected an object naming the IAM groups with fields gatekeeper", "pulumi config set groups")]
    [InlineData("us-data-enclave:parentExclusions", "missing; expected an object listing the parent company's identities", "pulumi config set parentExclusions")]
    [InlineData("us-data-enclave:database", "missing; expected an object describing the Autonomous Database", "pulumi config set database")]
    [InlineData("us-data-enclave:logging", "missing; expected an object with the log retention periods", "pulumi config set logging")]
    [InlineData("us-data-enclave:vault", "missing; expected an object with the vault type and key rotation", "pulumi config set vault")]
    public void Missing_key_is_named_with_the_command_that_sets_it(string key, string fragment, string command)
    {
        var problem = ConfigAssert.Single(new ConfigBuilder().Remove(key).Parse(), key, fragment);
        Assert.Contains(command, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("network", "vcnCidr", "missing; expected a private IPv4 CIDR block for the VCN")]
    [InlineData("network", "serviceGateway", "missing; expected the service gateway scope: all-services or object-storage")]
    [InlineData("groups", "auditor", "missing; expected an IAM group name")]
    [InlineData("database", "dbName", "missing; expected a database name")]
    [InlineData("database", "backupRetentionDays", "missing; expected the automatic backup retention")]
    [InlineData("logging", "archiveRetentionDays", "missing; expected a whole number of days from 365 to 36500")]
    [InlineData("vault", "type", "missing; expected the vault type: DEFAULT or VIRTUAL_PRIVATE")]
    public void Missing_field_is_named_by_its_path(string key, string field, string fragment)
    {
        var problem = ConfigAssert.Single(new ConfigBuilder().Field(key, field, null).Parse(),
            $"us-data-enclave:{key}.{field}", fragment);
        Assert.Contains($"pulumi config set --path {key}.{field} <value>", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_key_given_a_single_string_is_a_type_error()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("allowedRegions", "us-ashburn-1").Parse(),
            "us-data-enclave:allowedRegions", "expected a list of US region names, e.g. [us-ashburn-1, us-phoenix-1], got 'us-ashburn-1'");
    }

    [Fact]
    public void A_string_key_given_a_list_is_a_type_error()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("homeRegion", """["us-ashburn-1"]""").Parse(),
            "us-data-enclave:homeRegion", "expected the tenancy's home region, a US region such as us-ashburn-1, got a list of 1 item(s)");
    }

    [Fact]
    public void An_object_key_given_a_string_is_a_type_error()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("network", "10.0.0.0/16").Parse(),
            "us-data-enclave:network", "got '10.0.0.0/16'");
    }

    [Fact]
    public void An_empty_string_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("namePrefix", "").Parse(), "us-data-enclave:namePrefix", "is empty; expected a name prefix");
    }

    [Theory]
    [InlineData("database", "storageTbs", "\"2\"", "expected the storage size in terabytes, a whole number from 1 to 384, got '2' (a string)")]
    [InlineData("database", "backupRetentionDays", "7.5", "got 7.5 (a number)")]
    [InlineData("database", "computeCount", "\"two\"", "expected the ECPU count, a whole number from 2 to 512, got 'two' (a string)")]
    [InlineData("database", "localDataGuard", "\"yes\"", "expected true or false, got 'yes' (a string)")]
    [InlineData("logging", "logRetentionDays", "[30]", "got a list of 1 item(s)")]
    [InlineData("network", "vcnCidr", "10", "expected a private IPv4 CIDR block for the VCN, /16 to /30 (e.g. 10.0.0.0/16), got 10 (a number)")]
    [InlineData("network", "onPremCidrs", "\"172.16.0.0/20\"", "expected a list of CIDR blocks (may be empty), got '172.16.0.0/20' (a string)")]
    [InlineData("groups", "gatekeeper", "{\"name\":\"x\"}", "got an object")]
    public void Wrong_field_type_names_the_field_the_value_and_the_expected_type(string key, string field, string json, string fragment)
    {
        ConfigAssert.Single(new ConfigBuilder().Field(key, field, json).Parse(), $"us-data-enclave:{key}.{field}", fragment);
    }

    [Fact]
    public void A_non_string_list_item_is_named_by_its_index()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", """["198.51.100.0/28", 42]""").Parse(),
            "us-data-enclave:gatekeeperCidrs[1]", "expected a non-empty string, got 42 (a number)");
    }

    [Fact]
    public void An_unknown_field_is_reported_with_the_likely_intended_name()
    {
        var result = new ConfigBuilder().Field("network", "vcnCidr", null).Field("network", "vcnCdir", "\"10.10.0.0/16\"").Parse();

        ConfigAssert.Has(result, "us-data-enclave:network.vcnCdir", "unknown field 'vcnCdir'; did you mean 'vcnCidr'? known fields: vcnCidr, dataSubnetCidr");
        ConfigAssert.Has(result, "us-data-enclave:network.vcnCidr", "missing");
    }

    [Fact]
    public void An_unknown_field_far_from_any_name_lists_the_known_fields()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("vault", "hsm", "true").Parse(),
            "us-data-enclave:vault.hsm", "unknown field 'hsm'; known fields: type, keyRotationDays");
    }
}
