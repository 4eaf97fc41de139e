namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The CIS Landing Zone statements of reference §2.3, written out with concrete names (service label <c>lz</c>).
/// The placeholder <c>users|groups</c> shorthand of the reference is two statements in the Terraform, and here.
/// </summary>
internal static class LandingZone
{
    public const string TenancyId = "ocid1.tenancy.oc1..enclavetenancy";
    public const string TopId = "ocid1.compartment.oc1..top";
    public const string NetworkId = "ocid1.compartment.oc1..network";
    public const string SecurityId = "ocid1.compartment.oc1..security";
    public const string AppDevId = "ocid1.compartment.oc1..appdev";
    public const string DatabaseId = "ocid1.compartment.oc1..database";
    public const string KeyId = "ocid1.key.oc1.iad.dbkey";
    public const string UsageReportTenancy = "ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq";

    /// <summary>Tenancy-level IAM admin statements (root policy), the CIS 1.3 pattern.</summary>
    public static readonly string[] IamAdminRoot =
    [
        "allow group lz-iam-admin-group to inspect users in tenancy",
        "allow group lz-iam-admin-group to inspect groups in tenancy",
        "allow group lz-iam-admin-group to manage groups in tenancy where all {target.group.name != 'Administrators', target.group.name != 'lz-cred-admin-group'}",
        "allow group lz-iam-admin-group to manage users in tenancy where all {request.operation != 'ListApiKeys', request.operation != 'ListAuthTokens', request.operation != 'ListCustomerSecretKeys', request.operation != 'UploadApiKey', request.operation != 'DeleteApiKey', request.operation != 'UpdateAuthToken', request.operation != 'CreateAuthToken', request.operation != 'DeleteAuthToken', request.operation != 'CreateSecretKey', request.operation != 'UpdateCustomerSecretKey', request.operation != 'DeleteCustomerSecretKey'}",
        "allow group lz-iam-admin-group to manage identity-providers in tenancy where any {request.operation = 'AddIdpGroupMapping', request.operation = 'DeleteIdpGroupMapping'}",
        "allow group lz-iam-admin-group to manage policies in compartment lz-top-cmp",
        "allow group lz-iam-admin-group to manage compartments in compartment lz-top-cmp",
    ];

    /// <summary>Tenancy-level security-admin and auditor statements (root policy).</summary>
    public static readonly string[] SecurityAndAuditRoot =
    [
        "allow group lz-security-admin-group to manage cloud-guard-family in tenancy",
        "allow group lz-security-admin-group to manage cloudevents-rules in tenancy",
        "allow group lz-auditor-group to inspect all-resources in tenancy",
        "allow group lz-auditor-group to read instances in tenancy",
        "allow group lz-auditor-group to read buckets in tenancy",
        "allow group lz-auditor-group to read network-security-groups in tenancy",
        "allow group lz-auditor-group to read audit-events in tenancy",
        "allow group lz-auditor-group to read vaults in tenancy",
        "allow group lz-auditor-group to read keys in tenancy",
        "allow group lz-auditor-group to read serviceconnectors in tenancy",
        "allow group lz-auditor-group to read cloud-guard-targets in tenancy",
        "allow group lz-auditor-group to use cloud-shell in tenancy",
        "allow group lz-auditor-group to use ons-family in tenancy where any {request.operation!=/Create*/, request.operation!=/Update*/, request.operation!=/Delete*/, request.operation!=/Change*/}",
    ];

