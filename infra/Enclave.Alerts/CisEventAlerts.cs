using System.Collections.Immutable;
using static Enclave.Alerts.EventTypes;

namespace Enclave.Alerts;

/// <summary>
/// The CIS OCI v3.0 notification recommendations (4.3–4.12, 4.15, 4.18): the event types a root-compartment rule must
/// route to a subscribed topic. Every type is one of Oracle's, as its event type reference spells it.
/// </summary>
public static class CisEventAlerts
{
    private const string Identity = "com.oraclecloud.identitycontrolplane.";
    private const string Vnet = "com.oraclecloud.virtualnetwork.";

    public static readonly ImmutableArray<EventAlert> All =
    [
        new("idp-changes", "identity provider changes", AlertRegions.HomeOnly,
            [.. Each(Identity, "createidentityprovider", "deleteidentityprovider", "updateidentityprovider")], Cis: "4.3"),
        // Oracle's types are add/remove/update; create/delete were never event types (Oracle's landing zone replaced them
        // in November 2025) but older CIS checkers still look for them, so the rule lists them as aliases.
        new("idp-group-mapping-changes", "IdP group mapping changes", AlertRegions.HomeOnly,
            [.. Each(Identity, "addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping")], Cis: "4.4")
        {
            CheckerAliases = [.. Each(Identity, "createidpgroupmapping", "deleteidpgroupmapping")],
        },
        new("group-changes", "IAM group changes", AlertRegions.HomeOnly,
            [.. Each(Identity, "creategroup", "deletegroup", "updategroup", "addusertogroup", "removeuserfromgroup")], Cis: "4.5"),
        new("policy-changes", "IAM policy changes", AlertRegions.HomeOnly,
            [.. Each(Identity, "createpolicy", "deletepolicy", "updatepolicy")], Cis: "4.6"),
        new("user-changes", "user changes", AlertRegions.HomeOnly,
            [.. Each(Identity, "createuser", "deleteuser", "updateuser", "updateusercapabilities", "updateuserstate")], Cis: "4.7"),
        new("vcn-changes", "VCN changes", AlertRegions.EveryEnclaveRegion,
            [.. Each(Vnet, "createvcn", "deletevcn", "updatevcn")], Cis: "4.8"),
        new("route-table-changes", "route table changes", AlertRegions.EveryEnclaveRegion,
            [.. Each(Vnet, "changeroutetablecompartment", "createroutetable", "deleteroutetable", "updateroutetable")], Cis: "4.9"),
        new("security-list-changes", "security list changes", AlertRegions.EveryEnclaveRegion,
            [.. Each(Vnet, "changesecuritylistcompartment", "createsecuritylist", "deletesecuritylist", "updatesecuritylist")], Cis: "4.10"),
        new("nsg-changes", "network security group changes", AlertRegions.EveryEnclaveRegion,
            [.. Each(Vnet, "changenetworksecuritygroupcompartment", "createnetworksecuritygroup", "deletenetworksecuritygroup",
                "updatenetworksecuritygroup")], Cis: "4.11"),
        new("gateway-changes", "network gateway changes (DRGs and their attachments included)", AlertRegions.EveryEnclaveRegion,
        [
            .. Each(Vnet, "createdrg", "deletedrg", "updatedrg", "createdrgattachment", "deletedrgattachment", "updatedrgattachment",
                "changeinternetgatewaycompartment", "createinternetgateway", "deleteinternetgateway", "updateinternetgateway",
                "changelocalpeeringgatewaycompartment", "createlocalpeeringgateway", "deletelocalpeeringgateway",
                "deletelocalpeeringgateway.end", "updatelocalpeeringgateway"),
            .. Each("com.oraclecloud.natgateway.", "changenatgatewaycompartment", "createnatgateway", "deletenatgateway",
                "updatenatgateway"),
            .. Each("com.oraclecloud.servicegateway.", "attachserviceid", "changeservicegatewaycompartment",
                "createservicegateway", "deleteservicegateway.begin", "deleteservicegateway.end", "detachserviceid",
                "updateservicegateway"),
        ], Cis: "4.12"),
        // Cloud Guard problems are raised in its reporting region, which is the home region.
        new("cloud-guard-problems", "Cloud Guard problems", AlertRegions.HomeOnly,
            [.. Each("com.oraclecloud.cloudguard.", "problemdetected", "problemdismissed", "problemremediated")], Cis: "4.15"),
        new("local-user-sign-ons", "local user sign-ins", AlertRegions.EveryEnclaveRegion,
            ["com.oraclecloud.identitysignon.interactivelogin"], Cis: "4.18"),
    ];
}
