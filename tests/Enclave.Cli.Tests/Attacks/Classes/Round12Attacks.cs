using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 12 (network, data and oversight side). Settings the program leaves at OCI's default and pins there
/// ("as the program sets it" rules) were judged only as inputs, and ENC-GOV-092 compares only the inputs the program
/// sets: Database Management or Operations Insights switched on in the console (SQL text and statistics shipped to
/// another service), auto-tiering, a long-term backup schedule, IPv6 on the VCN, a subnet moved to DHCP options whose
/// resolver someone else runs, all showed only in the deployed outputs. The deployed value of such a setting must now be
/// OCI's default or a value the pin allows. An alert subscription OCI holds as PENDING (never confirmed) or DELETED
/// (unsubscribed from the link in a mail), and a topic being deleted, named the gatekeepers while OCI delivered nothing
/// (ENC-LOG-050 reads their deployed state). A refresh's own values for unset settings (permission level UNRESTRICTED,
/// built-in tools listed, NOT_ENABLED statuses, the VCN's default DHCP options, ACTIVE subscriptions) still pass. In a
/// preview, settings that hold no resource id (an alert address, an event condition, a connector filter, the database's
/// contacts, a key's length, the archive's retention, a route's destination, an NSG rule's CIDR) stayed advisory when
/// unknown, as if the cloud computed them; an unknown reference beside them (a gateway or NSG not created yet) still does.
/// </summary>
public sealed class Round12Attacks : AttackClass
{
    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string DefaultDhcp = "ocid1.dhcpoptions.oc1.iad.aaaaaaaavcndefaultoptions";

    /// <summary>What the cloud holds for <paramref name="key"/> after a change outside the stack (outputs only).</summary>
    private static ResourceEdit Deployed(ResourceEdit resource, string key, JsonNode? value)
    {
        var outputs = (JsonObject)(resource.Json["outputs"] ??= new JsonObject());
        outputs[key] = value;
        return resource;
    }

    private static JsonValue Text(string s) => JsonValue.Create(s);

    /// <summary>Records input <paramref name="key"/> of <paramref name="resource"/> as built from <paramref name="from"/>.</summary>
    private static void BuiltFrom(ResourceEdit resource, string key, ResourceEdit from)
    {
        var deps = resource.Json["propertyDependencies"] as JsonObject ?? new JsonObject();
        deps[key] = new JsonArray(from.Urn);
        resource.Json["propertyDependencies"] = deps;
    }

    /// <summary>Prod as <c>pulumi refresh</c> reports it: OCI's own values for the settings the program leaves unset.</summary>
    private static void Refreshed(Prod p)
    {
        foreach (var db in p.OfType(Adb))
        {
            Deployed(db, "permissionLevel", Text("UNRESTRICTED"));
            Deployed(db, "isAccessControlEnabled", JsonValue.Create(false));
            Deployed(db, "isDevTier", JsonValue.Create(false));
            Deployed(db, "databaseManagementStatus", Text("NOT_ENABLED"));
            Deployed(db, "operationsInsightsStatus", Text("NOT_ENABLED"));
            Deployed(db, "isRefreshableClone", JsonValue.Create(false));
            Deployed(db, "refreshableMode", Text(""));
            Deployed(db, "longTermBackupSchedules", new JsonArray());
            Deployed(db, "openMode", Text(db.Inputs["source"] is null ? "READ_WRITE" : "READ_ONLY"));
            Deployed(db, "arePrimaryWhitelistedIpsUsed", JsonValue.Create(false));
            Deployed(db, "dbToolsDetails", new JsonArray(new[] { "APEX", "DATABASE_ACTIONS", "ORDS", "OML", "MONGODB_API" }
                .Select(n => (JsonNode?)new JsonObject { ["name"] = n, ["isEnabled"] = n != "MONGODB_API", ["computeCount"] = 0, ["maxIdleTimeInMinutes"] = 0 })
                .ToArray()));
        }
        foreach (var bucket in p.OfType("oci:ObjectStorage/bucket:Bucket")) Deployed(bucket, "autoTiering", Text("Disabled"));
        foreach (var vcn in p.OfType("oci:Core/vcn:Vcn"))
        {
            Deployed(vcn, "isIpv6enabled", JsonValue.Create(false));
            Deployed(vcn, "ipv6privateCidrBlocks", new JsonArray());
            Deployed(vcn, "defaultDhcpOptionsId", Text(DefaultDhcp + vcn.Name));
        }
        var vcnsById = p.OfType("oci:Core/vcn:Vcn").ToDictionary(v => v.Json["id"]!.GetValue<string>(), v => v.Name);
        foreach (var subnet in p.OfType("oci:Core/subnet:Subnet"))
        {
            Deployed(subnet, "dhcpOptionsId", Text(DefaultDhcp + vcnsById[subnet.Inputs["vcnId"]!.GetValue<string>()]));
            Deployed(subnet, "ipv6cidrBlocks", new JsonArray());
        }
        foreach (var s in p.OfType("oci:Ons/subscription:Subscription")) Deployed(s, "state", Text("ACTIVE"));
        foreach (var t in p.OfType("oci:Ons/notificationTopic:NotificationTopic")) Deployed(t, "state", Text("ACTIVE"));
    }

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("gatekeepers' alert subscription never confirmed (PENDING)", "ENC-LOG-050", p =>
            Deployed(p.Resource("oversight-us-ashburn-1-email-0"), "state", Text("PENDING")));
        yield return Attack("on-call alert subscription unsubscribed from a mail's link (DELETED)", "ENC-LOG-050", p =>
            Deployed(p.Resource("oversight-us-phoenix-1-email-1"), "state", Text("DELETED")));
        yield return Attack("alert topic being deleted in the console", "ENC-LOG-050", p =>
            Deployed(p.Resource("oversight-us-ashburn-1-topic"), "state", Text("DELETING")));
        yield return Attack("Database Management switched on in the console", "ENC-DB-070", p =>
            Deployed(p.Resource("database-adb", Adb), "databaseManagementStatus", Text("ENABLED")));
        yield return Attack("Operations Insights switched on for the standby in the console", "ENC-DB-070", p =>
            Deployed(p.Resource("database-adb-standby", Adb), "operationsInsightsStatus", Text("ENABLED")));
        yield return Attack("long-term backup schedule made in the console", "ENC-DB-090", p =>
            Deployed(p.Resource("database-adb", Adb), "longTermBackupSchedules", new JsonArray(new JsonObject
            {
                ["repeatCadence"] = "WEEKLY", ["retentionPeriodInDays"] = 3650, ["isDisabled"] = false, ["timeOfBackup"] = "2026-12-01T00:00:00Z",
            })));
        yield return Attack("user-data bucket auto-tiered in the console", "ENC-STO-070", p =>
            Deployed(p.Resource("storage-user-data"), "autoTiering", Text("InfrequentAccess")));
        yield return Attack("IPv6 switched on for the VCN in the console", "ENC-NET-071", p =>
            Deployed(p.Resource("network-vcn"), "isIpv6enabled", JsonValue.Create(true)));
        yield return Attack("data subnet moved to other DHCP options in the console", "ENC-NET-071", p =>
        {
            Refreshed(p);
            return Deployed(p.Resource("network-data"), "dhcpOptionsId", Text("ocid1.dhcpoptions.oc1.iad.aaaaaaaaparentcoresolver"));
        });
        yield return Legitimate("a refresh reporting OCI's values for the settings the program leaves unset", Refreshed);

