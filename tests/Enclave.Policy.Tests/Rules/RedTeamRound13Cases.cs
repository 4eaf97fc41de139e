using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 13 (network, data and oversight side). Doors of the Autonomous Database that only its deployed outputs
/// show, because no input of the program opens them: public access switched on in the console beside the private
/// endpoint (<c>publicEndpoint</c>, <c>publicConnectionUrls</c>: ORDS, APEX and SQL from the internet), the MongoDB API
/// (a wire protocol of its own) enabled among the built-in tools OCI lists, and manual backups to an Object Storage
/// bucket by name (<c>backupConfigs</c>). The built-in tools were not judged at all when deployed (OCI lists them enabled
/// by default); they are now judged against OCI's own default list.
/// </summary>
public static class RedTeamRound13Cases
{
    private static GraphBuilder Deployed(GraphBuilder g, string name, string key, object? value)
    {
        g[name].Outputs[key] = value;
        return g;
    }

    private static object[] Tools(params (string Name, bool Enabled)[] tools) =>
        tools.Select(t => (object)new { name = t.Name, isEnabled = t.Enabled, computeCount = 0, maxIdleTimeInMinutes = 0 }).ToArray();

    public static readonly RuleCase[] Failing =
    [
        new("ENC-DB-070", "public access switched on beside the private endpoint", "adb",
            g => Deployed(g, "adb", "publicEndpoint", "usdedev.adb.us-ashburn-1.oraclecloudapps.com")),
        new("ENC-DB-070", "public APEX and ORDS URLs", "adb", g => Deployed(g, "adb", "publicConnectionUrls",
            new[] { new { apexUrl = "https://usdedev.adb.us-ashburn-1.oraclecloudapps.com/ords/apex", ordsUrl = "https://usdedev.adb.us-ashburn-1.oraclecloudapps.com/ords/", mongoDbUrl = "" } })),
        new("ENC-DB-070", "MongoDB API switched on in the console", "adb", g => Deployed(g, "adb", "dbToolsDetails",
            Tools(("APEX", true), ("DATABASE_ACTIONS", true), ("ORDS", true), ("MONGODB_API", true)))),
        new("ENC-DB-070", "a tool OCI's list does not name switched on", "adb", g => Deployed(g, "adb", "dbToolsDetails",
            Tools(("ORDS", true), ("SELECT_AI_GATEWAY", true)))),
        new("ENC-DB-090", "manual backups to a bucket by name", "adb", g => Deployed(g, "adb", "backupConfigs",
            new[] { new { manualBackupBucketName = "parent-co-exports", manualBackupType = "OBJECT_STORE" } })),
        // Oversight that OCI holds switched off while its wiring still names what it covers.
        new("ENC-LOG-050", "flow log OCI holds INACTIVE", "flow-data", g => Deployed(g, "flow-data", "state", "INACTIVE")),
        new("ENC-LOG-050", "CIS event rule OCI holds FAILED", "cis-events", g => Deployed(g, "cis-events", "state", "FAILED")),
        // A key's lifecycle is an allow-list of the states that keep it usable, not a list of the ways out.
        new("ENC-KMS-005", "key in a state the gate does not list", "key", g => Deployed(g, "key", "state", "SUSPENDED")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-DB-070", "deployed public endpoint is a secret", "adb", g => Deployed(g, "adb", "publicEndpoint", Secret)),
        new("ENC-DB-070", "deployed tool state is a secret", "adb", g => Deployed(g, "adb", "dbToolsDetails",
            new[] { new { name = "MONGODB_API", isEnabled = Secret } })),
        new("ENC-DB-090", "deployed manual backup type is a secret", "adb", g => Deployed(g, "adb", "backupConfigs",
            new[] { new { manualBackupBucketName = "", manualBackupType = Secret } })),
        new("ENC-LOG-050", "deployed log state is a secret", "flow-data", g => Deployed(g, "flow-data", "state", Secret)),
        new("ENC-KMS-005", "deployed key state is a secret (passed unread before)", "key", g => Deployed(g, "key", "state", Secret)),
    ];
}
