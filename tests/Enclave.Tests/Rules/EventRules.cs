using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>CIS notification rules (4.3–4.12, 4.15, 4.18): root-compartment event rules routed to subscribed topics.</summary>
public static class EventRules
{
    /// <summary>Event types CIS OCI v3.0 requires per recommendation, as its compliance script checks them.</summary>
    public static readonly ImmutableDictionary<string, string[]> CisEventTypes = new Dictionary<string, string[]>
    {
        ["4.3"] = Identity("createidentityprovider", "deleteidentityprovider", "updateidentityprovider"),
        ["4.4"] = Identity("addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping"),
        ["4.5"] = Identity("creategroup", "deletegroup", "updategroup"),
        ["4.6"] = Identity("createpolicy", "deletepolicy", "updatepolicy"),
        ["4.7"] = Identity("createuser", "deleteuser", "updateuser", "updateusercapabilities", "updateuserstate"),
        ["4.8"] = Vnet("createvcn", "deletevcn", "updatevcn"),
        ["4.9"] = Vnet("changeroutetablecompartment", "createroutetable", "deleteroutetable", "updateroutetable"),
        ["4.10"] = Vnet("changesecuritylistcompartment", "createsecuritylist", "deletesecuritylist", "updatesecuritylist"),
        ["4.11"] = Vnet("changenetworksecuritygroupcompartment", "createnetworksecuritygroup", "deletenetworksecuritygroup", "updatenetworksecuritygroup"),
        ["4.12"] =
        [
            .. Vnet("createdrg", "deletedrg", "updatedrg", "createdrgattachment", "deletedrgattachment", "updatedrgattachment",
                "changeinternetgatewaycompartment", "createinternetgateway", "deleteinternetgateway", "updateinternetgateway",
                "changelocalpeeringgatewaycompartment", "createlocalpeeringgateway", "deletelocalpeeringgateway", "updatelocalpeeringgateway"),
            "com.oraclecloud.natgateway.changenatgatewaycompartment", "com.oraclecloud.natgateway.createnatgateway",
            "com.oraclecloud.natgateway.deletenatgateway", "com.oraclecloud.natgateway.updatenatgateway",
            "com.oraclecloud.servicegateway.attachserviceid", "com.oraclecloud.servicegateway.changeservicegatewaycompartment",
            "com.oraclecloud.servicegateway.createservicegateway", "com.oraclecloud.servicegateway.deleteservicegateway.begin",
            "com.oraclecloud.servicegateway.deleteservicegateway.end", "com.oraclecloud.servicegateway.detachserviceid",
            "com.oraclecloud.servicegateway.updateservicegateway",
        ],
        ["4.15"] = ["com.oraclecloud.cloudguard.problemdetected", "com.oraclecloud.cloudguard.problemdismissed", "com.oraclecloud.cloudguard.problemremediated"],
        ["4.18"] = ["com.oraclecloud.identitysignon.interactivelogin"],
    }.ToImmutableDictionary();

    /// <summary>Recommendations whose events are raised in every region (the rest only in the home region).</summary>
    public static readonly string[] EveryRegion = ["4.8", "4.9", "4.10", "4.11", "4.12", "4.18"];

    private static string[] Identity(params string[] names) => [.. names.Select(n => "com.oraclecloud.identitycontrolplane." + n)];
    private static string[] Vnet(params string[] names) => [.. names.Select(n => "com.oraclecloud.virtualnetwork." + n)];

    /// <summary>Rules in the root compartment of <paramref name="region"/> notifying a subscribed topic of that region.</summary>
    private static IEnumerable<Registered> NotifyingRootRules(Deployed d, string region)
    {
        var subscribedTopics = d.OfType(Oci.Subscription).Select(s => s.Str("topicId")).ToHashSet();
        var topics = d.OfType(Oci.Topic).Where(t => d.RegionOf(t) == region && subscribedTopics.Contains(t.Id))
            .Select(t => t.Id).ToHashSet();
        return d.OfType(Oci.EventRule).Where(r =>
            r.Str("compartmentId") == d.Settings.TenancyOcid && r.Bool("isEnabled") == true && d.RegionOf(r) == region &&
            r.List("actions.action").Any(a => Values.At(a, "actionType") as string == "ONS" &&
                                             Values.At(a, "isEnabled") as bool? == true &&
                                             topics.Contains(Values.At(a, "topicId") as string ?? "")));
    }

    public static IReadOnlyList<string> CoverCisEventsInRootCompartment(Deployed d)
    {
        var check = new Check();
        foreach (var region in OversightRules.EnclaveRegions(d))
        {
            var rules = NotifyingRootRules(d, region).Select(EventTypes).ToList();
            foreach (var (cis, required) in CisEventTypes)
                if (region == d.Settings.HomeRegion || EveryRegion.Contains(cis))
                    check.That(rules.Any(types => required.All(types.Contains)), $"CIS {cis}: no notifying root rule in {region}");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> IncludeBothIdpGroupMappingSpellings(Deployed d)
    {
        string[] both =
        [
            .. Identity("addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping", "createidpgroupmapping", "deleteidpgroupmapping"),
        ];
        var rules = NotifyingRootRules(d, d.Settings.HomeRegion).Select(EventTypes).ToList();
        return new Check().That(rules.Any(types => both.All(types.Contains)),
            "no root rule covers both spellings of the IdP group-mapping events").Violations;
    }

    /// <summary>Event types of a rule's JSON condition.</summary>
    public static IReadOnlyList<string> EventTypes(Registered rule)
    {
        try
        {
            using var doc = JsonDocument.Parse(rule.Str("condition") ?? "{}");
            return doc.RootElement.TryGetProperty("eventType", out var types) && types.ValueKind == JsonValueKind.Array
                ? [.. types.EnumerateArray().Select(t => t.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
