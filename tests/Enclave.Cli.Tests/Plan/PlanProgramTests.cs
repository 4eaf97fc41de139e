using System.Collections.Immutable;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;
using Enclave.Offline.Fakes;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Tests.Plan;

/// <summary>`enclave plan` and `enclave diff` over the real program and the repository's own stacks.</summary>
[Collection(ProgramRunCollection.Name)]
public class PlanProgramTests
{
    private const string RandomPassword = "random:index/randomPassword:RandomPassword";
    private static readonly string Root = RepoFile.Path("");

    private static async Task<(int Code, string Stdout, string Stderr)> Enclave(string repo, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 11, 29));
        var code = await CliApp.RunAsync([.. args, "--repo", repo], services, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Plan_of_prod_is_the_same_bytes_on_every_run()
    {
        var first = await Enclave(Root, "plan", "prod", "--format", "json");
        var second = await Enclave(Root, "plan", "prod", "--format", "json");
        Assert.True(first.Code is 0 or 1, first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("\"kind\": \"enclave-plan\"", first.Stdout);
        Assert.DoesNotContain(Root, first.Stdout);
    }

    [Fact]
    public async Task The_generated_admin_password_appears_in_no_plan_or_diff_format()
    {
        var source = new OfflineStackSource();
        var (graph, _) = await source.RunOfflineAsync(Root, "prod", CancellationToken.None);
        var password = Assert.Single(graph.OfType(RandomPassword));
        var plain = FakeSecrets.Generate(RandomPassword, password.Name, PlainInputs(password.Inputs));
        Assert.True(plain.Length >= 12);

        var outputs = new List<string>();
        foreach (var format in new[] { "text", "json", "markdown" })
            outputs.Add((await Enclave(Root, "plan", "prod", "--format", format)).Stdout);
        var dir = Directory.CreateTempSubdirectory("enclave-plan-").FullName;
        try
        {
            var dev = Path.Combine(dir, "dev.json");
            var prod = Path.Combine(dir, "prod.json");
            await Enclave(Root, "plan", "dev", "--format", "json", "--output", dev);
            await Enclave(Root, "plan", "prod", "--format", "json", "--output", prod);
            outputs.Add(File.ReadAllText(dev));
            foreach (var format in new[] { "markdown", "text", "json" })
                outputs.Add((await Enclave(Root, "diff", dev, prod, "--format", format)).Stdout);
        }
        finally { Directory.Delete(dir, recursive: true); }

        Assert.All(outputs, o => Assert.NotEmpty(o));
        Assert.All(outputs, o => Assert.DoesNotContain(plain, o, StringComparison.Ordinal));
        // The password reaches the plan only as the Vault secret's content, masked; the database names the secret.
        Assert.Contains("secretContent: [secret]", outputs[0]);
        Assert.DoesNotContain("adminPassword", outputs[0]);
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_with_the_programs_message()
    {
        var repo = Directory.CreateTempSubdirectory("enclave-badconfig-").FullName;
        try
        {
            File.Copy(Path.Combine(Root, "Pulumi.yaml"), Path.Combine(repo, "Pulumi.yaml"));
            Directory.CreateDirectory(Path.Combine(repo, "stacks"));
            File.WriteAllText(Path.Combine(repo, "enclave-stacks.yaml"), "stacks: [prod]\n");  // the declared stacks (StackInventory)
            var prod = File.ReadAllText(Path.Combine(Root, "stacks", "Pulumi.prod.yaml"));
            File.WriteAllText(Path.Combine(repo, "stacks", "Pulumi.prod.yaml"),
                prod.Replace("us-data-enclave:homeRegion: us-ashburn-1", "us-data-enclave:homeRegion: eu-frankfurt-1", StringComparison.Ordinal));

            var (code, stdout, stderr) = await Enclave(repo, "plan", "prod");
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.StartsWith("enclave: error: ", stderr);
            Assert.Contains("homeRegion", stderr);
            Assert.Contains("eu-frankfurt-1", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
        finally { Directory.Delete(repo, recursive: true); }
    }

    [Fact]
    public async Task Unknown_stack_exits_2()
    {
        var (code, _, stderr) = await Enclave(Root, "plan", "qa");
        Assert.Equal(2, code);
        Assert.Contains("unknown stack 'qa'", stderr);
    }

    private static IReadOnlyDictionary<string, object> PlainInputs(MapValue inputs) =>
        inputs.Fields.Where(kv => kv.Value.IsKnown).ToImmutableDictionary(kv => kv.Key, kv => kv.Value switch
        {
            NumberValue n => (object)n.Value,
            BoolValue b => b.Value,
            StringValue s => s.Value,
            _ => kv.Value.ToString()!,
        });
}
