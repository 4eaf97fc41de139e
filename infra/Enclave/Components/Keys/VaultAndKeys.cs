using Enclave.Configuration;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Kms;
using Pulumi.Oci.Kms.Inputs;

namespace Enclave.Components.Keys;

/// <summary>
/// Vault and customer-managed keys (item 3): one vault in the security compartment and one AES-256 HSM key per kind
/// of data (database, application buckets, logs/archive), each rotated automatically at least yearly (CIS 4.16).
/// Separate keys let the gatekeepers revoke one data set without touching the others. All are protected: deleting
/// a key makes everything encrypted with it unreadable.
/// </summary>
public sealed class VaultAndKeys : EnclaveComponent
{
    public const string Type = "us-data-enclave:security:VaultAndKeys";

    /// <summary>AES key length in bytes (AES-256).</summary>
    public const int AesKeyBytes = 32;

    public Output<string> VaultId { get; }
    public Output<string> DatabaseKeyId { get; }
    public Output<string> BucketsKeyId { get; }
    public Output<string> LogsKeyId { get; }

    public VaultAndKeys(string name, EnclaveSettings settings, EnclaveCompartments compartments,
        ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var vault = new Vault(ChildName("vault"), new VaultArgs
        {
            CompartmentId = compartments.Security,
            DisplayName = Naming.Display(settings.NamePrefix, "vault"),
            VaultType = VaultTypeName(settings.Vault.Type),
        }, ChildOptions(protect: true));
        VaultId = vault.Id;

        DatabaseKeyId = NewKey("database").Id; // the Autonomous Database (and its backups)
        BucketsKeyId = NewKey("buckets").Id;   // application buckets holding user data
        LogsKeyId = NewKey("logs").Id;         // the log archive bucket
        RegisterOutputs();

        Key NewKey(string purpose) => new(ChildName($"{purpose}-key"), new KeyArgs
        {
            CompartmentId = compartments.Security,
            DisplayName = Naming.Display(settings.NamePrefix, $"{purpose}-key"),
            ManagementEndpoint = vault.ManagementEndpoint,
            KeyShape = new KeyKeyShapeArgs { Algorithm = "AES", Length = AesKeyBytes },
            ProtectionMode = "HSM",
            IsAutoRotationEnabled = true,
            AutoKeyRotationDetails = new KeyAutoKeyRotationDetailsArgs
            {
                RotationIntervalInDays = settings.Vault.KeyRotationDays,
            },
        }, ChildOptions(protect: true));
    }

    public static string VaultTypeName(VaultType type) => type switch
    {
        VaultType.VirtualPrivate => "VIRTUAL_PRIVATE",
        _ => "DEFAULT",
    };
}
