using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 13 (network, data and oversight side), each exit 0 before.
/// <list type="bullet">
/// <item>Doors of the Autonomous Database that only its deployed outputs show: public access switched on in the console
/// beside the private endpoint (<c>publicEndpoint</c>, <c>publicConnectionUrls</c>), the MongoDB API enabled among the
/// built-in tools (which were not judged when deployed at all), manual backups to an Object Storage bucket by name
/// (<c>backupConfigs</c>). A refresh's own values (no public endpoint, OCI's default tools on, no manual backups) pass.</item>
/// <item>A preview update step that turns a known isolation setting into an unknown one (a bucket's key, the database's
/// subnet or access list, a subnet's route table or security lists, a connector's target, a log's group): the rules read
/// an unknown reference as the existing resource it is built from and keep doubts advisory in a preview, while an
/// <c>Apply</c> over that resource's id can yield any id at <c>pulumi up</c> (ENC-GOV-093). A reference to a resource
/// the same update creates stays legitimate.</item>
/// </list>
/// </summary>
public sealed class Round13Attacks : AttackClass
{
    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string ServiceGateway = "oci:Core/serviceGateway:ServiceGateway";

    private static ResourceEdit Deployed(ResourceEdit resource, string key, JsonNode? value)
    {
        var outputs = (JsonObject)(resource.Json["outputs"] ??= new JsonObject());
        outputs[key] = value;
        return resource;
    }

