namespace Enclave.Tests.Support;

/// <summary>Type tokens of the OCI and Random resources the rules look at.</summary>
public static class Oci
{
    public const string Compartment = "oci:Identity/compartment:Compartment";
    public const string Group = "oci:Identity/group:Group";
    public const string DynamicGroup = "oci:Identity/dynamicGroup:DynamicGroup";
    public const string Policy = "oci:Identity/policy:Policy";
    public const string NetworkSource = "oci:Identity/networkSource:NetworkSource";
    public const string TagNamespace = "oci:Identity/tagNamespace:TagNamespace";
    public const string Tag = "oci:Identity/tag:Tag";
    public const string TagDefault = "oci:Identity/tagDefault:TagDefault";
    public const string AuditConfiguration = "oci:Audit/configuration:Configuration";
    public const string CloudGuardConfiguration = "oci:CloudGuard/cloudGuardConfiguration:CloudGuardConfiguration";
    public const string SecurityRecipe = "oci:CloudGuard/securityRecipe:SecurityRecipe";
    public const string SecurityZone = "oci:CloudGuard/securityZone:SecurityZone";
    public const string Vault = "oci:Kms/vault:Vault";
    public const string Key = "oci:Kms/key:Key";
    public const string Vcn = "oci:Core/vcn:Vcn";
    public const string Subnet = "oci:Core/subnet:Subnet";
    public const string RouteTable = "oci:Core/routeTable:RouteTable";
    public const string ServiceGateway = "oci:Core/serviceGateway:ServiceGateway";
    public const string InternetGateway = "oci:Core/internetGateway:InternetGateway";
    public const string NatGateway = "oci:Core/natGateway:NatGateway";
    public const string SecurityList = "oci:Core/securityList:SecurityList";
    public const string DefaultSecurityList = "oci:Core/defaultSecurityList:DefaultSecurityList";
    public const string Nsg = "oci:Core/networkSecurityGroup:NetworkSecurityGroup";
    public const string NsgRule = "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule";
    public const string Bastion = "oci:Bastion/bastion:Bastion";
    public const string AutonomousDatabase = "oci:Database/autonomousDatabase:AutonomousDatabase";
    public const string LogGroup = "oci:Logging/logGroup:LogGroup";
    public const string Log = "oci:Logging/log:Log";
    public const string Bucket = "oci:ObjectStorage/bucket:Bucket";
    public const string Connector = "oci:Sch/connector:Connector";
    public const string Topic = "oci:Ons/notificationTopic:NotificationTopic";
    public const string Subscription = "oci:Ons/subscription:Subscription";
    public const string EventRule = "oci:Events/rule:Rule";
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";
    public const string Secret = "oci:Vault/secret:Secret";
    public const string VaultReplica = "oci:Kms/vaultVerification:VaultVerification";
    public const string DataSafeEndpoint = "oci:DataSafe/dataSafePrivateEndpoint:DataSafePrivateEndpoint";
    public const string DataSafeTarget = "oci:DataSafe/targetDatabase:TargetDatabase";
    public const string CloudGuardTarget = "oci:CloudGuard/target:Target";
    public const string DetectorRecipe = "oci:CloudGuard/detectorRecipe:DetectorRecipe";
    public const string ResponderRecipe = "oci:CloudGuard/responderRecipe:ResponderRecipe";
    public const string AuthenticationPolicy = "oci:Identity/authenticationPolicy:AuthenticationPolicy";
    public const string DomainsGroup = "oci:Identity/domainsGroup:DomainsGroup";
}
