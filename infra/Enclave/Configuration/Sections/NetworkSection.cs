using System.Collections.Immutable;
using System.Net;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:network</c>: the VCN, its three private subnets, the service gateway scope and on-prem ranges.</summary>
internal static class NetworkSection
{
    private static readonly string[] Fields =
        ["vcnCidr", "dataSubnetCidr", "appSubnetCidr", "adminSubnetCidr", "serviceGateway", "onPremCidrs"];

    private static readonly string[] GatewayScopes = ["all-services", "object-storage"];

    public static NetworkSettings? Read(ConfigReader r, ReadContext context)
    {
        var o = r.Object(ConfigKeys.Network, "an object", Fields);
        if (o is null) return null;

        const string subnet = "a private IPv4 CIDR block inside the VCN, /16 to /30 (e.g. 10.0.1.0/24)";
        var vcnText = o.String("vcnCidr", "a private IPv4 CIDR block for the VCN, /16 to /30 (e.g. 10.0.0.0/16)");
        var dataText = o.String("dataSubnetCidr", subnet);
        var appText = o.String("appSubnetCidr", subnet);
        var adminText = o.String("adminSubnetCidr", subnet);
        var scopeText = o.String("serviceGateway", $"the service gateway scope: {string.Join(" or ", GatewayScopes)}");
        var onPremTexts = o.StringList("onPremCidrs", "a list of CIDR blocks (may be empty)", required: false);

        var vcnKey = o.FieldKey("vcnCidr");
        var vcn = r.Cidr(vcnKey, vcnText, vcnSized: true, privateOnly: true);
        var subnets = new List<(string Key, IPNetwork2? Block)>();
        foreach (var (field, text) in new[] { ("dataSubnetCidr", dataText), ("appSubnetCidr", appText), ("adminSubnetCidr", adminText) })
        {
            var key = o.FieldKey(field);
            var block = r.Cidr(key, text, vcnSized: true);
            if (block is not null && vcn is not null && !Checks.Cidr.Contains(vcn, block))
            {
                r.Report(key, $"'{text}' is outside the VCN {Checks.Cidr.Format(vcn)} ({vcnKey}); subnets must lie inside it");
                block = null;
            }
            subnets.Add((key, block));
        }
        r.NoOverlaps(subnets, "subnet");

        var onPrem = onPremTexts ?? [];
        for (var i = 0; i < onPrem.Length; i++)
        {
            var key = $"{o.FieldKey("onPremCidrs")}[{i}]";
            if (r.Cidr(key, onPrem[i]) is not { } block) continue;
            if (vcn is not null && Checks.Cidr.Overlap(vcn, block))
                r.Report(key, $"'{onPrem[i]}' overlaps the VCN {Checks.Cidr.Format(vcn)} ({vcnKey}); on-premises ranges must be disjoint from it");
            if (r.NotNearOpen(key, onPrem[i], block, context, "an on-premises range"))
                r.NotParentNetwork(key, onPrem[i], block, context, "an on-premises range");
        }

        var scopeOk = r.OneOf(o.FieldKey("serviceGateway"), scopeText, GatewayScopes);
        if (vcnText is null || dataText is null || appText is null || adminText is null || !scopeOk)
            return null;
        return new NetworkSettings
        {
            VcnCidr = vcnText,
            DataSubnetCidr = dataText,
            AppSubnetCidr = appText,
            AdminSubnetCidr = adminText,
            ServiceGateway = scopeText == "object-storage" ? ServiceGatewayScope.ObjectStorage : ServiceGatewayScope.AllServices,
            OnPremCidrs = onPrem,
        };
    }
}
