using Enclave.Cli.Common;
using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// A stack source whose offline run returns a hand-written graph, for command tests that must not depend on the
/// program: every stack named in <see cref="Graphs"/> exists; an offline run of one whose graph is null fails the
/// way an invalid configuration does.
/// </summary>
public sealed class FakeStacks : IStackSource
{
    public Dictionary<string, Func<ResourceGraph>?> Graphs { get; } = new(StringComparer.Ordinal);

    public int Runs { get; private set; }

    public IReadOnlyList<string> ListStacks(string repoRoot) => Graphs.Keys.Order(StringComparer.Ordinal).ToList();

    public PolicyContext LoadPolicy(string repoRoot, string stack) => new();

    public Task<(ResourceGraph Graph, PolicyContext Policy)> RunOfflineAsync(string repoRoot, string stack, CancellationToken cancel)
    {
        Runs++;
        var graph = Graphs[stack] ?? throw CliException.Usage($"stacks/Pulumi.{stack}.yaml: network.vcnCidr: \"10.0.0.0/33\" is not a CIDR block");
        return Task.FromResult((graph(), new PolicyContext()));
    }

    public static CliServices Services(FakeStacks stacks) => new(stacks, () => new DateOnly(2026, 11, 29));
}

/// <summary>Runs `enclave` in-process with captured output, in a temporary repository (Pulumi.yaml + stacks/).</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Root = Directory.CreateTempSubdirectory("enclave-cli-test-").FullName;
        File.WriteAllText(Path.Combine(Root, "Pulumi.yaml"), "name: us-data-enclave\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
        File.WriteAllText(Path.Combine(Root, "stacks", "Pulumi.prod.yaml"), "config: {}\n");
        Stacks.Graphs["prod"] = () => EnclaveGraph.Base().Build();
    }

    public string Root { get; }
    public FakeStacks Stacks { get; } = new();

    public string PathOf(string name) => Path.Combine(Root, name);

    public async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        await RunAsync(null, args);

    public async Task<(int Code, string Stdout, string Stderr)> RunAsync(Commands.DiffGitRevision.RevisionPlanner? planner, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        if (planner is null)
        {
            code = await CliApp.RunAsync([.. args, "--repo", Root], FakeStacks.Services(Stacks), stdout, stderr);
        }
        else
        {
            // The revision planner is a test seam of the diff command only.
            var command = Commands.DiffCommand.Create(FakeStacks.Services(Stacks), planner);
            var root = new System.CommandLine.RootCommand { command };
            code = await root.Parse([.. args, "--repo", Root]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        }
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
