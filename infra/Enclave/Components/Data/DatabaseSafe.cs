using Enclave.Components.Network;
using Enclave.Components.Tenancy;
using Enclave.Configuration;
using Pulumi;
using Pulumi.Oci.Database;
using Pulumi.Oci.DataSafe;
using Pulumi.Oci.DataSafe.Inputs;

namespace Enclave.Components.Data;

/// <summary>
/// Data Safe registration of the private-endpoint database (OBP-ADB-2, and the database's audit trail): Data Safe can
/// only reach a database without a public endpoint through a Data Safe private endpoint in the database's VCN. It sits
/// in the admin subnet, the one the database NSG admits on the listener port besides the application tier. Data Safe
/// then collects the database's unified audit trail (who read which data), kept by Data Safe beside the OCI archive.
/// </summary>
public static class DatabaseSafe
{
    public static TargetDatabase Register(Resource parent, Func<string, string> childName, EnclaveSettings settings,
        EnclaveCompartments compartments, EnclaveNetwork network, AutonomousDatabase database, CustomResourceOptions options)
    {
        var endpoint = new DataSafePrivateEndpoint(childName("data-safe-endpoint"), new DataSafePrivateEndpointArgs
        {
            CompartmentId = compartments.Database,
            DisplayName = Naming.Display(settings.NamePrefix, "data-safe-pe"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = "Data Safe's private way into the enclave VCN (the database has no public endpoint).",
            VcnId = network.VcnId,
            SubnetId = network.AdminSubnetId,
        }, options);

        return new TargetDatabase(childName("data-safe-target"), new TargetDatabaseArgs
        {
            CompartmentId = compartments.Database,
            DisplayName = Naming.Display(settings.NamePrefix, "adb-data-safe"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = "The enclave's Autonomous Database in Data Safe: assessments and its audit trail.",
            DatabaseDetails = new TargetDatabaseDatabaseDetailsArgs
            {
                DatabaseType = "AUTONOMOUS_DATABASE",
                InfrastructureType = "ORACLE_CLOUD",
                AutonomousDatabaseId = database.Id,
            },
            ConnectionOption = new TargetDatabaseConnectionOptionArgs
            {
                ConnectionType = "PRIVATE_ENDPOINT",
                DatasafePrivateEndpointId = endpoint.Id,
            },
        }, new CustomResourceOptions { Parent = parent, Provider = options.Provider, DependsOn = { endpoint } });
    }
}
