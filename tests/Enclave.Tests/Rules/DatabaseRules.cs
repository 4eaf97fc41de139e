using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Autonomous Database (item 5). Rules about reachability hold for the standby too.</summary>
public static class DatabaseRules
{
    private static Check ForPrimary(Deployed d, out Registered primary)
    {
        primary = d.PrimaryDatabase()!;
        return new Check().That(primary is not null, "no primary Autonomous Database");
    }

    public static IReadOnlyList<string> UsesPrivateEndpointInDataSubnet(Deployed d)
    {
        var check = new Check().That(d.PrimaryDatabase() is not null, "no primary Autonomous Database");
        var dataSubnets = d.SubnetsNamed("data").ToDictionary(s => s.Id);
        foreach (var db in d.Databases())
        {
            var subnet = dataSubnets.GetValueOrDefault(db.Str("subnetId") ?? "");
            var nsgs = db.Strings("nsgIds").Select(d.ById).ToList();
            check.That(subnet is not null, $"{db.Where()} is not in a data subnet (subnetId={db.Str("subnetId")})");
            check.That(nsgs.Count > 0 && nsgs.All(n => n?.Type == Oci.Nsg && n.Str("vcnId") == subnet?.Str("vcnId")),
                $"{db.Where()} has NSGs {string.Join(", ", db.Strings("nsgIds"))}");
            check.That(!string.IsNullOrEmpty(db.Str("privateEndpointLabel")), $"{db.Where()} has no private endpoint label");
        }
        return check.Violations;
    }

    /// <summary>No access list, and said so: both lists are given, empty (an unset standby list is OCI's to fill in).</summary>
    public static IReadOnlyList<string> HasNoPublicAccessList(Deployed d)
    {
        var check = new Check();
        foreach (var db in d.Databases())
        {
            check.That(db.List("whitelistedIps").Count == 0 && db.List("standbyWhitelistedIps").Count == 0 &&
                       db.Bool("arePrimaryWhitelistedIpsUsed") != true,
                $"{db.Where()} has an access list: {string.Join(", ", db.Strings("whitelistedIps"))}");
            foreach (var list in new[] { "whitelistedIps", "standbyWhitelistedIps" })
                check.That(db[list] is IEnumerable<object?>, $"{db.Where()} does not state its {list} (left to OCI)");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> RequiresMtls(Deployed d)
    {
        var check = new Check();
        foreach (var db in d.Databases())
            check.That(db.Bool("isMtlsConnectionRequired") == true, $"{db.Where()} isMtlsConnectionRequired={db.Bool("isMtlsConnectionRequired")}");
        return check.Violations;
    }

    /// <summary>
    /// The primary and its cross-region standby are encrypted with the enclave's database key. A physical standby uses
    /// its primary's master key (OCI reaches it through the vault's replica in the standby region, which keeps the
    /// vault's and key's OCIDs), so both name the deployment region's vault and database key.
    /// </summary>
    public static IReadOnlyList<string> IsEncryptedWithVaultKey(Deployed d)
    {
        var check = ForPrimary(d, out _);
        var vault = d.OfType(Oci.Vault).FirstOrDefault(v => d.RegionOf(v) == d.Settings.DeploymentRegion);
        var key = d.KeyFor("database");
        foreach (var db in d.Databases())
            check.That(key is not null && db.Str("kmsKeyId") == key.Id && db.Str("vaultId") == vault?.Id,
                $"{db.Where()} kmsKeyId={db.Str("kmsKeyId")} vaultId={db.Str("vaultId")}");
        return check.Violations;
    }

    /// <summary>
    /// The ADMIN password is generated, kept in the enclave vault as a secret encrypted with the secrets key, and the
    /// database names only that secret: no adminPassword input at all.
    /// </summary>
    public static IReadOnlyList<string> AdminPasswordIsGeneratedForAdb(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        var passwords = d.OfType(Oci.RandomPassword).ToList();
        check.That(passwords.Count == 1, $"{passwords.Count} random passwords");
        var secrets = d.OfType(Oci.Secret).ToList();
        check.That(secrets.Count == 1, $"{secrets.Count} vault secrets");
        var vault = d.OfType(Oci.Vault).FirstOrDefault(v => d.RegionOf(v) == d.Settings.DeploymentRegion);
        foreach (var p in passwords)
        {
            check.That(p.Num("length") is >= 20 and <= 30, $"password length {p.Num("length")} (ADB: 12–30, we want ≥ 20)");
            check.That(p.Bool("special") == true && !(p.Str("overrideSpecial") ?? "\"").Contains('"'),
                $"special characters special={p.Bool("special")} overrideSpecial={p.Str("overrideSpecial")}");
            check.That(p.Num("minUpper") >= 1 && p.Num("minLower") >= 1 && p.Num("minNumeric") >= 1,
                "password does not require upper, lower and digit characters");
            var plain = p.State.GetValueOrDefault("result") as string ?? "";
            var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plain));
            foreach (var secret in secrets)
                check.That(secret.Str("secretContent.content") == encoded && secret.Str("secretContent.contentType") == "BASE64",
                    "the vault secret does not hold the generated password");
        }
        foreach (var secret in secrets)
        {
            check.That(secret.Str("vaultId") == vault?.Id && secret.Str("keyId") == d.KeyFor("secrets")?.Id,
                $"{secret.Where()} is not in the enclave vault under the secrets key (vaultId={secret.Str("vaultId")} keyId={secret.Str("keyId")})");
            check.That(db?.Str("secretId") == secret.Id, $"the database's secretId is {db?.Str("secretId")}, not the vault secret");
        }
        foreach (var database in d.Databases())
            check.That(database["adminPassword"] is null, $"{database.Where()} carries the admin password itself (adminPassword)");
        return check.Violations;
    }

