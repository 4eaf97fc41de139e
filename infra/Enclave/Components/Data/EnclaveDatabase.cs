using Enclave.Configuration;
using Enclave.Components.Keys;
using Enclave.Components.Network;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Database;
using Pulumi.Oci.Database.Inputs;

namespace Enclave.Components.Data;

/// <summary>
/// The Autonomous Database holding US user data (item 5): private endpoint only (data subnet + database NSG, no
/// access list), mTLS, encrypted with the enclave's database key, admin password generated and passed only as a
/// secret, Data Safe registered, gatekeepers as customer contacts, never free tier, protected. Prod adds a local
/// Data Guard standby and a cross-region standby in the configured US region.
/// </summary>
public sealed class EnclaveDatabase : EnclaveComponent
{
    public const string Type = "us-data-enclave:database:AutonomousDatabase";

    public Output<string> DatabaseId { get; }
    public Output<string> PrivateEndpointLabel { get; }
    public Output<string> PrivateEndpoint { get; }
    public Output<string>? StandbyDatabaseId { get; }

    /// <param name="keyGrant">IAM that lets the database use its vault key: it must exist before the database.</param>
    public EnclaveDatabase(string name, EnclaveSettings settings, EnclaveCompartments compartments,
        VaultAndKeys keys, IReadOnlyList<Resource> keyGrant, EnclaveNetwork network, StandbyPlacement? standby,
        ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var db = settings.Database;
        var label = PrivateEndpointLabelFor(db.DbName);
        var password = AdminPassword.Declare(ChildName("admin-password"), ChildOptions());
        var secretOptions = ChildOptions();
        // What the provider echoes back of the content stays a secret in state and every output.
        secretOptions.AdditionalSecretOutputs.Add("secretContent");
        var secret = AdminSecret.Declare(ChildName("admin-secret"), settings, compartments, keys, password, secretOptions);

        var primary = new AutonomousDatabase(ChildName("adb"), new AutonomousDatabaseArgs
        {
            CompartmentId = compartments.Database,
            DbName = db.DbName,
            DisplayName = Naming.Display(settings.NamePrefix, "adb"),
            DbWorkload = db.Workload,
            ComputeModel = "ECPU",
            ComputeCount = db.ComputeCount,
            DataStorageSizeInTbs = db.StorageTbs,
            LicenseModel = db.LicenseModel,
            IsFreeTier = false,
            // Private endpoint only: no access list at all, so there is no public endpoint to open. The empty lists
            // are said explicitly (the provider sends nothing for them) so a preview shows the decision, not a blank.
            SubnetId = network.DataSubnetId,
            WhitelistedIps = NoAccessList(),
            StandbyWhitelistedIps = NoAccessList(),
            NsgIds = { network.DatabaseNsgId },
            PrivateEndpointLabel = label,
            IsMtlsConnectionRequired = true,
            KmsKeyId = keys.DatabaseKeyId,
            VaultId = keys.VaultId,
            // Only the vault secret's OCID: the password itself never is an input of the database.
            SecretId = secret.Id,
            // Load is absorbed by auto-scaling (up to 3x the ECPUs, storage likewise): operators cannot scale by hand,
            // because OCI authorizes scaling with the same permission as every security change.
            IsAutoScalingEnabled = true,
            IsAutoScalingForStorageEnabled = true,
            BackupRetentionPeriodInDays = db.BackupRetentionDays,
            // Data Safe registration goes through a Data Safe private endpoint (DatabaseSafe): the database has no
            // public endpoint for Data Safe to reach, so dataSafeStatus is left to that registration.
            CustomerContacts = Contacts(settings),
            IsLocalDataGuardEnabled = db.LocalDataGuard,
        }, ChildOptions(protect: true, dependsOn: keyGrant));

        DatabaseSafe.Register(this, ChildName, settings, compartments, network, primary, ChildOptions());
        DatabaseId = primary.Id;
        PrivateEndpointLabel = Output.Create(label);
        PrivateEndpoint = primary.PrivateEndpoint;
        if (standby is not null)
            StandbyDatabaseId = DeclareCrossRegionStandby(settings, compartments, keys, primary, standby, label).Id;
        RegisterOutputs();
    }

    // A cross-region Autonomous Data Guard standby: same database, private endpoint in the standby region's network.
    private AutonomousDatabase DeclareCrossRegionStandby(EnclaveSettings settings, EnclaveCompartments compartments,
        VaultAndKeys keys, AutonomousDatabase primary, StandbyPlacement standby, string label)
    {
        var db = settings.Database;
        return new AutonomousDatabase(ChildName("adb-standby"), new AutonomousDatabaseArgs
        {
            CompartmentId = compartments.Database,
            Source = "CROSS_REGION_DATAGUARD",
            SourceId = primary.Id,
            DbName = db.DbName,
            DisplayName = Naming.Display(settings.NamePrefix, "adb-standby"),
            DbWorkload = db.Workload,
            ComputeModel = "ECPU",
            ComputeCount = db.ComputeCount,
            DataStorageSizeInTbs = db.StorageTbs,
            LicenseModel = db.LicenseModel,
            IsFreeTier = false,
            SubnetId = standby.Network.DataSubnetId,
            NsgIds = { standby.Network.DatabaseNsgId },
            WhitelistedIps = NoAccessList(),
            StandbyWhitelistedIps = NoAccessList(),
            PrivateEndpointLabel = label,
            IsMtlsConnectionRequired = true,
            // A physical standby is encrypted with its primary's master key: OCI requires the primary's (virtual
            // private) vault to be replicated to the standby region (VaultAndKeys.Replica, declared as code), where the
            // replica keeps the vault's and keys' OCIDs: the standby names the replica and waits for it. Data Safe is
            // not set: a standby cannot be opened, so it cannot be registered (the primary is).
            KmsKeyId = keys.DatabaseKeyId,
            VaultId = keys.Replica?.VaultId ?? keys.VaultId,
            CustomerContacts = Contacts(settings),
        }, ChildOptions(standby.Provider, protect: true, dependsOn: keys.Replica is { } replica ? [replica] : null));
    }

    private static InputList<string> NoAccessList() => new();

    private static InputList<AutonomousDatabaseCustomerContactArgs> Contacts(EnclaveSettings settings)
    {
        var contacts = new InputList<AutonomousDatabaseCustomerContactArgs>();
        foreach (var email in settings.NotificationEmails)
            contacts.Add(new AutonomousDatabaseCustomerContactArgs { Email = email });
        return contacts;
    }

    /// <summary>Hostname prefix of the private endpoint: lower-case letters and digits of the database name.</summary>
    public static string PrivateEndpointLabelFor(string dbName) => Naming.Alphanumeric(dbName, maxLength: 30);
}

/// <summary>Where the cross-region standby goes: the standby region's provider and network.</summary>
public sealed record StandbyPlacement(ProviderResource Provider, EnclaveNetwork Network);
