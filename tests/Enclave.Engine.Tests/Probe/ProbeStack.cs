using Pulumi;
using Pulumi.Oci.CloudGuard;
using Pulumi.Oci.Database;
using Pulumi.Oci.ObjectStorage;
using Pulumi.Random;

namespace Enclave.Engine.Probe;

/// <summary>
/// Declares a little of everything, so the harness can check each wire feature on a known program:
/// an explicit provider inherited through a component, a component with outputs, a secret flowing from a
/// RandomPassword into a database, resource options of every kind, one invoke with known arguments and one whose
/// arguments are unknown in preview, and a log message about a resource.
/// </summary>
public sealed class ProbeStack : Stack
{
    public ProbeStack()
    {
        var config = new Config("probe");
        if (config.Get("failWith") is { } failure)
        {
            // A program error the user must act on: reported as one ERROR and exit 32.
            throw new RunException(failure);
        }
        var tenancy = config.Require("tenancyOcid");
        var token = config.RequireSecret("token");

        var home = new Pulumi.Oci.Provider("home", new Pulumi.Oci.ProviderArgs { Region = "us-ashburn-1", TenancyOcid = tenancy });
        // Protected: its children set nothing and are sent protect true, copied from it (as the official SDK does).
        var network = new ProbeNetwork("network", tenancy, new ComponentResourceOptions { Providers = { home }, Protect = true });

        var password = new RandomPassword("admin-password", new RandomPasswordArgs { Length = 20, Special = false },
            new CustomResourceOptions { DependsOn = { network } });

        var database = new AutonomousDatabase("database", new AutonomousDatabaseArgs
        {
            CompartmentId = network.CompartmentId,
            DbName = "probe",
            DbWorkload = "OLTP",
            ComputeCount = 2,
            DataStorageSizeInTbs = 1,
            AdminPassword = password.Result,
            NsgIds = { network.DefaultSecurityListId },
        }, new CustomResourceOptions
        {
            Protect = true,
            RetainOnDelete = true,
            DeleteBeforeReplace = true,
            IgnoreChanges = { "definedTags" },
            CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(30), Delete = TimeSpan.FromSeconds(90) },
            Aliases = { new Alias { Name = "db" } },
        });

        Log.Info("probe: database declared", database);

        var objectStorage = GetNamespace.Invoke(new GetNamespaceInvokeArgs { CompartmentId = tenancy });
        var policies = GetSecurityPolicies.Invoke(new GetSecurityPoliciesInvokeArgs { CompartmentId = network.CompartmentId },
            new InvokeOptions { Provider = home });

        Namespace = objectStorage.Apply(n => n.Namespace);
        PolicyCount = policies.Apply(p => p.SecurityPolicyCollections.Length);
        DatabaseId = database.Id;
        // Values derived from secrets must stay secret on their way back to the engine.
        PasswordLength = password.Result.Apply(p => p.Length);
        TokenLength = token.Apply(t => t.Length);
        Deployment = Output.Create($"{Pulumi.Deployment.Instance.OrganizationName}/{Pulumi.Deployment.Instance.ProjectName}/{Pulumi.Deployment.Instance.StackName}");
        DryRun = Output.Create(Pulumi.Deployment.Instance.IsDryRun);
    }

    [Output("namespace")] public Output<string> Namespace { get; private set; }
    [Output("policyCount")] public Output<int> PolicyCount { get; private set; }
    [Output("databaseId")] public Output<string> DatabaseId { get; private set; }
    [Output("passwordLength")] public Output<int> PasswordLength { get; private set; }
    [Output("tokenLength")] public Output<int> TokenLength { get; private set; }
    [Output("deployment")] public Output<string> Deployment { get; private set; }
    [Output("dryRun")] public Output<bool> DryRun { get; private set; }
}
