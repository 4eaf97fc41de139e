using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Data-plane settings a change flips away from what the program sets: bucket events and lifecycle deletes
/// (ENC-STO-070), database flags that widen access or ship data out (ENC-DB-070), and previews that delete a data
/// store (ENC-GOV-070) or unprotect one (ENC-GOV-001).
/// </summary>
public sealed class DataPlaneFlagAttacks : AttackClass
{
    private const string UserData = "storage-user-data";
    private const string Archive = "oversight-archive-us-ashburn-1-bucket";
    private const string Primary = "database-adb";
    private const string Standby = "database-adb-standby";
    private const string Lifecycle = "oci:ObjectStorage/objectLifecyclePolicy:ObjectLifecyclePolicy";

    private static ResourceEdit LifecyclePolicy(Prod p, string bucket, string action, string? target = null, bool enabled = true)
    {
        var rule = new JsonObject { ["name"] = "rule", ["action"] = action, ["isEnabled"] = enabled, ["timeAmount"] = "1", ["timeUnit"] = "DAYS" };
        if (target is not null) rule["target"] = target;
        var b = p.Resource(bucket);
        return p.Add(Lifecycle, $"{b.Name}-lifecycle", new JsonObject
        {
            ["bucket"] = b.Get("name")!.DeepClone(), ["namespace"] = b.Get("namespace")!.DeepClone(), ["rules"] = new JsonArray(rule),
        }, sibling: bucket);
    }

    private static string Removed(Prod p, string name)
    {
        var urn = p.Resource(name).Urn;
        p.Remove(name);
        return urn;
    }

    public override IEnumerable<AttackCase> Cases()
    {
        // ENC-STO-070: object events and objects kept.
        yield return Attack("user data stops emitting object events", "ENC-STO-070", p => p.Resource(UserData).Set("objectEventsEnabled", false));
        yield return Attack("archive stops emitting object events", "ENC-STO-070", p => p.Resource(Archive).Set("objectEventsEnabled", false));
        yield return Attack("Phoenix archive object events left to the default (off)", "ENC-STO-070",
            p => p.Resource("oversight-archive-us-phoenix-1-bucket").Remove("objectEventsEnabled"));
        yield return Attack("user data auto-tiered", "ENC-STO-070", p => p.Resource(UserData).Set("autoTiering", "InfrequentAccess"));
        yield return Attack("a lifecycle rule deletes user data after a day", "ENC-STO-070", p => LifecyclePolicy(p, UserData, "DELETE"));
        yield return Attack("a lifecycle rule deletes previous versions of user data", "ENC-STO-070",
            p => LifecyclePolicy(p, UserData, "DELETE", target: "previous-object-versions"));
        yield return Attack("a lifecycle rule deletes archived evidence", "ENC-STO-070", p => LifecyclePolicy(p, Archive, "delete"));
        yield return Legitimate("a lifecycle rule aborts unfinished uploads of user data",
            p => LifecyclePolicy(p, UserData, "ABORT", target: "multipart-uploads"));
        yield return Legitimate("auto-tiering said disabled on user data", p => p.Resource(UserData).Set("autoTiering", "Disabled"));

        // ENC-DB-070: database flags as the program sets them.
        yield return Attack("primary on the developer tier", "ENC-DB-070", p => p.Resource(Primary).Set("isDevTier", true));
        yield return Attack("primary open to every database user", "ENC-DB-070", p => p.Resource(Primary).Set("permissionLevel", "UNRESTRICTED"));
        yield return Attack("Database Management enabled on the primary", "ENC-DB-070", p => p.Resource(Primary).Set("databaseManagementStatus", "ENABLED"));
        yield return Attack("Operations Insights enabled on the standby", "ENC-DB-070", p => p.Resource(Standby).Set("operationsInsightsStatus", "ENABLED"));
        yield return Attack("ORDS switched on for the primary", "ENC-DB-070", p => p.Resource(Primary).Set("dbToolsDetails",
            new JsonArray(new JsonObject { ["name"] = "ORDS", ["isEnabled"] = true })));
        yield return Attack("Database Actions switched on for the standby", "ENC-DB-070", p => p.Resource(Standby).Set("dbToolsDetails",
            new JsonArray(new JsonObject { ["name"] = "DATABASE_ACTIONS", ["isEnabled"] = true }, new JsonObject { ["name"] = "APEX", ["isEnabled"] = false })));
        yield return Attack("primary's access control switched off", "ENC-DB-070", p => p.Resource(Primary).Set("isAccessControlEnabled", false));
        yield return Attack("a transportable tablespace imported from a foreign bundle", "ENC-DB-070", p => p.Resource(Primary).Set("transportableTablespace",
            new JsonObject { ["ttsBundleUrl"] = "https://objectstorage.us-ashburn-1.oraclecloud.com/p/parentco/n/parentns/b/tts/o/bundle" }));
        yield return Attack("standby made a copy of a foreign database", "ENC-DB-070",
            p => p.Resource(Standby).Set("sourceId", "ocid1.autonomousdatabase.oc1.iad.parentcodatabase"));
        yield return Attack("the primary turned into a refreshable clone", "ENC-DB-070",
            p => p.Resource(Primary).Set("isRefreshableClone", true).Set("refreshableMode", "AUTOMATIC"));
        yield return Legitimate("primary restricted to ADMIN connections", p => p.Resource(Primary).Set("permissionLevel", "RESTRICTED"));
        yield return Legitimate("database tools said disabled on the primary", p => p.Resource(Primary).Set("dbToolsDetails",
            new JsonArray(new JsonObject { ["name"] = "ORDS", ["isEnabled"] = false })));
        yield return Legitimate("primary's access control switched on", p => p.Resource(Primary).Set("isAccessControlEnabled", true));

        // ENC-GOV-070 (a preview's delete steps) and ENC-GOV-001 (the protect flag).
        yield return Attack("the update deletes the primary database", "ENC-GOV-070", p => Removed(p, Primary), Forms.Preview);
        yield return Attack("the update deletes the archive bucket", "ENC-GOV-070", p => Removed(p, Archive), Forms.Preview);
        yield return Attack("the update deletes the database key", "ENC-GOV-070", p => Removed(p, "keys-database-key"), Forms.Preview);
        yield return Attack("the update deletes the vault", "ENC-GOV-070", p => Removed(p, "keys-vault"), Forms.Preview);
        foreach (var name in new[] { Archive, "keys-vault", "keys-database-key" })
            yield return Attack($"{name} unprotected from deletion", "ENC-GOV-001", p =>
            {
                var r = p.Resource(name);
                r.Json["protect"] = false;
                return r;
            });
    }
}
