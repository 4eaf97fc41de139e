namespace Enclave.Tests.Configuration;

public class DatabaseLoggingVaultTests
{
    [Theory]
    [InlineData("1usde")]
    [InlineData("usde_dev")]
    [InlineData("usde-dev")]
    [InlineData("abcdefghijabcdefghijabcdefghijK")]
    public void Bad_database_name_is_rejected(string name)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "dbName", $"\"{name}\"").Parse(),
            "us-data-enclave:database.dbName",
            $"'{name}' is not a valid Autonomous Database name; use a letter, then letters or digits only, at most 30 characters");
    }

    [Theory]
    [InlineData("OLAP")]
    [InlineData("oltp")]
    public void Unknown_workload_is_rejected(string workload)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "workload", $"\"{workload}\"").Parse(),
            "us-data-enclave:database.workload", $"'{workload}' is not allowed; use one of OLTP, DW, AJD, APEX, LH");
    }

    [Theory]
    [InlineData("OLTP")]
    [InlineData("DW")]
    [InlineData("AJD")]
    [InlineData("APEX")]
    [InlineData("LH")]
    public void Every_documented_workload_is_accepted(string workload)
    {
        var result = new ConfigBuilder().Field("database", "workload", $"\"{workload}\"").Parse();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(workload, result.Settings!.Database.Workload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Backup_retention_outside_1_to_60_days_is_rejected(int days)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "backupRetentionDays", days.ToString()).Parse(),
            "us-data-enclave:database.backupRetentionDays", $"{days} days is not allowed; use from 1 to 60 days");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public void Backup_retention_bounds_are_accepted(int days)
    {
        var result = new ConfigBuilder().Field("database", "backupRetentionDays", days.ToString()).Parse();
        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Compute_count_below_2_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "computeCount", "1").Parse(),
            "us-data-enclave:database.computeCount", "1 ECPUs is too small; the ECPU model needs at least 2");
    }

    [Fact]
    public void Storage_below_1_tb_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "storageTbs", "0").Parse(),
            "us-data-enclave:database.storageTbs", "0 TB is not allowed; use from 1 to 384 TB");
    }

    [Fact]
    public void Unknown_license_model_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "licenseModel", "\"BYOL\"").Parse(),
            "us-data-enclave:database.licenseModel", "'BYOL' is not allowed; use one of LICENSE_INCLUDED, BRING_YOUR_OWN_LICENSE");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(100)]
    [InlineData(210)]
    public void Log_retention_off_the_30_day_steps_is_rejected(int days)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("logging", "logRetentionDays", days.ToString()).Parse(),
            "us-data-enclave:logging.logRetentionDays", $"{days} days is not allowed; use from 90 to 180 in steps of 30 days");
    }

    // OCI accepts 30 and 60 days, but CIS OCI OBP LAM-19 (ENC-LOG-005) asks for at least 90: refused before deploy.
    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    public void Log_retention_under_90_days_is_rejected_as_too_short(int days)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("logging", "logRetentionDays", days.ToString()).Parse(),
            "us-data-enclave:logging.logRetentionDays",
            $"{days} days is too short: service logs are kept at least 90 days (CIS OCI Oracle best practice LAM-19); use 90, 120, 150 or 180 days");
    }

    [Theory]
    [InlineData(90)]
    [InlineData(120)]
    [InlineData(150)]
    [InlineData(180)]
    public void Log_retention_on_the_steps_is_accepted(int days)
    {
        var result = new ConfigBuilder().Field("logging", "logRetentionDays", days.ToString()).Parse();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(days, result.Settings!.Logging.LogRetentionDays);
    }

    [Fact]
    public void Archive_retention_under_a_year_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("logging", "archiveRetentionDays", "364").Parse(),
            "us-data-enclave:logging.archiveRetentionDays", "364 days is not allowed; use from 365 to 36500 days");
    }

    [Theory]
    [InlineData("HSM")]
    [InlineData("default")]
    public void Unknown_vault_type_is_rejected(string type)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("vault", "type", $"\"{type}\"").Parse(),
            "us-data-enclave:vault.type", $"'{type}' is not allowed; use one of DEFAULT, VIRTUAL_PRIVATE");
    }

    [Fact]
    public void Default_vault_is_refused_because_keys_could_not_auto_rotate()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("vault", "type", "\"DEFAULT\"").Parse(),
            "us-data-enclave:vault.type", "only available in VIRTUAL_PRIVATE vaults");
    }

    [Fact]
    public void Virtual_private_vault_is_mapped()
    {
        var result = new ConfigBuilder().Field("vault", "type", "\"VIRTUAL_PRIVATE\"").Parse();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(Enclave.Configuration.VaultType.VirtualPrivate, result.Settings!.Vault.Type);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(366)]
    public void Key_rotation_outside_60_to_365_days_is_rejected(int days)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("vault", "keyRotationDays", days.ToString()).Parse(),
            "us-data-enclave:vault.keyRotationDays", $"{days} days is not allowed; use from 60 to 365 days");
    }
}
