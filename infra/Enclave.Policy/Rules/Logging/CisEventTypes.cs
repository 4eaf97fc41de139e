namespace Enclave.Policy.Rules.Logging;

/// <summary>The event types each CIS v3.0 notification recommendation requires (from Oracle's CIS compliance script).</summary>
public static class CisEventTypes
{
    private const string Iam = "com.oraclecloud.identitycontrolplane.";
    private const string Net = "com.oraclecloud.virtualnetwork.";

    public static readonly IReadOnlyList<(string Cis, string Topic, string[] EventTypes)> All =
    [
        ("4.3", "identity provider changes", Types(Iam, "createidentityprovider", "deleteidentityprovider", "updateidentityprovider")),
        // The script expects add/remove; the Landing Zone emits create/delete. Both spellings are required so either checker passes.
        ("4.4", "IdP group mapping changes", Types(Iam, "addidpgroupmapping", "removeidpgroupmapping", "updateidpgroupmapping",
            "createidpgroupmapping", "deleteidpgroupmapping")),
        ("4.5", "IAM group changes", Types(Iam, "creategroup", "deletegroup", "updategroup")),
        ("4.6", "IAM policy changes", Types(Iam, "createpolicy", "deletepolicy", "updatepolicy")),
        ("4.7", "user changes", Types(Iam, "createuser", "deleteuser", "updateuser", "updateusercapabilities", "updateuserstate")),
        ("4.8", "VCN changes", Types(Net, "createvcn", "deletevcn", "updatevcn")),
        ("4.9", "route table changes", Types(Net, "changeroutetablecompartment", "createroutetable", "deleteroutetable", "updateroutetable")),
        ("4.10", "security list changes", Types(Net, "changesecuritylistcompartment", "createsecuritylist", "deletesecuritylist", "updatesecuritylist")),
        ("4.11", "network security group changes", Types(Net, "changenetworksecuritygroupcompartment", "createnetworksecuritygroup",
            "deletenetworksecuritygroup", "updatenetworksecuritygroup")),
        ("4.12", "network gateway changes", [
            .. Types(Net, "createdrg", "deletedrg", "updatedrg", "createdrgattachment", "deletedrgattachment", "updatedrgattachment",
                "changeinternetgatewaycompartment", "createinternetgateway", "deleteinternetgateway", "updateinternetgateway",
                "changelocalpeeringgatewaycompartment", "createlocalpeeringgateway", "deletelocalpeeringgateway", "updatelocalpeeringgateway"),
            .. Types("com.oraclecloud.natgateway.", "changenatgatewaycompartment", "createnatgateway", "deletenatgateway", "updatenatgateway"),
            .. Types("com.oraclecloud.servicegateway.", "attachserviceid", "changeservicegatewaycompartment", "createservicegateway",
                "deleteservicegateway", "detachserviceid", "updateservicegateway"),
        ]),
        ("4.15", "Cloud Guard problems", Types("com.oraclecloud.cloudguard.", "problemdetected", "problemdismissed", "problemremediated")),
        ("4.18", "local user sign-in", ["com.oraclecloud.identitysignon.interactivelogin"]),
    ];

    /// <summary>Lower-cased, without the <c>.begin</c>/<c>.end</c> suffix some long-running events carry.</summary>
    public static string Normalise(string eventType)
    {
        var t = eventType.Trim().ToLowerInvariant();
        foreach (var suffix in new[] { ".begin", ".end" })
            if (t.EndsWith(suffix, StringComparison.Ordinal)) return t[..^suffix.Length];
        return t;
    }

    private static string[] Types(string prefix, params string[] names) => names.Select(n => prefix + n).ToArray();
}