    private static JsonArray Tools(params (string Name, bool Enabled)[] tools) => new(tools
        .Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["isEnabled"] = t.Enabled, ["computeCount"] = 0, ["maxIdleTimeInMinutes"] = 0 }).ToArray());

    private static JsonArray Urls(string host) => new(new JsonObject
    {
        ["apexUrl"] = host.Length == 0 ? "" : $"https://{host}/ords/apex", ["ordsUrl"] = host.Length == 0 ? "" : $"https://{host}/ords/",
        ["sqlDevWebUrl"] = host.Length == 0 ? "" : $"https://{host}/ords/sql-developer", ["databaseTransformsUrl"] = "", ["graphStudioUrl"] = "",
        ["machineLearningNotebookUrl"] = "", ["machineLearningUserManagementUrl"] = "", ["mongoDbUrl"] = "", ["spatialStudioUrl"] = "",
    });

    /// <summary>
    /// Prod as a refresh reports it: databases without public access, OCI's default tools on, no manual backups; logs,
    /// event rules and vaults ACTIVE, keys ENABLED.
    /// </summary>
    private static void Refreshed(Prod p)
    {
        foreach (var type in new[] { "oci:Logging/log:Log", "oci:Events/rule:Rule", "oci:Kms/vault:Vault" })
            foreach (var r in p.OfType(type)) Deployed(r, "state", JsonValue.Create("ACTIVE"));
        foreach (var key in p.OfType("oci:Kms/key:Key")) Deployed(key, "state", JsonValue.Create("ENABLED"));
        foreach (var db in p.OfType(Adb))
        {
            Deployed(db, "publicEndpoint", JsonValue.Create(""));
            Deployed(db, "publicConnectionUrls", Urls(""));
            Deployed(db, "backupConfigs", new JsonArray(new JsonObject { ["manualBackupBucketName"] = "", ["manualBackupType"] = "NONE" }));
            Deployed(db, "dbToolsDetails", Tools(("APEX", true), ("DATABASE_ACTIONS", true), ("DATA_TRANSFORMS", true), ("GRAPH_STUDIO", true),
                ("OML", true), ("ORDS", true), ("MONGODB_API", false)));
        }
    }

    /// <summary>Records input <paramref name="key"/> of <paramref name="resource"/> as built from <paramref name="from"/>.</summary>
    private static ResourceEdit BuiltFrom(ResourceEdit resource, string key, ResourceEdit from)
    {
        var deps = resource.Json["propertyDependencies"] as JsonObject ?? new JsonObject();
        deps[key] = new JsonArray(from.Urn);
        resource.Json["propertyDependencies"] = deps;
        return resource;
    }

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("public access switched on beside the database's private endpoint", "ENC-DB-070", p =>
            Deployed(p.Resource("database-adb", Adb), "publicEndpoint", JsonValue.Create("usdeprod.adb.us-ashburn-1.oraclecloudapps.com")));
        yield return Attack("public APEX and ORDS URLs on the standby", "ENC-DB-070", p =>
        {
            Refreshed(p);
            return Deployed(p.Resource("database-adb-standby", Adb), "publicConnectionUrls", Urls("usdeprod.adb.us-phoenix-1.oraclecloudapps.com"));
        });
        yield return Attack("MongoDB API switched on in the console", "ENC-DB-070", p =>
        {
            Refreshed(p);
            return Deployed(p.Resource("database-adb", Adb), "dbToolsDetails", Tools(("APEX", true), ("DATABASE_ACTIONS", true), ("ORDS", true), ("MONGODB_API", true)));
        });
        yield return Attack("manual database backups to a bucket by name", "ENC-DB-090", p =>
            Deployed(p.Resource("database-adb", Adb), "backupConfigs",
                new JsonArray(new JsonObject { ["manualBackupBucketName"] = "parent-co-exports", ["manualBackupType"] = "OBJECT_STORE" })));
        yield return Legitimate("a refresh reporting no public access, OCI's default tools and no manual backups", Refreshed);
        yield return Attack("data subnet's flow log held INACTIVE by OCI", "ENC-LOG-050", p =>
        {
            Refreshed(p);
            return Deployed(p.Resource("network-data-flow-log"), "state", JsonValue.Create("INACTIVE"));
        });
        yield return Attack("policy-change alert rule held INACTIVE by OCI", "ENC-LOG-050", p =>
            Deployed(p.Resource("oversight-us-ashburn-1-policy-changes"), "state", JsonValue.Create("INACTIVE")));
        yield return Attack("database key in a lifecycle state the gate does not list", "ENC-KMS-005", p =>
            Deployed(p.Resource("keys-database-key"), "state", JsonValue.Create("SUSPENDED")));

        // Known before the update, unknown after it, built from resources that exist (ENC-GOV-093).
        yield return Attack("user-data bucket re-keyed to a key computed from the existing key", "ENC-GOV-093", p =>
            p.Resource("storage-user-data").Unknown("kmsKeyId"), Forms.Preview);
        yield return Attack("database moved to a subnet computed from the existing one", "ENC-GOV-093", p =>
            p.Resource("database-adb", Adb).Unknown("subnetId"), Forms.Preview);
        yield return Attack("database NSGs computed", "ENC-GOV-093", p =>
            p.Resource("database-adb", Adb).Unknown("nsgIds[0]"), Forms.Preview);
        yield return Attack("database access list computed", "ENC-GOV-093", p =>
            p.Resource("database-adb", Adb).Set("whitelistedIps", Value.Unknown), Forms.Preview);
        yield return Attack("data subnet's route table computed from the existing one", "ENC-GOV-093", p =>
            p.Resource("network-data").Unknown("routeTableId"), Forms.Preview);
        yield return Attack("data subnet's security lists computed", "ENC-GOV-093", p =>
            p.Resource("network-data").Unknown("securityListIds[0]"), Forms.Preview);
        yield return Attack("flow log moved to a log group computed", "ENC-GOV-093", p =>
            p.Resource("network-data-flow-log").Unknown("logGroupId"), Forms.Preview);
        yield return Attack("Bastion's target subnet computed", "ENC-GOV-093", p =>
            p.Resource("network-bastion").Unknown("targetSubnetId"), Forms.Preview);
        yield return Attack("admin secret moved to a vault computed", "ENC-GOV-093", p =>
            p.Resource("database-admin-secret").Unknown("vaultId"), Forms.Preview);
        yield return Attack("alert subscription's topic computed", "ENC-GOV-093", p =>
            p.Resource("oversight-us-ashburn-1-email-0").Unknown("topicId"), Forms.Preview);
        yield return Attack("Cloud Guard target's compartment computed", "ENC-GOV-093", p =>
            p.Resource("tenancy-cloud-guard-target").Unknown("targetResourceId"), Forms.Preview);
        // An output OCI recomputes from an input the change sets (the program leaves the flag to OCI): no source to vouch.
        yield return Attack("database access-control flag OCI recomputes after a change", "ENC-GOV-093", p =>
        {
            var db = p.Resource("database-adb", Adb).Set("displayName", "usde-prod-adb-renamed");
            return Deployed(db, "isAccessControlEnabled", JsonValue.Create(PulumiValues.UnknownSentinel));
        }, Forms.Preview);
        yield return Attack("new bucket keyed by a key computed from the existing one", "ENC-GOV-093", p =>
        {
            var existing = p.Resource("storage-user-data");
            var inputs = (JsonObject)existing.Inputs.DeepClone();
            inputs["name"] = "usde-prod-exports";
            var bucket = p.Add("oci:ObjectStorage/bucket:Bucket", "storage-exports", inputs, "storage-user-data").Set("kmsKeyId", Value.Unknown);
            return BuiltFrom(bucket, "kmsKeyId", p.Resource("keys-buckets-key"));
        }, Forms.Preview);
        yield return Attack("unknown value vouched for by a component resource (no id of its own)", "ENC-GOV-093", p =>
            BuiltFrom(p.Resource("storage-user-data").Unknown("kmsKeyId"), "kmsKeyId", p.Resource("keys")), Forms.Preview);
        yield return Legitimate("data route to a new service gateway, its id not known yet", p =>
        {
            var existing = p.Resource("network-service-gateway");
            var fresh = p.Add(ServiceGateway, "network-service-gateway-2", (JsonObject)existing.Inputs.DeepClone(), "network-service-gateway");
            BuiltFrom(p.Resource("network-data-routes").Set("routeRules[0].networkEntityId", fresh.Json["id"]!.GetValue<string>()), "routeRules", fresh);
        }, Forms.Preview);
    }
}
