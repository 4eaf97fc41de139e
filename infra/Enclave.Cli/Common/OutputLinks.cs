namespace Enclave.Cli.Common;

/// <summary>
/// A report written through a symbolic link that lives in a checkout (a folder holding <c>.git</c> or a Pulumi project
/// file) must land inside that checkout. Such a link is something a pull request commits: CI runs
/// <c>enclave check -f sarif -o results.sarif</c>, the pull request adds <c>results.sarif -&gt; ~/.bashrc</c> (or a
/// folder <c>reports -&gt; /etc</c>), and the report, whose names and values the pull request also writes, replaced a
/// file of the CI machine outside the repository. A link outside any checkout is the user's own and is followed; a
/// link to a FIFO, a device or standard output never replaces anything (<see cref="OutputTarget"/> writes through it).
/// </summary>
internal static class OutputLinks
{
    private const int MaxHops = 40;

    /// <summary>
    /// The first link on the way to <paramref name="fullPath"/> that sits in a checkout which <paramref name="lexical"/>
    /// (where the writer will put the file) or the path the kernel resolves leaves, with that checkout; null when none.
    /// </summary>
    public static (string Link, string Checkout)? Escaping(string fullPath, string lexical)
    {
        var links = new List<(string Link, string Checkout)>();
        var resolved = Walk(fullPath, links);
        foreach (var (link, checkout) in links)
            if (!Inside(lexical, checkout) || (resolved is not null && !Inside(resolved, checkout)))
                return (link, checkout);
        return null;
    }

    /// <summary>
    /// Resolves <paramref name="path"/> component by component as the kernel does (a <c>..</c> after a linked folder
    /// leaves the folder the link points at, not the link's), collecting each link met that lives in a checkout. Null
    /// when the walk cannot finish (a loop, an unreadable folder): the writer then reports the path itself.
    /// </summary>
    private static string? Walk(string path, List<(string Link, string Checkout)> links)
    {
        var pending = new Stack<string>();
        Push(pending, path);
        var current = Path.GetPathRoot(path) ?? "/";
        for (var hops = 0; pending.Count > 0;)
        {
            var part = pending.Pop();
            if (part is "." or "") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            var next = Path.Join(current, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            if (target is null) { current = next; continue; }
            if (++hops > MaxHops) return null;
            if (CheckoutOf(current) is { } checkout) links.Add((next, checkout));
            Push(pending, target);
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? "/";
        }
        return current;
    }

    /// <summary>Pushes the components of <paramref name="path"/> so that the first is popped first.</summary>
    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding <c>.git</c>, else a Pulumi project file; null when none.</summary>
    private static string? CheckoutOf(string folder)
    {
        string? project = null;
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.Exists(Path.Join(dir, ".git"))) return dir;
            project ??= Enclave.Offline.Stacks.ProjectFileLookup.Names.Any(n => Path.Exists(Path.Join(dir, n))) ? dir : null;
        }
        return project;
    }

    private static bool Inside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
