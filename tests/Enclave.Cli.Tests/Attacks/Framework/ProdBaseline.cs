using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Review;
using Enclave.Offline;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>
/// The shipped prod stack as deployed: the program run offline with up semantics (every id and output known, as
/// after `pulumi up`), written the way `pulumi stack export` writes resources, default providers included. Made once
/// per test run from the program and the real stack config, so it never goes stale.
/// </summary>
public sealed class ProdBaseline
{
    public const string Stack = "prod";
    public const string OciVersion = "4.20.0";
    public const string RandomVersion = "4.21.1";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ProdBaseline? _made;

    private ProdBaseline(string project, string region, List<JsonObject> resources)
    {
        Project = project;
        DeploymentRegion = region;
        Resources = resources;
    }

    public static string RepoRoot { get; } = RepoFile.Path("");

    public string Project { get; }
    /// <summary>The stack's <c>oci:region</c> (what the default provider deploys to).</summary>
    public string DeploymentRegion { get; }
    /// <summary>The resources in export form (ResourceV3 objects), in the program's order; never edited (see <see cref="Prod"/>).</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static async Task<ProdBaseline> GetAsync()
    {
        await Gate.WaitAsync();
        try { return _made ??= await MakeAsync(); }
        finally { Gate.Release(); }
    }

    private static async Task<ProdBaseline> MakeAsync()
    {
        var run = await OfflinePlanner.RunAsync(RepoRoot, Stack, preview: false, CancellationToken.None);
        var project = run.Graph.Project;
        var region = run.Settings.DeploymentRegion;
        var ociDefault = ProviderUrn(project, "oci", $"default_{OciVersion.Replace('.', '_')}");
        var randomDefault = ProviderUrn(project, "random", $"default_{RandomVersion.Replace('.', '_')}");
        var resources = new List<JsonObject>();
        var stackNode = run.Graph.Resources.Single(r => r.Type == "pulumi:pulumi:Stack");
        resources.Add(StateJson.Resource(stackNode, provider: null));
        resources.Add(StateJson.Provider(ociDefault, "pulumi:providers:oci", new JsonObject { ["region"] = region, ["version"] = OciVersion }));
        resources.Add(StateJson.Provider(randomDefault, "pulumi:providers:random", new JsonObject { ["version"] = RandomVersion }));
        foreach (var node in run.Graph.Resources)
        {
            if (ReferenceEquals(node, stackNode)) continue;
            var provider = node.Provider
                ?? (!node.Custom || node.Type.StartsWith(RegionResolver.ProviderTypePrefix, StringComparison.Ordinal) ? null
                    : node.Type.StartsWith("random:", StringComparison.Ordinal) ? $"{randomDefault}::{StateJson.ProviderId(randomDefault)}"
                    : $"{ociDefault}::{StateJson.ProviderId(ociDefault)}");
            resources.Add(StateJson.Resource(node, provider));
        }
        return new ProdBaseline(project, region, resources);
    }

    private static string ProviderUrn(string project, string package, string name) =>
        $"urn:pulumi:{Stack}::{project}::pulumi:providers:{package}::{name}";
}
