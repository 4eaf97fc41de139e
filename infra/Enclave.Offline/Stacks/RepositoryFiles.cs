using Enclave.Escaping;
using Enclave.Policy.Inputs;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Files the gate finds in the repository rather than on its command line (<c>Pulumi.yaml</c>, stack configs) must
/// be in the repository: what a reviewer sees in the change is what is judged. A stack config that is a symbolic link
/// to <c>/proc/self/environ</c>, to another checkout or to a CI cache, or a <c>stackConfigDir</c> of
/// <c>../elsewhere</c>, would have the gate (and Pulumi) read a file no pull request shows.
/// </summary>
public static class RepositoryFiles
{
    /// <summary>
    /// Refuses (exit 3, like any file that cannot be read as what it should be) <paramref name="path"/> when it, or a
    /// folder on its way, is a link that resolves outside <paramref name="repoRoot"/>, or when it has more than one
    /// hard link.
    /// </summary>
    public static void RequireInside(string repoRoot, string path, string display)
    {
        // What is not a regular file (missing, a device, a FIFO, a directory) the opener refuses with its own words.
        if (OperatingSystem.IsWindows() || FileKinds.Of(path).Kind != FileKind.Regular) return;
        var root = Resolve(Path.GetFullPath(repoRoot));
        var real = Resolve(Path.GetFullPath(path));
        if (real != root && !real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new StackConfigException(new InputFileException(display,
                $"is a link to {SafeText.Ascii(real)}, outside the repository; a reviewer sees only the link, so the file it " +
                "points at is not judged (copy the file into the repository)"));
        // A hard link has no target to resolve: its bytes may be those of a file anywhere on the same file system (a
        // CI credential file, another checkout). Git never checks one out (it stores no hard links), so a file with
        // more than one name was made on this machine, not by the change under review: refused like a link out.
        if (FileKinds.LinkCount(path) is > 1 and var links)
            throw new StackConfigException(new InputFileException(display,
                $"has {links} hard links, so its content may be that of a file outside the repository; a git checkout " +
                "never makes hard links (copy the file into the repository)"));
    }

    /// <summary>
    /// A folder name taken from <c>Pulumi.yaml</c> (<c>stackConfigDir</c>): relative and inside the project folder.
    /// Returns the problem, or null when it is fine.
    /// </summary>
    public static string? FolderProblem(string folder)
    {
        if (folder.Length == 0) return null;
        if (SafeText.Escape(folder) != folder) return $"'{SafeText.Ascii(folder)}' holds a control or invisible character, or a look-alike of an ASCII one";
        if (Path.IsPathRooted(folder) || folder.StartsWith('~')) return $"'{SafeText.Ascii(folder)}' is an absolute path";
        if (folder.Split('/', '\\').Contains("..")) return $"'{SafeText.Ascii(folder)}' leaves the project folder ('..')";
        return null;
    }

    /// <summary>The path with every link on it resolved (what <c>realpath</c> gives), by the shared resolver.</summary>
    private static string Resolve(string full) => PathLinks.Resolve(full).Path;
}
