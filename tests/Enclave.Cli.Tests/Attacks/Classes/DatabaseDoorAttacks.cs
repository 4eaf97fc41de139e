using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Doors to the database beside its private endpoint: access-list entries the gatekeepers do not own (ENC-DB-051, an
/// allow-list behind ENC-DB-006's near-open check), a vanity URL through an API gateway (ENC-DB-052), and copies whose
/// source kind the gate never listed (ENC-REG-002 judges every source but NONE).
/// </summary>
public sealed class DatabaseDoorAttacks : AttackClass
{
    private const string Database = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string ForeignVcn = "ocid1.vcn.oc1.iad.aaaaaaaaexampleparentcovcn";
    private const string FrankfurtDb = "ocid1.autonomousdatabase.oc1.fra.aaaaaaaaexamplefrankfurtdb";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("database access list names another VCN", "ENC-DB-051",
            p => p.Resource("database-adb", Database).Set("whitelistedIps", Value.List(ForeignVcn)));
        yield return Attack("database access list names another VCN with a narrow range", "ENC-DB-051",
            p => p.Resource("database-adb", Database).Set("whitelistedIps", Value.List($"{ForeignVcn};10.0.0.5/32")));
        yield return Attack("database access list admits a vendor's /24", "ENC-DB-051",
            p => p.Resource("database-adb", Database).Set("whitelistedIps", Value.List("203.0.113.0/24")));
        yield return Attack("standby access list admits a single vendor address", "ENC-DB-051",
            p => p.Resource("database-adb-standby", Database).Set("standbyWhitelistedIps", Value.List("203.0.113.7")));
        yield return Attack("database published through an API gateway", "ENC-DB-052", p => p.Resource("database-adb", Database).Set("vanityUrlDetails",
            new JsonArray(new JsonObject { ["apiGatewayId"] = "ocid1.apigateway.oc1.iad.aaaaaaaaexamplegateway", ["vanityUrlHostName"] = "data", ["isDisabled"] = false })));
        yield return Attack("a clone of a Frankfurt database with a padded source kind", "ENC-REG-002", p => AddClone(p, "DATABASE ", FrankfurtDb));
        yield return Attack("a copy of a Frankfurt database by a source kind the gate never listed", "ENC-REG-002",
            p => AddClone(p, "CROSS_TENANCY_DISASTER_RECOVERY", FrankfurtDb));

        yield return Attack("a switchover that hands the primary role to a Frankfurt peer", "ENC-REG-002",
            p => p.Resource("database-adb", Database).Set("switchoverToRemotePeerId", FrankfurtDb));

        yield return Legitimate("database access list of a gatekeeper range", p => p.Resource("database-adb", Database)
            .Set("whitelistedIps", Value.List("198.51.100.0/28")));
        yield return Legitimate("database access list of the enclave's own VCN", p => p.Resource("database-adb", Database)
            .Set("whitelistedIps", Value.List($"{p.Resource("network-vcn").Json["id"]!.GetValue<string>()};10.30.2.0/24")));
    }

    private static string AddClone(Prod p, string source, string sourceId)
    {
        var primary = (JsonObject)p.Resource("database-adb", Database).Inputs.DeepClone();
        primary["dbName"] = "usdeclone";
        primary["displayName"] = "usde-prod-clone";
        primary["source"] = source;
        primary["sourceId"] = sourceId;
        primary.Remove("isLocalDataGuardEnabled");
        return p.Add(Database, "database-clone", primary, sibling: "database-adb").Urn;
    }
}
