using System.Collections.Immutable;

namespace Enclave.Configuration;

// The enclave's configuration: one typed model read from the stack's config (stacks/Pulumi.<stack>.yaml)
// and validated as a whole before any resource is declared. Config keys are in the project namespace
// `us-data-enclave:` unless noted; the key of each property is given in its comment.

/// <summary>Everything the program needs to know about one stack.</summary>
public sealed record EnclaveSettings
{
    /// <summary>Stack name (dev, staging, prod).</summary>
    public required string Stack { get; init; }
    /// <summary><c>oci:region</c>: where the enclave's regional resources are deployed.</summary>
    public required string DeploymentRegion { get; init; }
    /// <summary><c>homeRegion</c>: the tenancy's home region (IAM, tags, Cloud Guard reporting).</summary>
    public required string HomeRegion { get; init; }
    /// <summary><c>oci:tenancyOcid</c>: the root compartment.</summary>
    public required string TenancyOcid { get; init; }
    /// <summary><c>parentCompartmentOcid</c> (optional): compartment holding the enclave's top compartment; defaults to the tenancy.</summary>
    public string? ParentCompartmentOcid { get; init; }
    /// <summary><c>namePrefix</c>: prefix of names and display names, e.g. <c>usde-prod</c>.</summary>
    public required string NamePrefix { get; init; }
    /// <summary><c>allowedRegions</c>: US regions only.</summary>
    public required ImmutableArray<string> AllowedRegions { get; init; }
    /// <summary><c>gatekeeperCidrs</c>: public CIDRs of the US data-security team.</summary>
    public required ImmutableArray<string> GatekeeperCidrs { get; init; }
    /// <summary><c>auditorCidrs</c>: public CIDRs of US oversight (the auditors' own network source; they may sit outside the gatekeepers' networks).</summary>
    public required ImmutableArray<string> AuditorCidrs { get; init; }
    /// <summary><c>notificationEmails</c>: gatekeeper addresses for change notifications.</summary>
    public required ImmutableArray<string> NotificationEmails { get; init; }
    /// <summary><c>network</c>.</summary>
    public required NetworkSettings Network { get; init; }
    /// <summary><c>groups</c>.</summary>
    public required GroupSettings Groups { get; init; }
    /// <summary><c>parentExclusions</c>.</summary>
    public required ParentExclusionSettings ParentExclusions { get; init; }
    /// <summary><c>database</c>.</summary>
    public required DatabaseSettings Database { get; init; }
    /// <summary><c>logging</c>.</summary>
    public required LoggingSettings Logging { get; init; }
    /// <summary><c>vault</c>.</summary>
    public required VaultSettings Vault { get; init; }
    /// <summary><c>minimumPrefix</c> (optional): how narrow every network the enclave admits must be (default /16, /48).</summary>
    public Networks.PrefixLimits MinimumPrefix { get; init; } = Networks.PrefixLimits.Default;
    /// <summary><c>federation</c> (optional): trusted identity providers; none when absent.</summary>
    public FederationSettings Federation { get; init; } = FederationSettings.None;
    /// <summary><c>breakGlass</c> (optional): the only local users, memberships and credentials; none when absent.</summary>
    public BreakGlassSettings BreakGlass { get; init; } = BreakGlassSettings.None;
    /// <summary><c>oracleIds</c> (optional): the OCIDs of the Oracle-managed objects the program names; none when absent.</summary>
    public OracleIdSettings OracleIds { get; init; } = OracleIdSettings.None;
}

/// <summary>
/// <c>oracleIds</c>: OCIDs of Oracle-managed objects the program would otherwise look up by name at deploy time. A
/// lookup's answer is invisible to the gate, which sees only an OCID in a preview or state; declared here, the program
/// uses them and the gate judges the resources against them (a policy swapped for a weaker one is then visible).
/// </summary>
public sealed record OracleIdSettings
{
    public static readonly OracleIdSettings None = new();

