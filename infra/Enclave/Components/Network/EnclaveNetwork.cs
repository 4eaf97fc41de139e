using Enclave.Configuration;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Core;
using Pulumi.Oci.Core.Inputs;

namespace Enclave.Components.Network;

/// <summary>
/// Network isolation (item 4): a VCN with private subnets only (data, app, admin), no internet or NAT gateway, a
/// service gateway to Oracle services as the only way out, one route table per subnet, the default security list
/// emptied, least-privilege NSGs, flow logs on every subnet and a Bastion reachable only from gatekeeper CIDRs.
/// </summary>
public sealed partial class EnclaveNetwork : EnclaveComponent
{
    public const string Type = "us-data-enclave:network:Network";

    /// <summary>The database listener port (TLS/mTLS) of Autonomous Database.</summary>
    public const int DatabasePort = 1522;

    /// <summary>Bastion session lifetime: 3 hours, the landing-zone value and the enclave's ceiling.</summary>
    public const int BastionSessionTtlSeconds = 10800;

    private readonly EnclaveSettings _settings;
    private readonly NetworkPlacement _placement;
    private readonly EnclaveCompartments _compartments;

    public Output<string> VcnId { get; }
    public Output<string> DataSubnetId { get; }
    public Output<string> AppSubnetId { get; }
    public Output<string> AdminSubnetId { get; }
    public Output<string> DatabaseNsgId { get; }
    public Output<string> AppNsgId { get; }
    public Output<string> BastionId { get; }

    /// <summary>Flow logs of every subnet (log group id, log id), for the Service Connector.</summary>
    public IReadOnlyList<ShippedLog> FlowLogs { get; }

    public EnclaveNetwork(string name, EnclaveSettings settings, NetworkPlacement placement,
        EnclaveCompartments compartments, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        _settings = settings;
        _placement = placement;
        _compartments = compartments;
        var network = settings.Network;

        var vcn = new Vcn(ChildName("vcn"), new VcnArgs
        {
            CompartmentId = compartments.Network,
            CidrBlocks = { network.VcnCidr },
            DisplayName = DisplayName("vcn"),
            DnsLabel = Naming.Alphanumeric(settings.NamePrefix),
        }, Options());
        VcnId = vcn.Id;

        // CIS 2.5: the Oracle-created default security list would allow SSH from anywhere; take it over with no rules.
        // The empty rule lists are said explicitly (the provider then replaces Oracle's rules with none) so a preview
        // shows the list emptied rather than rules left to be read back after apply.
        var defaultSecurityList = new DefaultSecurityList(ChildName("default-security-list"), new DefaultSecurityListArgs
        {
            ManageDefaultResourceId = vcn.DefaultSecurityListId,
            CompartmentId = compartments.Network,
            DisplayName = DisplayName("default-security-list-emptied"),
            IngressSecurityRules = new InputList<DefaultSecurityListIngressSecurityRuleArgs>(),
            EgressSecurityRules = new InputList<DefaultSecurityListEgressSecurityRuleArgs>(),
        }, Options());

        var service = GetServices.Invoke(new GetServicesInvokeArgs(), InvokeOptionsFor(placement.Provider))
            .Apply(result => OracleServices.Pick(network.ServiceGateway, placement.Region,
                result.Services.Select(s => new OracleService(s.Id, s.CidrBlock))));
        var serviceLabel = service.Apply(s => s.CidrLabel);

        var serviceGateway = new ServiceGateway(ChildName("service-gateway"), new ServiceGatewayArgs
        {
            CompartmentId = compartments.Network,
            VcnId = vcn.Id,
            DisplayName = DisplayName("service-gateway"),
            Services = { new ServiceGatewayServiceArgs { ServiceId = ServiceId(network.ServiceGateway, settings.OracleIds, placement.Region, service) } },
        }, Options());

        Subnet PrivateSubnet(string tier, string cidr) =>
            NewPrivateSubnet(tier, cidr, vcn, defaultSecurityList, serviceGateway, serviceLabel);
        var data = PrivateSubnet("data", network.DataSubnetCidr);
        var app = PrivateSubnet("app", network.AppSubnetCidr);
        var admin = PrivateSubnet("admin", network.AdminSubnetCidr);
        DataSubnetId = data.Id;
        AppSubnetId = app.Id;
        AdminSubnetId = admin.Id;

        (DatabaseNsgId, AppNsgId) = DeclareSecurityGroups(vcn, serviceLabel);
        FlowLogs = DeclareFlowLogs([("data", data), ("app", app), ("admin", admin)]);
        BastionId = DeclareBastion(admin);
        RegisterOutputs();
    }

    /// <summary>
    /// The Object Storage service the stack declares for the gateway's region (oracleIds.objectStorageServices), which the
    /// gate judges the gateway against (ENC-NET-011); else the looked-up one, whose OCID alone the gate cannot tell from
    /// all services'.
    /// </summary>
    private static Output<string> ServiceId(ServiceGatewayScope scope, OracleIdSettings ids, string region, Output<OracleService> lookedUp) =>
        scope == ServiceGatewayScope.ObjectStorage && ids.ObjectStorageServices.TryGetValue(region, out var declared)
            ? Output.Create(declared)
            : lookedUp.Apply(s => s.Id);

    // A private subnet whose only route is the service gateway: no public IPs, no internet ingress.
    private Subnet NewPrivateSubnet(string tier, string cidr, Vcn vcn, DefaultSecurityList securityList,
        ServiceGateway serviceGateway, Output<string> serviceLabel)
    {
        var routes = new RouteTable(ChildName($"{tier}-routes"), new RouteTableArgs
        {
            CompartmentId = _compartments.Network,
            VcnId = vcn.Id,
            DisplayName = DisplayName($"{tier}-routes"),
            RouteRules =
            {
                new RouteTableRouteRuleArgs
                {
                    Destination = serviceLabel,
                    DestinationType = "SERVICE_CIDR_BLOCK",
                    NetworkEntityId = serviceGateway.Id,
                    // Stryker disable once String : a description, not a control (docs/testing.md)
                    Description = "Oracle services of this region only, through the service gateway.",
                },
            },
        }, Options());

        return new Subnet(ChildName(tier), new SubnetArgs
        {
            CompartmentId = _compartments.Network,
            VcnId = vcn.Id,
            CidrBlock = cidr,
            DisplayName = DisplayName($"{tier}-subnet"),
            DnsLabel = tier,
            ProhibitPublicIpOnVnic = true,
            ProhibitInternetIngress = true,
            RouteTableId = routes.Id,
            SecurityListIds = { securityList.Id },
        }, Options());
    }

    private string DisplayName(string suffix) =>
        Naming.Display(_settings.NamePrefix, _placement.IsPrimary ? suffix : $"{_placement.Role}-{suffix}");

    private CustomResourceOptions Options(bool protect = false) => ChildOptions(_placement.Provider, protect);
}
