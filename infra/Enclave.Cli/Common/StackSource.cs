using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Common;

/// <summary>What the commands need from the repository's stacks: their names, their policy context, an offline run.</summary>
public interface IStackSource
{
    /// <summary>Stack names with a <c>stacks/Pulumi.&lt;stack&gt;.yaml</c>, sorted.</summary>
    IReadOnlyList<string> ListStacks(string repoRoot);

    /// <summary>The isolation context (regions, gatekeepers, parent exclusions) from the stack's configuration.</summary>
    PolicyContext LoadPolicy(string repoRoot, string stack);

    /// <summary>Runs the program offline under the stack's configuration: its graph and policy context.</summary>
    Task<(ResourceGraph Graph, PolicyContext Policy)> RunOfflineAsync(string repoRoot, string stack, CancellationToken cancel);
}

/// <summary>Finds the repository root (the directory holding Pulumi.yaml) and checks stack names.</summary>
public static class Repository
{
    public static string FindRoot(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            if (!File.Exists(Path.Combine(explicitRoot, "Pulumi.yaml")))
                throw CliException.Usage($"--repo {explicitRoot}: no Pulumi.yaml there");
            return Path.GetFullPath(explicitRoot);
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        throw CliException.Usage("no Pulumi.yaml in this directory or above; run inside the repository or pass --repo DIR");
    }

    /// <summary>Throws a usage error naming the known stacks when <paramref name="stack"/> is not one.</summary>
    public static void RequireStack(IStackSource source, string repoRoot, string stack)
    {
        var known = source.ListStacks(repoRoot);
        if (!known.Contains(stack, StringComparer.Ordinal))
            throw CliException.Usage(known.Count == 0
                ? $"unknown stack '{stack}': no stacks/Pulumi.<stack>.yaml in {repoRoot}"
                : $"unknown stack '{stack}'; stacks: {string.Join(", ", known)}");
    }
}
