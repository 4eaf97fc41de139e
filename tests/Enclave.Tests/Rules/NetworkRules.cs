using Enclave.Configuration;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Network isolation (item 4).</summary>
public static class NetworkRules
{
    private static readonly string[] Anywhere = ["0.0.0.0/0", "::/0"];

    public static IReadOnlyList<string> SubnetsArePrivate(Deployed d)
    {
        var subnets = d.OfType(Oci.Subnet).ToList();
        var check = new Check().That(subnets.Count >= 3, $"only {subnets.Count} subnets");
        foreach (var s in subnets)
            check.That(s.Bool("prohibitPublicIpOnVnic") == true && s.Bool("prohibitInternetIngress") == true,
                $"{s.Where()}: prohibitPublicIpOnVnic={s.Bool("prohibitPublicIpOnVnic")} prohibitInternetIngress={s.Bool("prohibitInternetIngress")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> NetworkHasNoInternetOrNatGateway(Deployed d)
    {
        var check = new Check();
        foreach (var gateway in d.OfType(Oci.InternetGateway).Concat(d.OfType(Oci.NatGateway)))
            check.That(false, $"{gateway.Where()} exists");
        foreach (var rt in d.OfType(Oci.RouteTable))
        foreach (var rule in rt.List("routeRules"))
        {
            var destination = Values.At(rule, "destination") as string ?? Values.At(rule, "cidrBlock") as string;
            check.That(!Anywhere.Contains(destination), $"{rt.Where()} routes {destination} out");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> RouteTablesOnlyRouteToServiceGateway(Deployed d)
    {
        var check = new Check();
        var gateways = d.OfType(Oci.ServiceGateway).ToDictionary(g => g.Id);
        var routeTables = d.OfType(Oci.Subnet).Select(s => s.Str("routeTableId")).ToList();
        check.That(routeTables.Distinct().Count() == routeTables.Count, "subnets share a route table");
        foreach (var subnet in d.OfType(Oci.Subnet))
        {
            var rt = d.ById(subnet.Str("routeTableId"));
            var rules = rt?.List("routeRules") ?? [];
            check.That(rt is not null && rules.Count == 1, $"{subnet.Where()}: route table has {rules.Count} rules");
            foreach (var rule in rules)
            {
                var gateway = gateways.GetValueOrDefault(Values.At(rule, "networkEntityId") as string ?? "");
                check.That(Values.At(rule, "destinationType") as string == "SERVICE_CIDR_BLOCK" && gateway is not null &&
                           gateway.Str("vcnId") == subnet.Str("vcnId"),
                    $"{subnet.Where()}: route to {Values.At(rule, "destination")} via {Values.At(rule, "networkEntityId")}");
            }
        }
        return check.Violations;
    }

    /// <summary>Service gateway scope: the route label names all Oracle services or Object Storage only, per config.</summary>
    public static IReadOnlyList<string> ServiceGatewayReachesConfiguredOracleServices(Deployed d)
    {
        var check = new Check();
        var objectStorageOnly = d.Settings.Network.ServiceGateway == ServiceGatewayScope.ObjectStorage;
        foreach (var sgw in d.OfType(Oci.ServiceGateway))
            check.That(sgw.List("services").Count == 1, $"{sgw.Where()} reaches {sgw.List("services").Count} services");
        foreach (var rt in d.OfType(Oci.RouteTable))
        foreach (var label in rt.List("routeRules").Select(r => Values.At(r, "destination") as string ?? ""))
            check.That(objectStorageOnly
                    ? label.StartsWith("oci-", StringComparison.Ordinal) && label.EndsWith("-objectstorage", StringComparison.Ordinal)
                    : label.StartsWith("all-", StringComparison.Ordinal) && label.EndsWith("-services-in-oracle-services-network", StringComparison.Ordinal),
                $"{rt.Where()} routes to '{label}' but network.serviceGateway is {d.Settings.Network.ServiceGateway}");
        return check.Violations;
    }

    public static IReadOnlyList<string> DefaultSecurityListIsEmptied(Deployed d)
    {
        var check = new Check();
        foreach (var vcn in d.OfType(Oci.Vcn))
        {
            var managed = d.OfType(Oci.DefaultSecurityList)
                .Where(l => l.Str("manageDefaultResourceId") == vcn.State.GetValueOrDefault("defaultSecurityListId") as string).ToList();
            check.That(managed.Count == 1, $"{vcn.Where()}: default security list not taken over");
            foreach (var list in managed)
            {
                check.That(list.List("ingressSecurityRules").Count == 0 && list.List("egressSecurityRules").Count == 0,
                    $"{list.Where()} still has rules");
                // Said explicitly, so a preview shows the list emptied instead of rules read back after apply.
                foreach (var rules in new[] { "ingressSecurityRules", "egressSecurityRules" })
                    check.That(list[rules] is IEnumerable<object?>, $"{list.Where()} does not state its {rules}");
            }
        }
        foreach (var list in d.OfType(Oci.SecurityList))
            check.That(list.List("ingressSecurityRules").All(r => !Anywhere.Contains(Values.At(r, "source") as string)),
                $"{list.Where()} admits traffic from anywhere");
        return check.Violations;
    }

    private static IEnumerable<Registered> RulesOf(Deployed d, Registered nsg, string direction) =>
        d.OfType(Oci.NsgRule).Where(r => r.Str("networkSecurityGroupId") == nsg.Id && r.Str("direction") == direction);

    private static bool TcpPort(Registered rule, int port) =>
        rule.Str("protocol") == "6" && rule.Num("tcpOptions.destinationPortRange.min") == port &&
        rule.Num("tcpOptions.destinationPortRange.max") == port;

    public static IReadOnlyList<string> DatabaseNsgAdmitsOnly1522FromAppAndBastion(Deployed d)
    {
        var check = new Check();
        foreach (var db in d.Databases())
        foreach (var nsg in db.Strings("nsgIds").Select(d.ById).OfType<Registered>())
        {
            var app = d.NsgsNamed("app").FirstOrDefault(n => n.Str("vcnId") == nsg.Str("vcnId"));
            var ingress = RulesOf(d, nsg, "INGRESS").ToList();
            bool FromApp(Registered r) => r.Str("sourceType") == "NETWORK_SECURITY_GROUP" && r.Str("source") == app?.Id;
            bool FromBastion(Registered r) => r.Str("sourceType") == "CIDR_BLOCK" && r.Str("source") == d.Settings.Network.AdminSubnetCidr;
            check.That(ingress.Any(FromApp) && ingress.Any(FromBastion), $"{nsg.Where()}: no 1522 ingress from the app NSG and the Bastion");
            foreach (var rule in ingress)
                check.That(TcpPort(rule, 1522) && (FromApp(rule) || FromBastion(rule)),
                    $"{nsg.Where()} admits {rule.Str("protocol")}/{rule.Num("tcpOptions.destinationPortRange.min")} from {rule.Str("source")}");
        }
        return check.Violations;
    }

    /// <summary>
    /// No NSG rule admits traffic from anywhere or from a near-open range (the shared definition the gate uses). Every
    /// rule states a direction OCI knows (INGRESS or EGRESS; any other reads as ingress, so it is judged as one) and is
    /// stateful: the program never relies on stateless rules, whose return traffic needs rules of its own.
    /// </summary>
    public static IReadOnlyList<string> NsgsAdmitNothingFromAnywhere(Deployed d)
    {
        var check = new Check();
        foreach (var rule in d.OfType(Oci.NsgRule))
        {
            var direction = rule.Str("direction");
            check.That(direction is "INGRESS" or "EGRESS", $"{rule.Where()} has direction '{direction}', neither INGRESS nor EGRESS");
            check.That(rule.Bool("stateless") == false, $"{rule.Where()} is not stated stateful (stateless={rule.Bool("stateless")})");
            var source = rule.Str("source");
            var ingress = direction != "EGRESS";
            check.That(!(ingress && Anywhere.Contains(source)), $"{rule.Where()} admits traffic from anywhere");
            var nearOpen = ingress && rule.Str("sourceType") is null or "CIDR_BLOCK" && source is not null &&
                           Enclave.Configuration.Checks.Cidr.ParseOrNull(source) is { } block &&
                           Enclave.Networks.NearOpen.Reason(block, d.Settings.MinimumPrefix) is not null;
            check.That(!nearOpen, $"{rule.Where()} admits the near-open range {source}");
            check.That(rule.Str("protocol") != "all" && rule["tcpOptions.destinationPortRange"] is not null,
                $"{rule.Where()} is not limited to one TCP port range");
        }
        return check.Violations;
    }

    /// <summary>The app NSG's egress goes only to the database listener and Oracle services, and does reach the database.</summary>
    public static IReadOnlyList<string> AppNsgEgressOnlyToDatabaseAndOracleServices(Deployed d)
    {
        var check = new Check();
        var databaseNsgs = d.NsgsNamed("db").Select(n => n.Id).ToHashSet();
        foreach (var app in d.NsgsNamed("app"))
            check.That(RulesOf(d, app, "EGRESS").Any(r => r.Str("destinationType") == "NETWORK_SECURITY_GROUP" &&
                                                         databaseNsgs.Contains(r.Str("destination") ?? "") && TcpPort(r, 1522)),
                $"{app.Where()} has no egress to the database listener (1522): the application could not reach its data");
        foreach (var app in d.NsgsNamed("app"))
        foreach (var rule in RulesOf(d, app, "EGRESS"))
            check.That((rule.Str("destinationType") == "NETWORK_SECURITY_GROUP" && databaseNsgs.Contains(rule.Str("destination") ?? "") && TcpPort(rule, 1522)) ||
                       (rule.Str("destinationType") == "SERVICE_CIDR_BLOCK" && TcpPort(rule, 443)),
                $"{app.Where()} egress to {rule.Str("destination")} ({rule.Str("destinationType")})");
        foreach (var db in d.NsgsNamed("db"))
            check.That(!RulesOf(d, db, "EGRESS").Any(), $"{db.Where()} has egress rules");
        return check.Violations;
    }

    public static IReadOnlyList<string> FlowLogsCoverEverySubnet(Deployed d)
    {
        var check = new Check();
        foreach (var subnet in d.OfType(Oci.Subnet))
            check.That(d.OfType(Oci.Log).Any(l => l.Str("configuration.source.service") == "flowlogs" &&
                                                 l.Str("configuration.source.category") == "all" &&
                                                 l.Str("configuration.source.resource") == subnet.Id &&
                                                 l.Str("configuration.source.sourceType") == "OCISERVICE" &&
                                                 l.Str("configuration.compartmentId") == subnet.Str("compartmentId") &&
                                                 l.Bool("isEnabled") == true),
                $"{subnet.Where()} has no flow log");
        return check.Violations;
    }

    public static IReadOnlyList<string> BastionOnlyFromGatekeeperCidrsForAtMostThreeHours(Deployed d)
    {
        var check = new Check();
        var bastions = d.OfType(Oci.Bastion).ToList();
        check.That(bastions.Count > 0, "no Bastion");
        var admins = d.SubnetsNamed("admin").Select(s => s.Id).ToHashSet();
        foreach (var b in bastions)
        {
            var clients = b.Strings("clientCidrBlockAllowLists");
            check.That(string.Equals(b.Str("bastionType"), "standard", StringComparison.OrdinalIgnoreCase), $"{b.Where()} type {b.Str("bastionType")}");
            check.That(clients.Count > 0 && clients.ToHashSet().SetEquals(d.Settings.GatekeeperCidrs),
                $"{b.Where()} admits clients from {string.Join(", ", clients)}");
            check.That(b.Num("maxSessionTtlInSeconds") is > 0 and <= 10800, $"{b.Where()} sessions last {b.Num("maxSessionTtlInSeconds")} s");
            check.That(admins.Contains(b.Str("targetSubnetId") ?? ""), $"{b.Where()} targets {b.Str("targetSubnetId")}");
        }
        return check.Violations;
    }
}
