using Enclave.Components.Regions;
using Enclave.Configuration;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Kms;
using Pulumi.Oci.Kms.Inputs;

namespace Enclave.Components.Keys;

/// <summary>What a key encrypts. Separate keys let the gatekeepers revoke one data set without touching the others.</summary>
public enum KeyPurpose
{
    /// <summary>The Autonomous Database and its backups (and, through the vault's replica, its cross-region standby).</summary>
    Database,
    /// <summary>Application buckets holding user data.</summary>
    Buckets,
    /// <summary>The region's log archive bucket.</summary>
    Logs,
    /// <summary>Vault secrets (the database ADMIN password): a key of their own, so revoking data keys never locks
    /// the gatekeepers out of the credentials, and the reverse.</summary>
    Secrets,
}

/// <summary>
/// Vault and customer-managed keys of one enclave region (item 3): a vault in the security compartment and one AES-256
/// HSM key per kind of data, each rotated automatically at least yearly (CIS 4.16). The deployment region holds the data,
/// so its vault has the database, buckets, logs and secrets keys; every other region only archives logs, so its vault has a logs
/// key (Object Storage encrypts a bucket only with a key of the bucket's own region). All are protected: deleting a key
/// makes everything encrypted with it unreadable.
/// </summary>
public sealed class VaultAndKeys : EnclaveComponent
{
    public const string Type = "us-data-enclave:security:VaultAndKeys";

    /// <summary>AES key length in bytes (AES-256).</summary>
    public const int AesKeyBytes = 32;

    private readonly Dictionary<KeyPurpose, Output<string>> _keys = [];

    public EnclaveRegion Region { get; }
    public Output<string> VaultId { get; }
    /// <summary>The vault's replica in the database standby region (deployment region of a stack with a standby only).</summary>
    public VaultVerification? Replica { get; }
    public Output<string> DatabaseKeyId => KeyId(KeyPurpose.Database);
    public Output<string> BucketsKeyId => KeyId(KeyPurpose.Buckets);
    public Output<string> LogsKeyId => KeyId(KeyPurpose.Logs);

    public VaultAndKeys(string name, EnclaveSettings settings, EnclaveCompartments compartments, EnclaveRegion region,
        ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        Region = region;
        string Display(string suffix) => Naming.Regional(settings.NamePrefix, region, suffix);

        var vault = new Vault(ChildName("vault"), new VaultArgs
        {
            CompartmentId = compartments.Security,
            DisplayName = Display("vault"),
            VaultType = VaultTypeName(settings.Vault.Type),
        }, ChildOptions(region.Provider, protect: true));
        VaultId = vault.Id;
        // A cross-region physical standby is encrypted with its primary's key, which OCI reaches through a replica of
        // this (virtual private) vault in the standby region; the replica keeps the vault's and keys' OCIDs.
        if (region.IsDeployment && settings.Database.StandbyRegion is { } standbyRegion)
            Replica = new VaultVerification(ChildName("vault-replica"), new VaultVerificationArgs
            {
                VaultId = vault.Id,
                ReplicaRegion = standbyRegion,
            }, ChildOptions(region.Provider, protect: true));

        foreach (var purpose in PurposesIn(region))
        {
            var local = purpose.ToString().ToLowerInvariant();
            _keys[purpose] = new Key(ChildName($"{local}-key"), new KeyArgs
            {
                CompartmentId = compartments.Security,
                DisplayName = Display($"{local}-key"),
                ManagementEndpoint = vault.ManagementEndpoint,
                KeyShape = new KeyKeyShapeArgs { Algorithm = "AES", Length = AesKeyBytes },
                ProtectionMode = "HSM",
                IsAutoRotationEnabled = true,
                AutoKeyRotationDetails = new KeyAutoKeyRotationDetailsArgs
                {
                    RotationIntervalInDays = settings.Vault.KeyRotationDays,
                },
            }, ChildOptions(region.Provider, protect: true)).Id;
        }
        RegisterOutputs();
    }

    /// <summary>The keys a region's vault holds: all of them where the data lives, the logs key elsewhere.</summary>
    public static IReadOnlyList<KeyPurpose> PurposesIn(EnclaveRegion region) =>
        region.IsDeployment ? [KeyPurpose.Database, KeyPurpose.Buckets, KeyPurpose.Logs, KeyPurpose.Secrets] : [KeyPurpose.Logs];

    /// <summary>Id of the key for <paramref name="purpose"/>; only keys this region's vault holds exist.</summary>
    public Output<string> KeyId(KeyPurpose purpose) => _keys.TryGetValue(purpose, out var id)
        ? id
        : throw new InvalidOperationException($"the {Region.Name} vault holds no {purpose} key (only {string.Join(", ", _keys.Keys)})");

    public static string VaultTypeName(VaultType type) => type switch
    {
        VaultType.VirtualPrivate => "VIRTUAL_PRIVATE",
        _ => "DEFAULT",
    };
}
