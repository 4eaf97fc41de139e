namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Event types beyond CIS that reveal a way out of the enclave or a blinding of its oversight: PARs, remote peering,
/// DRG routing, on-premises links, key and vault lifecycle, database security changes, clones and wallets, credential
/// creation and network-source changes. Types follow <c>com.oraclecloud.&lt;service&gt;.&lt;operation&gt;</c> like the CIS
/// ones; the program declares the same list (a test keeps them equal).
/// </summary>
public static class ThreatEventTypes
{
    private const string Vnet = "com.oraclecloud.virtualnetwork.";
    private const string Iam = "com.oraclecloud.identitycontrolplane.";

    private static string[] Types(string prefix, params string[] names) => [.. names.Select(n => prefix + n)];

    public static readonly IReadOnlyList<(string Topic, string[] EventTypes)> All =
    [
        ("pre-authenticated requests and bucket changes", Types("com.oraclecloud.objectstorage.", "createpreauthenticatedrequest",
            "createbucket", "updatebucket", "deletebucket")),
        ("remote peering", Types(Vnet, "createremotepeeringconnection", "connectremotepeeringconnections",
            "updateremotepeeringconnection", "deleteremotepeeringconnection")),
        ("DRG routing", Types(Vnet, "createdrgroutetable", "updatedrgroutetable", "deletedrgroutetable", "createdrgattachment",
            "updatedrgattachment")),
        ("IPSec, CPE and virtual circuit changes", Types(Vnet, "createipsecconnection", "updateipsecconnection",
            "deleteipsecconnection", "createcpe", "updatecpe", "deletecpe", "createvirtualcircuit", "updatevirtualcircuit",
            "deletevirtualcircuit")),
        ("key and vault disable, deletion and replication", Types("com.oraclecloud.keymanagementservice.", "disablekey",
            "schedulekeydeletion", "schedulevaultdeletion", "createvaultreplica", "deletevaultreplica")),
        ("database security changes, clones, DR copies and wallets", Types("com.oraclecloud.databaseservice.",
            "updateautonomousdatabase", "createautonomousdatabase", "generateautonomousdatabasewallet", "deleteautonomousdatabase")),
        ("API key, auth token, customer secret key and SMTP credential creation", Types(Iam, "uploadapikey", "createauthtoken",
            "createcustomersecretkey", "createsmtpcredential")),
        ("network source changes", Types(Iam, "createnetworksource", "updatenetworksource", "deletenetworksource")),
    ];
}
