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

    /// <param name="personaCidrs">The gatekeepers' and auditors' networks (key and list): each must lie outside the VCN,
    /// or any workload in it would satisfy their network-source conditions and the Bastion's allow-list.</param>
    public static NetworkSettings? Read(ConfigReader r, ReadContext context,
        IReadOnlyList<(string Key, ImmutableArray<string> Cidrs)> personaCidrs)
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

        if (vcn is not null)
            foreach (var (personaKey, cidrs) in personaCidrs)
                for (var i = 0; i < cidrs.Length; i++)
                    if (Checks.Cidr.ParseOrNull(cidrs[i]) is { } block && Checks.Cidr.Overlap(vcn, block) &&
                        !r.Problems.Any(p => p.Key == $"{personaKey}[{i}]")) // a near-open range is already reported
                        r.Report($"{personaKey}[{i}]",
                            $"'{cidrs[i]}' overlaps the VCN {Checks.Cidr.Format(vcn)} ({vcnKey}); a persona's network must lie outside the enclave, or every workload in it would pass as that persona");

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
