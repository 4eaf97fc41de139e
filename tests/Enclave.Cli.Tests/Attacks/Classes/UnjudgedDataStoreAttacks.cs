using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-DB-050: the gate knows DB systems and MySQL DB systems only as network listeners. A database of either kind holds
/// US data whose keys, backup copies and restore sources no rule reads, so it is refused as a data store.
/// </summary>
public sealed class UnjudgedDataStoreAttacks : AttackClass
{
    private const string Mysql = "oci:Mysql/mysqlDbSystem:MysqlDbSystem";
    private const string DbSystem = "oci:Database/dbSystem:DbSystem";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("a MySQL database whose backups are copied to Frankfurt", "ENC-DB-050", p => p.Add(Mysql, "database-mysql", new JsonObject
        {
            ["compartmentId"] = Id(p, "tenancy-database"), ["subnetId"] = Id(p, "network-data"), ["shapeName"] = "MySQL.2",
            ["backupPolicy"] = new JsonObject
            {
                ["isEnabled"] = true,
                ["copyPolicies"] = new JsonArray(new JsonObject { ["copyToRegion"] = "eu-frankfurt-1", ["backupCopyRetentionInDays"] = 7 }),
            },
        }, sibling: "database-adb"));
        yield return Attack("a MySQL database in the data subnet", "ENC-DB-050", p => p.Add(Mysql, "database-mysql", new JsonObject
        {
            ["compartmentId"] = Id(p, "tenancy-database"), ["subnetId"] = Id(p, "network-data"), ["shapeName"] = "MySQL.2",
        }, sibling: "database-adb"));
        yield return Attack("a DB system restored from a Frankfurt backup", "ENC-DB-050", p => p.Add(DbSystem, "database-vm", new JsonObject
        {
            ["compartmentId"] = Id(p, "tenancy-database"), ["subnetId"] = Id(p, "network-data"), ["source"] = "DB_BACKUP",
            ["shape"] = "VM.Standard.E4.Flex", ["availabilityDomain"] = "Uocm:US-ASHBURN-AD-1", ["hostname"] = "db",
            ["dbHome"] = new JsonObject { ["database"] = new JsonObject { ["backupId"] = "ocid1.dbbackup.oc1.fra.aaaaaaaaexamplefrankfurtbackup" } },
        }, sibling: "database-adb"));
    }

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();
}
