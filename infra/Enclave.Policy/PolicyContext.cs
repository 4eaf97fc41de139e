using System.Collections.Immutable;

namespace Enclave.Policy;

/// <summary>
/// What the isolation rules need to know about the enclave beyond its resources: the US region allow-list,
/// the gatekeepers, and the parent company's identities and networks that must never get in. Built from a
/// stack's configuration (the program's settings) so the same rules judge a plan, a preview or deployed state.
/// </summary>
public sealed record PolicyContext
{
    /// <summary>Regions data, replicas and backups may live in (US only).</summary>
    public ImmutableArray<string> AllowedRegions { get; init; } =
        ["us-ashburn-1", "us-phoenix-1", "us-sanjose-1", "us-chicago-1"];

    /// <summary>Region used by resources without an explicit provider region (stack config <c>oci:region</c>).</summary>
    public string? DeploymentRegion { get; init; }

    /// <summary>Tenancy home region (IAM lives there).</summary>
    public string? HomeRegion { get; init; }

    /// <summary>Tenancy OCID: the root compartment.</summary>
    public string? TenancyId { get; init; }

    /// <summary>
    /// The compartment the enclave's top compartment is created in (config <c>parentCompartmentOcid</c>, else the
    /// tenancy): the only place outside its own compartments a compartment of the stack may hang from (ENC-GOV-021).
    /// </summary>
    public string? EnclaveParentCompartment { get; init; }

    /// <summary>The gatekeepers' IAM group: the only principal allowed to manage IAM objects.</summary>
    public string GatekeeperGroup { get; init; } = "";

    /// <summary>Identity domain of the enclave groups (null = Default).</summary>
    public string? IdentityDomain { get; init; }

    /// <summary>
    /// The URL (<c>idcsEndpoint</c>) of <see cref="IdentityDomain"/> the stack declares (config
    /// <c>groups.identityDomainUrl</c>): where every identity-domain persona group must live (ENC-IDN-050). Null when
    /// none is declared: then where they live is undetermined (four groups moved together agree with one another).
    /// </summary>
    public string? IdentityDomainUrl { get; init; }

    public string OperatorGroup { get; init; } = "";
    public string AuditorGroup { get; init; } = "";
    public string StorageAdminGroup { get; init; } = "";

    /// <summary>Public CIDRs of the gatekeepers (Bastion allow-list, network source).</summary>
    public ImmutableArray<string> GatekeeperCidrs { get; init; } = [];

    /// <summary>Public CIDRs of US oversight (config <c>auditorCidrs</c>): the auditors' own network source.</summary>
    public ImmutableArray<string> AuditorCidrs { get; init; } = [];

    /// <summary>
    /// The VCN address space the stack config declares (<c>network.vcnCidr</c>): the only ranges a VCN may hold and,
    /// with <see cref="OnPremCidrs"/>, the only CIDR destinations egress may name (ENC-NET-070, ENC-NET-071). Empty
    /// outside a repository: then no VCN range is declared and every one fails.
    /// </summary>
    public ImmutableArray<string> VcnCidrs { get; init; } = [];

    /// <summary>On-premises ranges that may be connected (checked for reachability too).</summary>
    public ImmutableArray<string> OnPremCidrs { get; init; } = [];

    public ParentExclusions Parent { get; init; } = new();

    /// <summary>
    /// Global service principals the enclave's own statements may grant to (Cloud Guard reads the configuration).
    /// Regional ones are <see cref="AllowedRegionalServices"/> of an allowed region only.
    /// </summary>
    public ImmutableArray<string> AllowedServices { get; init; } = ["cloudguard"];

    /// <summary>Regional service principals (<c>NAME-REGION</c>), allowed for the <see cref="AllowedRegions"/> only.</summary>
    public ImmutableArray<string> AllowedRegionalServices { get; init; } = ["objectstorage"];

    /// <summary>
    /// The resource types the enclave's own dynamic groups match (<c>resource.type</c>): the database's resource
    /// principal. A dynamic group's matching rule must pin one of these as well as an enclave compartment (ENC-IAM-010):
    /// a function, instance or container in the same compartment is code anyone with access there can run.
    /// </summary>
    public ImmutableArray<string> DynamicGroupResourceTypes { get; init; } = ["autonomousdatabase"];

    /// <summary>Exact define/endorse statements that are allowed (e.g. Oracle's usage-report tenancy); none by default.</summary>
    public ImmutableArray<string> AllowedCrossTenancyStatements { get; init; } = [];