    /// <summary>Compartment-level persona statements, attached to the enclosing compartment (paths are relative to it).</summary>
    public static readonly string[] Personas =
    [
        "allow group lz-security-admin-group to manage vaults in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage keys in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage secret-family in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage logging-family in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage serviceconnectors in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage streams in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage ons-family in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage vss-family in compartment lz-security-cmp",
        "allow group lz-security-admin-group to manage bastion-family in compartment lz-security-cmp",
        "allow group lz-security-admin-group to read virtual-network-family in compartment lz-network-cmp",
        "allow group lz-security-admin-group to use subnets in compartment lz-network-cmp",
        "allow group lz-security-admin-group to use network-security-groups in compartment lz-network-cmp",
        "allow group lz-security-admin-group to use vnics in compartment lz-network-cmp",
        "allow group lz-network-admin-group to manage virtual-network-family in compartment lz-network-cmp",
        "allow group lz-network-admin-group to manage dns in compartment lz-network-cmp",
        "allow group lz-network-admin-group to manage load-balancers in compartment lz-network-cmp",
        "allow group lz-network-admin-group to manage network-firewall-family in compartment lz-network-cmp",
        "allow group lz-database-admin-group to manage database-family in compartment lz-database-cmp",
        "allow group lz-database-admin-group to manage autonomous-database-family in compartment lz-database-cmp",
        "allow group lz-database-admin-group to manage data-safe-family in compartment lz-database-cmp",
        "allow group lz-database-admin-group to manage keys in compartment lz-database-cmp",
        "allow group lz-database-admin-group to use key-delegate in compartment lz-database-cmp",
        "allow group lz-database-admin-group to use subnets in compartment lz-network-cmp",
        "allow group lz-database-admin-group to manage private-ips in compartment lz-network-cmp",
        "allow group lz-database-admin-group to read virtual-network-family in compartment lz-network-cmp",
        "allow group lz-database-admin-group to use vaults in compartment lz-security-cmp",
        "allow group lz-appdev-admin-group to manage object-family in compartment lz-appdev-cmp where all{request.permission != 'OBJECT_DELETE', request.permission != 'BUCKET_DELETE'}",
        "allow group lz-appdev-admin-group to manage volume-family in compartment lz-appdev-cmp where all{request.permission != 'VOLUME_DELETE', request.permission != 'VOLUME_BACKUP_DELETE', request.permission != 'BOOT_VOLUME_BACKUP_DELETE'}",
        "allow group lz-appdev-admin-group to manage file-family in compartment lz-appdev-cmp where all{request.permission != 'FILE_SYSTEM_DELETE', request.permission != 'MOUNT_TARGET_DELETE', request.permission != 'EXPORT_SET_DELETE', request.permission != 'FILE_SYSTEM_DELETE_SNAPSHOT'}",
        "allow group lz-storage-admin-group to manage object-family in compartment lz-appdev-cmp where any {request.permission = 'OBJECT_DELETE', request.permission = 'BUCKET_DELETE'}",
        "allow group lz-database-admin-group to use key-delegate in compartment lz-security-cmp where target.key.id = '" + KeyId + "'",
    ];

    /// <summary>Service-principal statements (root policy) and the keys-module narrowing.</summary>
    public static readonly string[] Services =
    [
        "Allow service cloudguard to read all-resources in tenancy",
        "Allow service cloudguard to use network-security-groups in tenancy",
        "Allow service vulnerability-scanning-service to manage instances in tenancy",
        "Allow service vulnerability-scanning-service to read compartments in tenancy",
        "Allow service vulnerability-scanning-service to read repos in tenancy",
        "Allow service vulnerability-scanning-service to read vnics in tenancy",
        "Allow service vulnerability-scanning-service to read vnic-attachments in tenancy",
        "Allow service blockstorage, oke, streaming, FssOc1Prod, objectstorage-us-ashburn-1 to use keys in tenancy",
        "allow service objectstorage-us-ashburn-1 to use keys in compartment lz-top-cmp:lz-security-cmp where target.key.id = '" + KeyId + "'",
    ];

    /// <summary>any-user statements that key on the principal type (Service Connector target, OKE).</summary>
    public static readonly string[] AnyUserScoped =
    [
        "allow any-user to manage objects in compartment id " + AppDevId + " where all {request.principal.type='serviceconnector', target.bucket.name='lz-audit-bucket', request.principal.compartment.id='" + SecurityId + "'}",
        "allow any-user to use subnets in compartment lz-top-cmp:lz-network-cmp where all {request.principal.type='cluster', request.principal.compartment.id='" + AppDevId + "'}",
    ];

    /// <summary>The one legitimate define/endorse pair the Landing Zone emits (Oracle's usage-report tenancy).</summary>
    public static readonly string[] CostCrossTenancy =
    [
        "define tenancy usage-report as " + UsageReportTenancy,
        "endorse group lz-cost-admin-group to read objects in tenancy usage-report",
    ];

    /// <summary>The statement OCI creates when deny policies are enabled (§3.1).</summary>
    public const string DenyEnablement =
        "deny any-user to manage policies in tenancy where all {target.policy.type='deny', request.principal.id!='ocid1.user.oc1..enabler'}";

    /// <summary>Every statement above.</summary>
    public static IEnumerable<string> All =>
        IamAdminRoot.Concat(SecurityAndAuditRoot).Concat(Personas).Concat(Services).Concat(AnyUserScoped)
            .Concat(CostCrossTenancy).Append(DenyEnablement);
}
