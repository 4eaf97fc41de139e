using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// The same door through another field: inputs of the database, buckets, connectors and virtual circuits that no rule
/// read. Each closed type's inputs are an allow-list (ENC-GOV-090); the ones that decide access or copies are pinned to
/// the program's values (ENC-DB-090, ENC-NET-090).
/// </summary>
public sealed class UnjudgedInputAttacks : AttackClass
{
    private const string Primary = "database-adb";
    private const string Standby = "database-adb-standby";
    private const string VirtualCircuit = "oci:Core/virtualCircuit:VirtualCircuit";

    private static JsonNode Compartment(Prod p) => p.Resource("network-vcn").Get("compartmentId")!.DeepClone();

    /// <summary>A private virtual circuit on a new DRG of the stack (what ENC-NET-072 accepts), with <paramref name="extra"/>.</summary>
    private static ResourceEdit Circuit(Prod p, JsonObject extra)
    {
        var drg = p.Add("oci:Core/drg:Drg", "network-drg", new JsonObject { ["compartmentId"] = Compartment(p) }, sibling: "network-vcn");
        var inputs = new JsonObject { ["compartmentId"] = Compartment(p), ["type"] = "PRIVATE", ["gatewayId"] = drg.Json["id"]!.GetValue<string>() };
        foreach (var (key, value) in extra) inputs[key] = value?.DeepClone();
        return p.Add(VirtualCircuit, "network-vc", inputs, sibling: "network-vcn");
    }

    public override IEnumerable<AttackCase> Cases()
    {
        // ENC-DB-090: pinned to the program's values.
        yield return Attack("standby keeps an access list of its own", "ENC-DB-090", p => p.Resource(Primary).Set("arePrimaryWhitelistedIpsUsed", false));
        yield return Attack("long-term backups kept for ten years", "ENC-DB-090", p => p.Resource(Primary).Set("longTermBackupSchedules",
            new JsonArray(new JsonObject { ["repeatCadence"] = "YEARLY", ["retentionPeriodInDays"] = 3650, ["timeOfBackup"] = "2027-01-01T03:00:00Z" })));
        yield return Attack("primary opened read-only outside the program", "ENC-DB-090", p => p.Resource(Primary).Set("openMode", "READ_ONLY"));
        yield return Attack("standby's access-list choice is a secret", "ENC-GOV-006", p => p.Resource(Standby).Secret("arePrimaryWhitelistedIpsUsed"));

        // ENC-GOV-090: inputs no rule reads.
        yield return Attack("database moved into a shared container database", "ENC-GOV-090",
            p => p.Resource(Primary).Set("autonomousContainerDatabaseId", "ocid1.autonomouscontainerdatabase.oc1.iad.sharedparent").Set("isDedicated", true));
        yield return Attack("database billed to a multicloud subscription", "ENC-GOV-090",
            p => p.Resource(Primary).Set("subscriptionId", "ocid1.organizationssubscription.oc1.iad.parentco"));
        yield return Attack("database given zero-trust packet routing attributes", "ENC-GOV-090",
            p => p.Resource(Primary).Set("securityAttributes", new JsonObject { ["oracle-zpr.parentapps.value"] = "reader" }));
        yield return Attack("database joins another database's elastic pool", "ENC-GOV-090",
            p => p.Resource(Standby).Set("resourcePoolLeaderId", "ocid1.autonomousdatabase.oc1.phx.parentpool"));
        yield return Attack("bucket with a field the provider does not have", "ENC-GOV-090",
            p => p.Resource("storage-user-data").Set("publicAccessType", "ObjectRead"));
        yield return Attack("multicloud subscription computed at deploy", "ENC-GOV-090",
            p => p.Resource(Primary).Unknown("subscriptionId"), Forms.Preview);

        // Virtual circuits: a private one on the stack's DRG still ends somewhere.
        yield return Attack("virtual circuit mapped onto the parent's cross-connect", "ENC-NET-090", p => Circuit(p, new JsonObject
        {
            ["crossConnectMappings"] = new JsonArray(new JsonObject
            {
                ["crossConnectOrCrossConnectGroupId"] = "ocid1.crossconnect.oc1.iad.parentcolo", ["customerBgpPeeringIp"] = "10.255.255.1/30",
                ["oracleBgpPeeringIp"] = "10.255.255.2/30", ["vlan"] = 100,
            }),
        }));
        yield return Attack("virtual circuit through a FastConnect partner", "ENC-GOV-090", p => Circuit(p, new JsonObject
        {
            ["providerServiceId"] = "ocid1.providerservice.oc1.iad.partner", ["bandwidthShapeName"] = "1 Gbps",
        }));
        yield return Attack("virtual circuit with a global routing policy", "ENC-GOV-090", p => Circuit(p, new JsonObject
        {
            ["routingPolicies"] = new JsonArray("GLOBAL"),
        }));
        yield return Attack("virtual circuit placed in another region", "ENC-GOV-090", p => Circuit(p, new JsonObject { ["region"] = "eu-frankfurt-1" }));

        yield return Legitimate("primary's open mode said explicitly", p => p.Resource(Primary).Set("openMode", "READ_WRITE"));
        yield return Legitimate("standby uses the primary's access list", p => p.Resource(Primary).Set("arePrimaryWhitelistedIpsUsed", true));
        yield return Legitimate("database on the regular maintenance schedule",
            p => p.Resource(Primary).Set("autonomousMaintenanceScheduleType", "REGULAR"));
        yield return Legitimate("database tagged with its cost center", p => p.Resource(Primary).Set("freeformTags", new JsonObject { ["costCenter"] = "us-data" }));
        yield return Legitimate("user-data bucket on the standard tier said explicitly", p => p.Resource("storage-user-data").Set("storageTier", "Standard"));
    }
}
