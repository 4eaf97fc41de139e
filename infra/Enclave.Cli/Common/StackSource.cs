using Enclave.Offline.Stacks;
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
    /// <remarks>
    /// The folder is the one Pulumi would pick, searching upwards for the first that holds any project file it reads
    /// (<c>Pulumi.json</c>, <c>Pulumi.yaml</c> or <c>Pulumi.yml</c>): a <c>Pulumi.json</c> in a folder below ours
    /// makes that folder Pulumi's project, and the gate then refuses it rather than judge the Pulumi.yaml above.
    /// </remarks>
    public static string FindRoot(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            if (Enclave.Offline.Stacks.ProjectFileLookup.Find(explicitRoot) is null)
                throw CliException.Usage($"--repo {explicitRoot}: no Pulumi.yaml there");
            return Path.GetFullPath(explicitRoot);
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Enclave.Offline.Stacks.ProjectFileLookup.Find(dir.FullName) is not null) return dir.FullName;
        throw CliException.Usage("no Pulumi.yaml in this directory or above; run inside the repository or pass --repo DIR");
    }

    /// <summary>The repository's stack inventory file (read by every command that lists or runs stacks), by its path.</summary>
    public static string Inventory(string repoRoot) => Path.Combine(repoRoot, StackInventory.FileName);

    /// <summary>Throws a usage error naming the known stacks when <paramref name="stack"/> is not one.</summary>
    public static void RequireStack(IStackSource source, string repoRoot, string stack)
    {
        var known = source.ListStacks(repoRoot);
        if (!known.Contains(stack, StringComparer.Ordinal))
            throw CliException.Usage((StackConfigFile.IsStackName(stack) ? "unknown stack " : "stack ") + (known.Count == 0
                ? $"{Shown(stack)}: no stacks/Pulumi.<stack>.yaml in {repoRoot}"
                : $"{Shown(stack)}; stacks: {string.Join(", ", known)}"));
    }

    /// <summary>
    /// A stack name for a message: as it is when Pulumi's (<see cref="StackConfigFile.IsStackName"/>), else quoted with
    /// every other character as \uXXXX, cut at 100. Pulumi never writes another into a URN, and none can be selected;
    /// shown raw, a look-alike (<c>prоd</c> with a Cyrillic о) read "unknown stack 'prod'" while prod exists, and a
    /// diff judged it with default settings under prod's name.
    /// </summary>
    public static string Shown(string name) => StackConfigFile.IsStackName(name) ? $"'{name}'"
        : $"'{Enclave.Escaping.SafeText.Ascii(name, 100)}', which is not a Pulumi stack name (1 to 100 ASCII letters, digits, _, . or -)";

    /// <summary>Refuses an artifact whose URNs name a stack Pulumi could not have written (exit 3, naming the file).</summary>
    /// <summary>
    /// <paramref name="graph"/> under <paramref name="stack"/> (and the repository's project) when its URNs name no
    /// stack: an export of a stack with no resources, a preview with no steps. Every command that judges an artifact
    /// for a named stack goes through here, so no report, table or diff ever says it judged stack "".
    /// </summary>
    public static ResourceGraph NameEmpty(ResourceGraph graph, string root, string stack) =>
        graph.Stack.Length > 0 ? graph : graph.Named(stack, ProjectFile.Load(root).Name);

    public static void RequireArtifactStack(string file, string stack)
    {
        if (stack.Length > 0 && !StackConfigFile.IsStackName(stack))
            throw CliException.Input($"{file}: its URNs name stack {Shown(stack)}; Pulumi never writes such a name");
    }
}
