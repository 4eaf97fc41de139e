namespace Enclave.Policy.Network;

/// <summary>Pulumi OCI type tokens the reachability analysis reads (pulumi-oci v4.20.0).</summary>
public static class OciTokens
{
    public const string Vcn = "oci:Core/vcn:Vcn";
    public const string Subnet = "oci:Core/subnet:Subnet";
    public const string RouteTable = "oci:Core/routeTable:RouteTable";
    public const string DefaultRouteTable = "oci:Core/defaultRouteTable:DefaultRouteTable";
    public const string RouteTableAttachment = "oci:Core/routeTableAttachment:RouteTableAttachment";
    public const string SecurityList = "oci:Core/securityList:SecurityList";
    public const string DefaultSecurityList = "oci:Core/defaultSecurityList:DefaultSecurityList";
    public const string NetworkSecurityGroup = "oci:Core/networkSecurityGroup:NetworkSecurityGroup";
    public const string NetworkSecurityGroupSecurityRule = "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule";
    public const string InternetGateway = "oci:Core/internetGateway:InternetGateway";
    public const string NatGateway = "oci:Core/natGateway:NatGateway";
    public const string ServiceGateway = "oci:Core/serviceGateway:ServiceGateway";
    public const string Drg = "oci:Core/drg:Drg";
    public const string DrgAttachment = "oci:Core/drgAttachment:DrgAttachment";
    public const string LocalPeeringGateway = "oci:Core/localPeeringGateway:LocalPeeringGateway";
    public const string RemotePeeringConnection = "oci:Core/remotePeeringConnection:RemotePeeringConnection";
    public const string Ipsec = "oci:Core/ipsec:Ipsec";
    public const string Cpe = "oci:Core/cpe:Cpe";
    public const string VirtualCircuit = "oci:Core/virtualCircuit:VirtualCircuit";
    public const string AutonomousDatabase = "oci:Database/autonomousDatabase:AutonomousDatabase";
    public const string DbSystem = "oci:Database/dbSystem:DbSystem";
    public const string MysqlDbSystem = "oci:Mysql/mysqlDbSystem:MysqlDbSystem";

    /// <summary>The class name of a token (<c>oci:Core/subnet:Subnet</c> → <c>Subnet</c>), for hop labels.</summary>
    public static string ShortName(string token)
    {
        var colon = token.LastIndexOf(':');
        return colon >= 0 ? token[(colon + 1)..] : token;
    }
}