    public static IReadOnlyList<string> BackupRetentionFollowsConfig(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        return check.That(db?.Num("backupRetentionPeriodInDays") == d.Settings.Database.BackupRetentionDays,
            $"backup retention {db?.Num("backupRetentionPeriodInDays")} days, config says {d.Settings.Database.BackupRetentionDays}").Violations;
    }

    /// <summary>The private-endpoint database is registered with Data Safe through a Data Safe private endpoint in the
    /// enclave VCN's admin subnet (the only subnet besides the app tier the database NSG admits).</summary>
    public static IReadOnlyList<string> IsRegisteredWithDataSafe(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        var targets = d.OfType(Oci.DataSafeTarget).ToList();
        check.That(targets.Count == 1, $"{targets.Count} Data Safe target databases");
        var adminSubnets = d.SubnetsNamed("admin").Where(s => d.RegionOf(s) == d.Settings.DeploymentRegion).Select(s => s.Id).ToHashSet();
        foreach (var t in targets)
        {
            var endpoint = d.ById(t.Str("connectionOption.datasafePrivateEndpointId"));
            check.That(t.Str("databaseDetails.autonomousDatabaseId") == db?.Id && t.Str("databaseDetails.databaseType") == "AUTONOMOUS_DATABASE",
                $"{t.Where()} registers {t.Str("databaseDetails.autonomousDatabaseId")}, not the primary database");
            check.That(t.Str("connectionOption.connectionType") == "PRIVATE_ENDPOINT" && endpoint?.Type == Oci.DataSafeEndpoint,
                $"{t.Where()} connects by {t.Str("connectionOption.connectionType")}, not through a Data Safe private endpoint");
            check.That(endpoint is not null && adminSubnets.Contains(endpoint.Str("subnetId") ?? ""),
                $"the Data Safe private endpoint is in subnet {endpoint?.Str("subnetId")}, not the enclave's admin subnet");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> ContactsAreGatekeepers(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        var emails = db?.List("customerContacts").Select(c => Values.At(c, "email") as string).OfType<string>().ToHashSet() ?? [];
        return check.That(emails.Count > 0 && emails.SetEquals(d.Settings.NotificationEmails),
            $"customer contacts {string.Join(", ", emails)}").Violations;
    }

    public static IReadOnlyList<string> IsNeverFreeTier(Deployed d)
    {
        var check = new Check();
        foreach (var db in d.Databases())
            check.That(db.Bool("isFreeTier") == false, $"{db.Where()} isFreeTier={db.Bool("isFreeTier")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> IsEcpuWithConfiguredWorkload(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        return check.That(db?.Str("computeModel") == "ECPU" && db.Str("dbWorkload") == d.Settings.Database.Workload &&
                          db.Num("computeCount") == d.Settings.Database.ComputeCount,
            $"computeModel={db?.Str("computeModel")} dbWorkload={db?.Str("dbWorkload")} computeCount={db?.Num("computeCount")}").Violations;
    }

    public static IReadOnlyList<string> DataGuardFollowsConfig(Deployed d)
    {
        var check = ForPrimary(d, out var db);
        var config = d.Settings.Database;
        check.That(db?.Bool("isLocalDataGuardEnabled") == config.LocalDataGuard,
            $"isLocalDataGuardEnabled={db?.Bool("isLocalDataGuardEnabled")}, config says {config.LocalDataGuard}");
        var standbys = d.StandbyDatabases().ToList();
        check.That(standbys.Count == (config.StandbyRegion is null ? 0 : 1), $"{standbys.Count} cross-region standbys");
        foreach (var standby in standbys)
        {
            var region = d.RegionOf(standby);
            check.That(standby.Str("sourceId") == db?.Id, $"{standby.Where()} is a standby of {standby.Str("sourceId")}");
            check.That(region == config.StandbyRegion && region != d.Settings.DeploymentRegion &&
                       d.Settings.AllowedRegions.Contains(region) && ResidencyRules.UsRegions.Contains(region),
                $"{standby.Where()} is in {region}, config says {config.StandbyRegion}");
            check.That(d.RegionOf(d.ById(standby.Str("subnetId")) ?? standby) == region && d.ById(standby.Str("subnetId")) is not null,
                $"{standby.Where()} has no private endpoint in its own region");
        }
        return check.Violations;
    }
}