        // A setting that holds no resource id is nothing the cloud computes: unknown in a preview, the change computed it
        // from another resource's output and it can be anything at `pulumi up` (ENC-GOV-007).
        yield return Attack("gatekeepers' alert address computed from another resource", "ENC-GOV-007", p =>
            p.Resource("oversight-us-ashburn-1-email-0").Unknown("endpoint"), Forms.Preview);
        yield return Attack("subscription-deletion alert condition computed", "ENC-GOV-007", p =>
            p.Resource("oversight-us-ashburn-1-alert-plumbing").Unknown("condition"), Forms.Preview);
        yield return Attack("audit-alert connector's filter computed", "ENC-GOV-007", p =>
            p.Resource("oversight-us-ashburn-1-audit-alerts").Unknown("tasks[0].condition"), Forms.Preview);
        yield return Attack("database contacts computed", "ENC-GOV-007", p =>
            p.Resource("database-adb", Adb).Unknown("customerContacts[0].email"), Forms.Preview);
        yield return Attack("database key's length computed", "ENC-GOV-007", p =>
            p.Resource("keys-database-key").Unknown("keyShape.length"), Forms.Preview);
        yield return Attack("archive retention computed", "ENC-GOV-007", p =>
            p.Resource("oversight-archive-us-ashburn-1-bucket").Unknown("retentionRules[0].duration.timeAmount"), Forms.Preview);
        yield return Attack("data route's destination computed beside its service gateway", "ENC-GOV-007", p =>
            p.Resource("network-data-routes").Unknown("routeRules[0].destination"), Forms.Preview);
        yield return Attack("database listener's admin-subnet source computed", "ENC-GOV-007", p =>
            p.Resource("network-db-from-admin").Unknown("source"), Forms.Preview);
        // A reference unknown because what it names is created by the same update (round 13: an unknown built from a
        // resource that exists is ENC-GOV-093's; these two once left the gateway and NSG in place).
        yield return Legitimate("a data route to a service gateway not created yet", p =>
        {
            var gateway = p.Add("oci:Core/serviceGateway:ServiceGateway", "network-service-gateway-new",
                (JsonObject)p.Resource("network-service-gateway").Inputs.DeepClone(), "network-service-gateway");
            BuiltFrom(p.Resource("network-data-routes").Set("routeRules[0].networkEntityId", gateway.Json["id"]!.GetValue<string>()), "routeRules", gateway);
        }, Forms.Preview);
        yield return Legitimate("a database listener rule from an app NSG not created yet", p =>
        {
            var nsg = p.Add("oci:Core/networkSecurityGroup:NetworkSecurityGroup", "network-app-nsg-new",
                (JsonObject)p.Resource("network-app-nsg").Inputs.DeepClone(), "network-app-nsg");
            BuiltFrom(p.Resource("network-db-from-app").Set("source", nsg.Json["id"]!.GetValue<string>()), "source", nsg);
        }, Forms.Preview);
    }
}
