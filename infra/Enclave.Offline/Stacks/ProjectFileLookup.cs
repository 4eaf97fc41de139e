using Enclave.Policy.Inputs;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Which project file Pulumi reads in a folder, found the way the Pulumi CLI finds it: it tries <c>Pulumi.json</c>,
/// then <c>Pulumi.yaml</c>, then <c>Pulumi.yml</c> (its marshallers' order, JSON first) and takes the first that
/// exists and is not a directory. A pull request that adds a <c>Pulumi.json</c> beside our <c>Pulumi.yaml</c> would
/// otherwise have Pulumi deploy with that file's <c>main</c>, <c>plugins</c>, <c>backend</c> and stack folder
/// (<c>stacks/Pulumi.prod.json</c>) while the gate judged <c>Pulumi.yaml</c> and passed. The gate reads only YAML, so
/// a JSON project file is refused (exit 2) rather than silently out-ranked.
/// </summary>
public static class ProjectFileLookup
{
    /// <summary>Pulumi's project file names, in the order it tries them.</summary>
    public static readonly IReadOnlyList<string> Names = ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"];

    /// <summary>
    /// The file name Pulumi would read as the project in <paramref name="folder"/>, or null when it would find none
    /// there (and search the parent folder).
    /// </summary>
    public static string? Find(string folder) => Names.FirstOrDefault(name => Counts(Path.Combine(folder, name)));

    /// <summary>
    /// The project file's name in <paramref name="folder"/> (<c>Pulumi.yaml</c> or <c>Pulumi.yml</c>), or a
    /// <see cref="StackConfigException"/> when there is none, or when Pulumi would read a <c>Pulumi.json</c> instead.
    /// </summary>
    public static string Require(string folder)
    {
        var name = Find(folder) ?? throw new StackConfigException("Pulumi.yaml",
            $"not found in {Path.GetFullPath(folder)}; run from the repository root or pass it");
        if (name == "Pulumi.json")
            throw new StackConfigException(name,
                $"Pulumi reads a project file in the order {string.Join(", ", Names)}, so this file, not " +
                $"{(Counts(Path.Combine(folder, "Pulumi.yaml")) ? "Pulumi.yaml" : "the YAML project file")}, would decide the program, " +
                "plugins, backend and stack configs (Pulumi.<stack>.json) that deploy, none of which the gate reads; remove it " +
                "and keep the project in Pulumi.yaml");
        return name;
    }

    /// <summary>
    /// Would Pulumi take this path as a project file? It stats the path (following links) and skips only what is
    /// missing or a directory; a FIFO, a device or an unreadable file still counts (and is refused when opened).
    /// </summary>
    private static bool Counts(string path) => FileKinds.Of(path).Kind switch
    {
        FileKind.Missing or FileKind.Directory => false,
        // statx failed for another reason (a link loop, a permission on the way): Pulumi's stat fails too and it moves
        // on, but a reviewer cannot tell which file the CLI would read: counted, so the gate refuses rather than guesses.
        _ => true,
    };
}
