using System.Collections.Immutable;

namespace Enclave.Components.Oversight;

/// <summary>Where an event rule must exist: identity and Cloud Guard events arrive in the home region only,
/// network and sign-on events in every region the enclave uses.</summary>
public enum EventRuleRegions { HomeOnly, EveryEnclaveRegion }

/// <summary>One CIS notification recommendation: the event types a root-compartment rule must route to a topic.</summary>
public sealed record CisEventRule(string Cis, string Slug, EventRuleRegions Regions, ImmutableArray<string> EventTypes);

/// <summary>The CIS OCI v3.0 notification rules (4.3–4.12, 4.15, 4.18), event types as the compliance script checks them.</summary>
public static class CisEventRules
{
    private const string Identity = "com.oraclecloud.identitycontrolplane.";
    private const string Vnet = "com.oraclecloud.virtualnetwork.";

    private static ImmutableArray<string> Each(string prefix, params string[] names) => [.. names.Select(n => prefix + n)];

    public static readonly ImmutableArray<CisEventRule> All =
    [
        new("4.3", "idp-changes", EventRuleRegions.HomeOnly,
            Each(Identity, "createidentityprovider", "deleteidentityprovider", "updateidentityprovider")),
        // Both spellings: the compliance script checks add/remove/update, the landing zone emitted create/delete.
        new("4.4", "idp-group-mapping-changes", EventRuleRegions.HomeOnly,
            Each(Identity, "addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping",
                "createidpgroupmapping", "deleteidpgroupmapping")),
        new("4.5", "group-changes", EventRuleRegions.HomeOnly,
            Each(Identity, "creategroup", "deletegroup", "updategroup", "addusertogroup", "removeuserfromgroup")),
        new("4.6", "policy-changes", EventRuleRegions.HomeOnly,
            Each(Identity, "createpolicy", "deletepolicy", "updatepolicy")),
        new("4.7", "user-changes", EventRuleRegions.HomeOnly,
            Each(Identity, "createuser", "deleteuser", "updateuser", "updateusercapabilities", "updateuserstate")),
        new("4.8", "vcn-changes", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "createvcn", "deletevcn", "updatevcn")),
        new("4.9", "route-table-changes", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "changeroutetablecompartment", "createroutetable", "deleteroutetable", "updateroutetable")),
        new("4.10", "security-list-changes", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "changesecuritylistcompartment", "createsecuritylist", "deletesecuritylist", "updatesecuritylist")),
        new("4.11", "nsg-changes", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "changenetworksecuritygroupcompartment", "createnetworksecuritygroup",
                "deletenetworksecuritygroup", "updatenetworksecuritygroup")),
        new("4.12", "gateway-changes", EventRuleRegions.EveryEnclaveRegion,
        [
            .. Each(Vnet, "createdrg", "deletedrg", "updatedrg", "createdrgattachment", "deletedrgattachment",
                "updatedrgattachment", "changeinternetgatewaycompartment", "createinternetgateway",
                "deleteinternetgateway", "updateinternetgateway", "changelocalpeeringgatewaycompartment",
                "createlocalpeeringgateway", "deletelocalpeeringgateway", "deletelocalpeeringgateway.end",
                "updatelocalpeeringgateway"),
            .. Each("com.oraclecloud.natgateway.", "changenatgatewaycompartment", "createnatgateway",
                "deletenatgateway", "updatenatgateway"),
            .. Each("com.oraclecloud.servicegateway.", "attachserviceid", "changeservicegatewaycompartment",
                "createservicegateway", "deleteservicegateway.begin", "deleteservicegateway.end", "detachserviceid",
                "updateservicegateway"),
        ]),
        // Cloud Guard problems are raised in its reporting region, which is the home region.
        new("4.15", "cloud-guard-problems", EventRuleRegions.HomeOnly,
            Each("com.oraclecloud.cloudguard.", "problemdetected", "problemdismissed", "problemremediated")),
        new("4.18", "local-user-sign-ons", EventRuleRegions.EveryEnclaveRegion,
            ["com.oraclecloud.identitysignon.interactivelogin"]),
    ];
}