    /// <summary>Longest Bastion session the gatekeepers accept.</summary>
    public int MaxBastionSessionSeconds { get; init; } = 10800;

    /// <summary>Longest key rotation interval (CIS 4.16).</summary>
    public int MaxKeyRotationDays { get; init; } = 365;

    /// <summary>Required audit retention.</summary>
    public int AuditRetentionDays { get; init; } = 365;

    /// <summary>
    /// How narrow a network must be not to count as open (config <c>minimumPrefix</c>): the same limits and the same
    /// definition (<see cref="Networks.NearOpen"/>) the config validator applies.
    /// </summary>
    public Networks.PrefixLimits NetworkLimits { get; init; } = Networks.PrefixLimits.Default;

    /// <summary>The gatekeepers' addresses (config <c>notificationEmails</c>): the only endpoints alerts may reach.</summary>
    public ImmutableArray<string> NotificationEmails { get; init; } = [];

    /// <summary>Retention the archive buckets must lock, in days (config <c>logging.archiveRetentionDays</c>).</summary>
    public int ArchiveRetentionDays { get; init; } = 365;

    /// <summary>How long every service log keeps its records, in days (config <c>logging.logRetentionDays</c>); null
    /// when the stack declares none (ENC-LOG-080 then has nothing to hold logs to).</summary>
    public int? LogRetentionDays { get; init; }

    /// <summary>True when the stack says its service gateways reach Object Storage only (<c>network.serviceGateway: object-storage</c>).</summary>
    public bool ServiceGatewayObjectStorageOnly { get; init; }

    /// <summary>
    /// The OCIDs of the security-zone policies the stack declares (config <c>oracleIds.securityZonePolicies</c>): what
    /// the enclave recipe must hold (ENC-GOV-003). Empty when the stack declares none: a recipe of OCIDs is then
    /// undetermined, since an OCID says nothing of which policy it is.
    /// </summary>
    public ImmutableArray<string> SecurityZonePolicyIds { get; init; } = [];

    /// <summary>
    /// Oracle's detector and responder recipes the stack declares (config <c>oracleIds.detectorRecipes</c>,
    /// <c>oracleIds.responderRecipe</c>): the only sources a Cloud Guard recipe clone may start from (ENC-LOG-030).
    /// Empty when the stack declares none: a clone's source is then undetermined (any recipe's OCID looks the same).
    /// </summary>
    public ImmutableArray<string> OracleDetectorRecipeIds { get; init; } = [];

    /// <inheritdoc cref="OracleDetectorRecipeIds"/>
    public ImmutableArray<string> OracleResponderRecipeIds { get; init; } = [];

    /// <summary>
    /// Per region, the Object Storage service the stack declares (config <c>oracleIds.objectStorageServices</c>): the only
    /// service a gateway in that region may attach where the stack says Object Storage only (ENC-NET-011). A region
    /// without one: a service the artifact does not name is undetermined there (all services' OCID looks the same).
    /// </summary>
    public ImmutableSortedDictionary<string, string> ObjectStorageServiceIds { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>
    /// The subnets the stack config declares by role (<c>network.dataSubnetCidr</c>, <c>appSubnetCidr</c>,
    /// <c>adminSubnetCidr</c>): where each placement-bearing resource must sit (ENC-NET-115). Null outside a
    /// repository, where no placement can be confirmed.
    /// </summary>
    public SubnetPlan? Subnets { get; init; }

    /// <summary>Trusted identity providers and break-glass users (config <c>federation</c>, <c>breakGlass</c>).</summary>
    public IdentityPlane Identity { get; init; } = IdentityPlane.None;
}

/// <summary>The foreign parent company's identities and networks. None of them may be named or reach anything.</summary>
public sealed record ParentExclusions
{
    public ImmutableArray<string> TenancyOcids { get; init; } = [];
    public ImmutableArray<string> IdentityDomains { get; init; } = [];
    /// <summary>Group names (optionally <c>Domain/Name</c>) or group OCIDs.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];
    public ImmutableArray<string> IdentityProviders { get; init; } = [];
    public ImmutableArray<string> EmailDomains { get; init; } = [];
    public ImmutableArray<string> Cidrs { get; init; } = [];

    /// <summary>Every identity string (not CIDRs) to search for anywhere in the enclave's inputs.</summary>
    public IEnumerable<string> IdentityStrings =>
        TenancyOcids.Concat(IdentityDomains).Concat(Groups).Concat(IdentityProviders).Concat(EmailDomains);
}
