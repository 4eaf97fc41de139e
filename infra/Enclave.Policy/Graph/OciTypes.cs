namespace Enclave.Policy.Graph;

/// <summary>Pulumi OCI type tokens the policy engine reads (pulumi-oci v4.20.0): one table for rules and reachability.</summary>
public static class OciTypes
{
    public const string Provider = "pulumi:providers:oci";
    public const string Stack = "pulumi:pulumi:Stack";

    public const string Compartment = "oci:Identity/compartment:Compartment";
    public const string Policy = "oci:Identity/policy:Policy";
    public const string Group = "oci:Identity/group:Group";
    public const string DomainReplicationToRegion = "oci:Identity/domainReplicationToRegion:DomainReplicationToRegion";

    public const string Vcn = "oci:Core/vcn:Vcn";
    public const string Subnet = "oci:Core/subnet:Subnet";
    public const string RouteTable = "oci:Core/routeTable:RouteTable";
    public const string DefaultRouteTable = "oci:Core/defaultRouteTable:DefaultRouteTable";
    public const string SecurityList = "oci:Core/securityList:SecurityList";
    public const string DefaultSecurityList = "oci:Core/defaultSecurityList:DefaultSecurityList";
    public const string NetworkSecurityGroup = "oci:Core/networkSecurityGroup:NetworkSecurityGroup";
    public const string NsgRule = "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule";
    public const string InternetGateway = "oci:Core/internetGateway:InternetGateway";
    public const string NatGateway = "oci:Core/natGateway:NatGateway";
    public const string ServiceGateway = "oci:Core/serviceGateway:ServiceGateway";
    public const string Drg = "oci:Core/drg:Drg";
    public const string DrgAttachment = "oci:Core/drgAttachment:DrgAttachment";
    public const string RemotePeeringConnection = "oci:Core/remotePeeringConnection:RemotePeeringConnection";
    public const string LocalPeeringGateway = "oci:Core/localPeeringGateway:LocalPeeringGateway";
    public const string Ipsec = "oci:Core/ipsec:Ipsec";
    public const string Cpe = "oci:Core/cpe:Cpe";

    public const string AutonomousDatabase = "oci:Database/autonomousDatabase:AutonomousDatabase";
    public const string Vault = "oci:Kms/vault:Vault";
    public const string Key = "oci:Kms/key:Key";

    public const string LogGroup = "oci:Logging/logGroup:LogGroup";
    public const string Log = "oci:Logging/log:Log";
    public const string Connector = "oci:Sch/connector:Connector";
    public const string Bucket = "oci:ObjectStorage/bucket:Bucket";
    public const string ReplicationPolicy = "oci:ObjectStorage/replicationPolicy:ReplicationPolicy";
    public const string Preauthrequest = "oci:ObjectStorage/preauthrequest:Preauthrequest";
    public const string AuditConfiguration = "oci:Audit/configuration:Configuration";

    public const string Bastion = "oci:Bastion/bastion:Bastion";
    public const string CloudGuardConfiguration = "oci:CloudGuard/cloudGuardConfiguration:CloudGuardConfiguration";
    public const string SecurityRecipe = "oci:CloudGuard/securityRecipe:SecurityRecipe";
    public const string SecurityZone = "oci:CloudGuard/securityZone:SecurityZone";
    public const string NotificationTopic = "oci:Ons/notificationTopic:NotificationTopic";
    public const string Subscription = "oci:Ons/subscription:Subscription";
    public const string EventRule = "oci:Events/rule:Rule";
    public const string CloudGuardTarget = "oci:CloudGuard/target:Target";
    public const string DetectorRecipe = "oci:CloudGuard/detectorRecipe:DetectorRecipe";
    public const string ResponderRecipe = "oci:CloudGuard/responderRecipe:ResponderRecipe";
    public const string DataSafeTargetDatabase = "oci:DataSafe/targetDatabase:TargetDatabase";
    public const string DataSafePrivateEndpoint = "oci:DataSafe/dataSafePrivateEndpoint:DataSafePrivateEndpoint";
    public const string VaultVerification = "oci:Kms/vaultVerification:VaultVerification";
    public const string AuthenticationPolicy = "oci:Identity/authenticationPolicy:AuthenticationPolicy";

    /// <summary>Resources that hold or protect the enclave's data: deleting one loses data or evidence.</summary>
    public static readonly IReadOnlySet<string> DataBearing = new HashSet<string>(StringComparer.Ordinal)
    {
        AutonomousDatabase, Bucket, Vault, Key, LogGroup, Log,
    };

    public static bool IsOci(string type) => type.StartsWith("oci:", StringComparison.Ordinal);

    public const string DbSystem = "oci:Database/dbSystem:DbSystem";
    public const string MysqlDbSystem = "oci:Mysql/mysqlDbSystem:MysqlDbSystem";
    public const string NetworkSecurityGroupSecurityRule = "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule";
    public const string RouteTableAttachment = "oci:Core/routeTableAttachment:RouteTableAttachment";
    public const string VirtualCircuit = "oci:Core/virtualCircuit:VirtualCircuit";

    /// <summary>The class name of a token (<c>oci:Core/subnet:Subnet</c> → <c>Subnet</c>), for hop labels.</summary>
    public static string ShortName(string token)
    {
        var colon = token.LastIndexOf(':');
        return colon >= 0 ? token[(colon + 1)..] : token;
    }
}