    /// <summary><c>securityZonePolicies</c>: per required policy (its friendly name with <c>deny </c>), its OCID; empty when absent.</summary>
    public ImmutableSortedDictionary<string, string> SecurityZonePolicies { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary><c>detectorRecipes</c>: Oracle's detector recipe the enclave clones, per detector (configuration, activity); empty when absent.</summary>
    public ImmutableSortedDictionary<string, string> DetectorRecipes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary><c>responderRecipe</c>: Oracle's responder recipe the enclave clones; null when absent.</summary>
    public string? ResponderRecipe { get; init; }

    /// <summary>
    /// <c>objectStorageServices</c>: per region, its Object Storage service on the Oracle Services Network (a service is
    /// regional), the one service a gateway there attaches where <c>network.serviceGateway</c> is <c>object-storage</c>;
    /// empty when absent.
    /// </summary>
    public ImmutableSortedDictionary<string, string> ObjectStorageServices { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}

public enum ServiceGatewayScope
{
    /// <summary>"All &lt;KEY&gt; Services In Oracle Services Network".</summary>
    AllServices,
    /// <summary>"OCI &lt;KEY&gt; Object Storage" only (narrowest egress).</summary>
    ObjectStorage,
}

/// <summary><c>network</c>: the private VCN and its three private subnets.</summary>
public sealed record NetworkSettings
{
    public required string VcnCidr { get; init; }
    public required string DataSubnetCidr { get; init; }
    public required string AppSubnetCidr { get; init; }
    public required string AdminSubnetCidr { get; init; }
    /// <summary><c>network.serviceGateway</c>: <c>all-services</c> or <c>object-storage</c>.</summary>
    public required ServiceGatewayScope ServiceGateway { get; init; }
    /// <summary><c>network.onPremCidrs</c>: gatekeeper on-premises ranges (may be empty).</summary>
    public ImmutableArray<string> OnPremCidrs { get; init; } = [];
}

/// <summary><c>groups</c>: the enclave's personas.</summary>
public sealed record GroupSettings
{
    public required string Gatekeeper { get; init; }
    public required string Operator { get; init; }
    public required string Auditor { get; init; }
    public required string StorageAdmin { get; init; }
    /// <summary><c>groups.identityDomain</c> (optional): identity domain of the groups; Default when absent.</summary>
    public string? IdentityDomain { get; init; }
    /// <summary>
    /// <c>groups.identityDomainUrl</c> (optional, only with <c>identityDomain</c>): that domain's URL (its
    /// <c>idcsEndpoint</c>). The program creates the persona groups there (and stops when the named domain has another
    /// URL); the gate judges every persona group against it (ENC-IDN-050), since a name says nothing of which domain
    /// a group's endpoint is. Null when absent: then a domain group's place is undetermined.
    /// </summary>
    public string? IdentityDomainUrl { get; init; }
}

/// <summary><c>parentExclusions</c>: identities and networks of the foreign parent company.</summary>
public sealed record ParentExclusionSettings
{
    public ImmutableArray<string> TenancyOcids { get; init; } = [];
    public ImmutableArray<string> IdentityDomains { get; init; } = [];
    /// <summary>Group names (optionally <c>Domain/Name</c>) or group OCIDs.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];
    public ImmutableArray<string> IdentityProviders { get; init; } = [];
    public ImmutableArray<string> EmailDomains { get; init; } = [];
    public ImmutableArray<string> Cidrs { get; init; } = [];
}

/// <summary><c>database</c>: the Autonomous Database.</summary>
public sealed record DatabaseSettings
{
    /// <summary>Database name: letters and digits, starting with a letter, at most 30 characters.</summary>
    public required string DbName { get; init; }
    /// <summary>OLTP, DW, AJD, APEX or LH.</summary>
    public required string Workload { get; init; }
    /// <summary>ECPU count (ECPU compute model).</summary>
    public required double ComputeCount { get; init; }
    public required int StorageTbs { get; init; }
    /// <summary>Automatic backup retention, 1..60 days.</summary>
    public required int BackupRetentionDays { get; init; }
    /// <summary>Local Autonomous Data Guard standby.</summary>
    public bool LocalDataGuard { get; init; }
    /// <summary>Cross-region standby region (must be allowed and differ from the deployment region), or none.</summary>
    public string? StandbyRegion { get; init; }
    /// <summary>LICENSE_INCLUDED or BRING_YOUR_OWN_LICENSE.</summary>
    public string LicenseModel { get; init; } = "LICENSE_INCLUDED";
}

/// <summary><c>logging</c>.</summary>
public sealed record LoggingSettings
{
    /// <summary>Retention of service logs in Logging: 90..180 in 30-day steps (OCI allows 30..180; LAM-19 asks for 90+).</summary>
    public required int LogRetentionDays { get; init; }
    /// <summary>Retention lock of the archive bucket, in days (at least 365).</summary>
    public required int ArchiveRetentionDays { get; init; }
}

public enum VaultType { Default, VirtualPrivate }

/// <summary><c>vault</c>.</summary>
public sealed record VaultSettings
{
    /// <summary><c>vault.type</c>: DEFAULT or VIRTUAL_PRIVATE.</summary>
    public required VaultType Type { get; init; }
    /// <summary>Auto-rotation interval of every key, 60..365 days.</summary>
    public required int KeyRotationDays { get; init; }
}
