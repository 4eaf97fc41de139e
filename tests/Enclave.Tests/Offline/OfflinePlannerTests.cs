using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Offline;
using Enclave.Offline.Fakes;
using Enclave.Offline.Stacks;
using Enclave.Policy.Graph;
using Enclave.Tests.Configuration;

namespace Enclave.Tests.Offline;

[Collection(OfflineCollection.Name)]
public class OfflinePlannerTests
{
    private const string Password = "random:index/randomPassword:RandomPassword";
    private const string Database = "oci:Database/autonomousDatabase:AutonomousDatabase";

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_resource_has_an_engine_form_urn_under_its_component(string stack)
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, stack)).Graph;

        var root = Assert.Single(graph.Resources, n => n.Type == "pulumi:pulumi:Stack");
        Assert.Equal($"urn:pulumi:{stack}::us-data-enclave::pulumi:pulumi:Stack::us-data-enclave-{stack}", root.Urn);
        foreach (var node in graph.Resources.Where(n => n != root))
        {
            Assert.StartsWith($"urn:pulumi:{stack}::us-data-enclave::", node.Urn, StringComparison.Ordinal);
            Assert.DoesNotContain("pulumi:pulumi:Stack$", node.Urn, StringComparison.Ordinal);
            Assert.EndsWith("::" + node.Name, node.Urn, StringComparison.Ordinal);
            var parent = graph.ByUrn(node.Parent!);
            Assert.NotNull(parent);
            // The qualified type is the parent's qualified type (none for the stack) then this type.
            var expectedType = parent == root ? node.Type : QualifiedType(parent!.Urn) + "$" + node.Type;
            Assert.Equal(expectedType, QualifiedType(node.Urn));
        }
        // Components own the resources: e.g. the VCN sits under a component, not directly under the stack.
        Assert.All(graph.OfType("oci:Core/vcn:Vcn"), vcn =>
        {
            Assert.NotEqual(root.Urn, vcn.Parent);
            Assert.False(graph.ByUrn(vcn.Parent!)!.Custom);
        });
    }

    [Fact]
    public async Task Data_bearing_resources_are_protected_and_others_are_not()
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, "prod")).Graph;

        Assert.All(graph.OfType(Database), n => Assert.True(n.Protect, n.Urn));
        Assert.All(graph.OfType("oci:Kms/vault:Vault"), n => Assert.True(n.Protect, n.Urn));
        Assert.All(graph.OfType("oci:Kms/key:Key"), n => Assert.True(n.Protect, n.Urn));
        Assert.Contains(graph.OfType("oci:Core/routeTable:RouteTable"), n => !n.Protect);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_admin_password_is_secret_and_its_value_appears_nowhere(string stack)
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, stack)).Graph;

        // The database names only the vault secret; the secret's content is a secret input.
        var database = graph.OfType(Database).First();
        Assert.True(database.Inputs["adminPassword"].IsNull);
        var secret = Assert.Single(graph.OfType("oci:Vault/secret:Secret"));
        Assert.True(secret.Inputs["secretContent"].ContainsSecret);
        var password = Assert.Single(graph.OfType(Password));
        Assert.True(password.Outputs["result"].IsSecret);

        // The value the fake cloud generated for that RandomPassword (deterministic per name and inputs), plain or encoded.
        var plain = FakeSecrets.Generate(Password, password.Name, PlainInputs(password.Inputs));
        var dump = GraphDump.Of(graph);
        Assert.DoesNotContain(plain, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plain)), dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_produce_the_same_graph()
    {
        var first = GraphDump.Of((await OfflinePlanner.RunAsync(RepoRoot.Path, "prod")).Graph);
        var second = GraphDump.Of((await OfflinePlanner.RunAsync(RepoRoot.Path, "prod")).Graph);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Resources_carry_the_region_of_their_provider()
    {
        var result = await OfflinePlanner.RunAsync(RepoRoot.Path, "prod");
        var graph = result.Graph;

        var databases = graph.OfType(Database).ToList();
        Assert.Contains(databases, d => d.Region == "us-ashburn-1" && d.Provider is null);
        Assert.Contains(databases, d => d.Region == "us-phoenix-1" && d.Provider is not null);
        var providers = graph.OfType("pulumi:providers:oci").ToList();
        Assert.All(databases.Where(d => d.Provider is not null),
            d => Assert.Contains(providers, p => d.Provider!.StartsWith(p.Urn + "::", StringComparison.Ordinal) && p.Region == d.Region));
        Assert.All(graph.Resources.Where(n => n.Type.StartsWith("oci:", StringComparison.Ordinal)),
            n => Assert.Contains(n.Region!, result.Settings.AllowedRegions));
    }

    [Fact]
    public async Task Ids_are_known_fake_ocids_and_preview_leaves_other_outputs_unknown()
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, "dev")).Graph;

        var vcn = Assert.Single(graph.OfType("oci:Core/vcn:Vcn"));
        Assert.StartsWith("ocid1.vcn.oc1.iad.aaaaaaaa", vcn.Id.AsString(), StringComparison.Ordinal);
        Assert.StartsWith("ocid1.securitylist.oc1.iad.", vcn.Outputs["defaultSecurityListId"].AsString(), StringComparison.Ordinal);
        Assert.True(vcn.Outputs["timeCreated"].IsUnknown);
        Assert.Equal("10.10.0.0/16", vcn["cidrBlocks"][0].AsString() ?? vcn["cidrBlock"].AsString());
    }

    [Fact]
    public async Task Policy_context_comes_from_the_stack_settings()
    {
        var result = await OfflinePlanner.RunAsync(RepoRoot.Path, "prod");

        Assert.Equal("usde-prod-gatekeepers", result.Policy.GatekeeperGroup);
        Assert.Equal("UsdsEnclave", result.Policy.IdentityDomain);
        Assert.Equal(result.Settings.ParentExclusions.Cidrs.ToArray(), result.Policy.Parent.Cidrs.ToArray());
        Assert.Equal(result.Settings.AllowedRegions.ToArray(), result.Policy.AllowedRegions.ToArray());
        Assert.Equal(["172.16.0.0/20"], result.Policy.OnPremCidrs.ToArray());
        var fromFile = StackContextPolicy("prod");
        Assert.Equal(result.Policy.TenancyId, fromFile.TenancyId);
        Assert.Equal(result.Policy.Parent.IdentityStrings.ToArray(), fromFile.Parent.IdentityStrings.ToArray());
    }

    [Fact]
    public async Task A_config_error_surfaces_as_the_programs_message()
    {
        using var repo = CopyOfRepo();
        var prod = Path.Combine(repo.Root, "stacks", "Pulumi.prod.yaml");
        File.WriteAllText(prod, File.ReadAllText(prod).Replace("oci:region: us-ashburn-1", "oci:region: eu-frankfurt-1"));

        var e = await Assert.ThrowsAsync<ConfigurationException>(() => OfflinePlanner.RunAsync(repo.Root, "prod"));

        Assert.StartsWith("Configuration of stack 'prod' is invalid", e.Message, StringComparison.Ordinal);
        Assert.Contains("oci:region: 'eu-frankfurt-1' is not a US commercial region", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stack_is_a_stack_config_error()
    {
        var e = await Assert.ThrowsAsync<StackConfigException>(() => OfflinePlanner.RunAsync(RepoRoot.Path, "qa"));
        Assert.Contains("known stacks: dev, prod, staging", e.Message, StringComparison.Ordinal);
    }

    private static Enclave.Policy.PolicyContext StackContextPolicy(string stack) =>
        Enclave.Offline.Planning.StackContext.LoadPolicy(RepoRoot.Path, stack);

    private static string QualifiedType(string urn) => urn.Split("::")[2];

    private static IReadOnlyDictionary<string, object> PlainInputs(MapValue inputs) =>
        inputs.Fields.Where(kv => kv.Value.IsKnown)
            .ToImmutableDictionary(kv => kv.Key, kv => kv.Value switch
            {
                NumberValue n => (object)n.Value,
                BoolValue b => b.Value,
                StringValue s => s.Value,
                _ => kv.Value.ToString()!,
            });

    /// <summary>A copy of Pulumi.yaml and stacks/ in a temp folder, for tests that break a stack file.</summary>
    private static TempRepo CopyOfRepo()
    {
        var repo = new TempRepo(File.ReadAllText(Path.Combine(RepoRoot.Path, "Pulumi.yaml")));
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "stacks")))
            File.Copy(file, Path.Combine(repo.Root, "stacks", Path.GetFileName(file)));
        return repo;
    }
}
