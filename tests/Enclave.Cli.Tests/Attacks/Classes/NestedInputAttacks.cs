using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 7 (network, data, keys, oversight): the same door one level down. Object inputs (a log's source, a connector's
/// target, a detector override, a database's key, a service gateway's service, a route rule) carry fields no rule read;
/// ENC-GOV-090 now closes each object field by field, as it closes top-level inputs.
/// </summary>
public sealed class NestedInputAttacks : AttackClass
{
    private const string Connector = "oversight-archive-us-ashburn-1-connector";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("flow log's source given parameters no rule reads", "ENC-GOV-090",
            p => p.Resource("network-data-flow-log").Set("configuration.source.parameters", new JsonObject { ["forwardTo"] = "parent-siem" }));
        yield return Attack("archive connector's target also calls a parent function", "ENC-GOV-090",
            p => p.Resource(Connector).Set("target.functionId", "ocid1.fnfunc.oc1.iad.parentcopy"));
        yield return Attack("archive connector also reads a parent stream", "ENC-GOV-090",
            p => p.Resource(Connector).Set("source.streamId", "ocid1.stream.oc1.iad.parentfeed"));
        yield return Attack("Cloud Guard target widens a detector's allowed ports", "ENC-GOV-090", p => p.Resource("tenancy-cloud-guard-target")
            .Set("targetDetectorRecipes[0].detectorRules", new JsonArray(new JsonObject
            {
                ["detectorRuleId"] = "SECURITY_LIST_OPEN_SOURCE",
                ["details"] = new JsonObject { ["configurations"] = new JsonArray(new JsonObject { ["configKey"] = "allowedPorts", ["value"] = "0-65535" }) },
            })));
        yield return Attack("activity detector's rule lowered to minor risk", "ENC-GOV-090", p => p.Resource("tenancy-activity-detector-recipe")
            .Set("detectorRules", new JsonArray(new JsonObject
            {
                ["detectorRuleId"] = "LOGIN_FROM_NEW_COUNTRY", ["details"] = new JsonObject { ["isEnabled"] = true, ["riskLevel"] = "MINOR" },
            })));
        yield return Attack("database also names a key in another cloud's key manager", "ENC-GOV-090", p => p.Resource("database-adb").Set("encryptionKey",
            new JsonObject { ["autonomousDatabaseProvider"] = "AWS", ["keyArn"] = "arn:aws:kms:us-east-1:123456789012:key/parent" }));
        yield return Attack("key rotation scheduled to start in 2099", "ENC-GOV-090",
            p => p.Resource("keys-database-key").Set("autoKeyRotationDetails.timeOfScheduleStart", "2099-01-01T00:00:00Z"));
        yield return Attack("service gateway claims Object Storage by name in its inputs", "ENC-GOV-090",
            p => p.Resource("network-service-gateway").Set("services[0].serviceName", "OCI IAD Object Storage"));
        yield return Attack("data route rule made a LOCAL route", "ENC-GOV-090", p => p.Resource("network-data-routes").Set("routeRules[0].routeType", "LOCAL"));
        yield return Attack("Data Safe target registered by listener address", "ENC-GOV-090", p => p.Resource("database-data-safe-target")
            .Set("databaseDetails.listenerPort", 1521).Set("databaseDetails.ipAddresses", Value.List("203.0.113.10")));
        yield return Attack("database NSG rule given a port field the provider does not have", "ENC-GOV-090",
            p => p.Resource("network-db-from-app").Set("tcpOptions.min", 1));
        yield return Attack("flow log's configuration unknown in a deployed state", "ENC-GOV-090",
            p => p.Resource("network-data-flow-log").Unknown("configuration"), Forms.Export);

        yield return Legitimate("database NSG rule accepts only high client ports", p => p.Resource("network-db-from-app")
            .Set("tcpOptions.sourcePortRange", new JsonObject { ["min"] = 1024, ["max"] = 65535 }));
        yield return Legitimate("database maintenance on Sunday nights", p => p.Resource("database-adb").Set("autonomousDatabaseMaintenanceWindow",
            new JsonObject { ["dayOfWeek"] = new JsonObject { ["name"] = "SUNDAY" }, ["maintenanceStartTime"] = "02:00", ["maintenanceEndTime"] = "04:00" }));
        yield return Legitimate("data route rule described anew", p => p.Resource("network-data-routes")
            .Set("routeRules[0].description", "Object Storage of this region only (reviewed 2027)"));
        yield return Legitimate("database key rotated every 60 days", p => p.Resource("keys-database-key").Set("autoKeyRotationDetails.rotationIntervalInDays", 60));
        yield return Legitimate("archive objects under a dated prefix", p => p.Resource(Connector).Set("target.objectNamePrefix", "archive-2027"));
    }
}
