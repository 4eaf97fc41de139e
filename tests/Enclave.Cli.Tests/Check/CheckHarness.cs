using System.Runtime.CompilerServices;
using Enclave.Cli;
using Enclave.Cli.Common;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// Runs `enclave` in-process against a temporary repository (Pulumi.yaml + stacks/Pulumi.dev.yaml) with a fake stack
/// source: its policy context matches the fixtures (written from the policy tests' compliant enclave), and an offline
/// run of a stack returns the graph of Fixtures/compliant-export.json.
/// </summary>
public sealed class CheckHarness : IDisposable
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    public CheckHarness(params string[] stacks)
    {
        Repo = Directory.CreateTempSubdirectory("enclave-cli-").FullName;
        File.WriteAllText(Path.Combine(Repo, "Pulumi.yaml"), "name: us-data-enclave\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(Repo, "stacks"));
        foreach (var s in stacks.Length == 0 ? ["dev"] : stacks)
            File.WriteAllText(Path.Combine(Repo, "stacks", $"Pulumi.{s}.yaml"), "config: {}\n");
        Source = new FakeStacks(stacks.Length == 0 ? ["dev"] : stacks);
    }

    public string Repo { get; }
    public FakeStacks Source { get; }

    public static string Fixture(string name, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Repo, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    public async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] full = args.Length > 0 && args[0] is "check" or "access" ? [.. args, "--repo", Repo] : args;
        var code = await CliApp.RunAsync(full, new CliServices(Source, () => Today), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// <see cref="Run"/> with environment variable <paramref name="variable"/> set to <paramref name="value"/> (null:
    /// unset), then unset again. The environment is process-wide: callers run in the serial collection.
    /// </summary>
    public async Task<(int Code, string Out, string Err)> RunWith(string variable, string? value, params string[] args)
    {
        Environment.SetEnvironmentVariable(variable, value);
        try { return await Run(args); }
        finally { Environment.SetEnvironmentVariable(variable, null); }
    }

    public void Dispose() => Directory.Delete(Repo, recursive: true);

    /// <summary>The review tests' enclave (stack, VCN, database) with one root policy of <paramref name="statements"/>.</summary>
    public static ResourceGraph WithPolicy(IEnumerable<string> statements)
    {
        var g = Review.EnclaveGraph.Base();
        var policy = ResourceNode.Create(
            $"urn:pulumi:{Review.EnclaveGraph.Stack}::{Review.EnclaveGraph.Project}::pulumi:pulumi:Stack$oci:Identity/policy:Policy::policy",
            "oci:Identity/policy:Policy", "policy",
            inputs: PropertyValue.Map(
                ("compartmentId", PropertyValue.Of(Policy.TenancyId)),
                ("name", PropertyValue.Of("policy")),
                ("statements", PropertyValue.List([.. statements.Select(PropertyValue.Of)]))),
            parent: Review.EnclaveGraph.StackUrn, region: "us-ashburn-1");
        return new ResourceGraph(Review.EnclaveGraph.Stack, Review.EnclaveGraph.Project, GraphOrigin.Program,
            [g["us-data-enclave-prod"], g["vcn"], g["adb"], policy], source: "policy");
    }

    public static readonly PolicyContext Policy = new()
    {
        TenancyId = "ocid1.tenancy.oc1..enclavetenancy",
        DeploymentRegion = "us-ashburn-1",
        HomeRegion = "us-ashburn-1",
        GatekeeperGroup = "enclave-gatekeepers",
        OperatorGroup = "enclave-operators",
        // The fixtures declare three persona groups and no auditors' group: a configured persona must have its group (ENC-IDN-112).
        AuditorGroup = "",
        StorageAdminGroup = "enclave-storage-admins",
        GatekeeperCidrs = ["198.51.100.0/24"],
        AuditorCidrs = ["203.0.113.0/28"],
        OnPremCidrs = ["192.0.2.0/24"],
        VcnCidrs = ["10.0.0.0/16"],
        // The fixture's one subnet serves every role (ENC-NET-115).
        Subnets = new SubnetPlan("10.0.1.0/24", "10.0.1.0/24", "10.0.1.0/24"),
        NotificationEmails = ["gatekeepers@enclave.example"],
        // The fixture's zone recipe holds these, as the stack declares them (oracleIds.securityZonePolicies).
        SecurityZonePolicyIds = [.. Enumerable.Range(1, Enclave.Policy.Rules.Governance.SecurityZoneRecipe.RequiredPolicies.Length)
            .Select(i => $"ocid1.securityzonessecuritypolicy.oc1.iad.p{i}")],
        // Oracle's Cloud Guard recipes the clones start from, as the stack declares them (oracleIds).
        OracleDetectorRecipeIds = ["ocid1.cloudguarddetectorrecipe.oc1..oracleconfiguration", "ocid1.cloudguarddetectorrecipe.oc1..oracleactivity"],
        OracleResponderRecipeIds = ["ocid1.cloudguardresponderrecipe.oc1..oracleresponder"],
        Parent = new ParentExclusions
        {
            TenancyOcids = ["ocid1.tenancy.oc1..parenttenancy"],
            IdentityDomains = ["ParentCorpDomain"],
            Groups = ["parent-admins"],
            EmailDomains = ["parentcorp.example"],
            Cidrs = ["203.0.113.0/24"],
        },
    };

    public sealed class FakeStacks(string[] stacks) : IStackSource
    {
        public Func<string, ResourceGraph>? Offline { get; set; }
        public List<string> OfflineRuns { get; } = [];

        public IReadOnlyList<string> ListStacks(string repoRoot) => stacks.Order().ToList();

        public PolicyContext LoadPolicy(string repoRoot, string stack) => Policy;

        public Task<(ResourceGraph Graph, PolicyContext Policy)> RunOfflineAsync(string repoRoot, string stack, CancellationToken cancel)
        {
            OfflineRuns.Add(stack);
            var graph = Offline?.Invoke(stack) ?? ArtifactLoader.Load(Fixture("compliant-export.json"));
            return Task.FromResult((graph, Policy));
        }
    }
}
