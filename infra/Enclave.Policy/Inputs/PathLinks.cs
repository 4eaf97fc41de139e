using System.Globalization;
using System.Text.RegularExpressions;

namespace Enclave.Policy.Inputs;

/// <summary>How a path resolution ended (<see cref="PathLinks.Resolve"/>).</summary>
public enum PathEnd
{
    /// <summary>A path with no link left on it (the file may be missing: a new output).</summary>
    File,
    /// <summary>This process's standard output (<c>/dev/stdout</c>, <c>/dev/fd/1</c>, <c>/proc/self/fd/1</c>, …).</summary>
    StandardOutput,
    /// <summary>Another open descriptor (<c>/dev/stderr</c>, <c>/dev/fd/3</c>, <c>/proc/PID/fd/N</c>): written through, never replaced.</summary>
    Descriptor,
    /// <summary>More than <see cref="PathLinks.MaxHops"/> links (a loop).</summary>
    Loop,
    /// <summary>A folder on the way could not be read (<see cref="PathResolution.Reason"/>).</summary>
    Unreadable,
}

/// <summary>A link met on the way, and the checkout (a folder holding <c>.git</c> or a Pulumi project file) it lives in.</summary>
public readonly record struct PathLink(string At, string? Checkout);

/// <summary>Where a path leads: <see cref="Path"/> (links resolved), how the walk ended, and every link met.</summary>
public sealed record PathResolution(string Path, PathEnd End, IReadOnlyList<PathLink> Links, string? Reason = null)
{
    /// <summary>
    /// The first link that lives in a checkout and leads out of it (the resolution ends outside it, or cannot be
    /// finished: not knowing where a committed link leads counts against it); null when none does. Standard output
    /// is a sink, not a file elsewhere: a link to it is harmless.
    /// </summary>
    public PathLink? LeavingCheckout()
    {
        if (End == PathEnd.StandardOutput) return null;
        foreach (var link in Links)
            if (link.Checkout is { } checkout && (End is PathEnd.Loop or PathEnd.Unreadable || !PathLinks.Inside(Path, checkout)))
                return link;
        return null;
    }

    /// <summary>
    /// What a message says about <paramref name="link"/> (from <see cref="LeavingCheckout"/>): that it leads out of its
    /// checkout, or, when the walk could not be finished (a loop, a folder that cannot be read), that where it leads
    /// is not known. Both are refused; only the second is not known to leave, and saying it does sent users looking
    /// for a path outside that was never there.
    /// </summary>
    public string Describe(PathLink link) => End is PathEnd.Loop or PathEnd.Unreadable
        ? $"the symbolic link {link.At} in {link.Checkout}, which cannot be followed to its end ({Reason ?? "unreadable"}), so where it leads is not known"
        : $"the symbolic link {link.At} in {link.Checkout}, which leads out of it";
}

/// <summary>
/// The one resolver of symbolic links for every file the tools read or write (inputs, stack configs, Pulumi.yaml,
/// <c>--output</c>): component by component as the kernel does (a <c>..</c> after a linked folder leaves the folder
/// the link points at, not the link's; <c>Path.GetFullPath</c> would drop it lexically), stopping at names of open
/// descriptors (their <c>/proc</c> "links" are not paths). Each check (a link leaving its checkout, an input's
/// identity, a Pulumi-like name) and the open or write itself use the same resolved path, so what was checked is
/// what is touched. Three hand-written walks (outputs, output links, repository files) disagreed on <c>..</c> and on
/// which links they saw.
/// </summary>
public static partial class PathLinks
{
    /// <summary>Linux's own limit of links followed for one path.</summary>
    public const int MaxHops = 40;

    /// <summary>Resolves <paramref name="path"/> (relative to the current directory when not rooted).</summary>
    public static PathResolution Resolve(string path)
    {
        var links = new List<PathLink>();
        var start = Path.IsPathRooted(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);
        var pending = new Stack<string>();
        Push(pending, start);
        var current = Path.GetPathRoot(start) is { Length: > 0 } root ? root : "/";
        for (var hops = 0; pending.Count > 0;)
        {
            var part = pending.Pop();
            if (part is "." or "") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            var next = Path.Join(current, part);
            if (Descriptor(next) is { } end)
            {
                // /dev/fd/1/x names nothing writable; let the opener say what the kernel says.
                if (pending.Any(p => p is not ("" or "."))) return new PathResolution(next, PathEnd.Unreadable, links, "a path below an open descriptor");
                return new PathResolution(next, end, links);
            }
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new PathResolution(next, PathEnd.Unreadable, links, e is UnauthorizedAccessException ? "permission denied" : e.Message.ReplaceLineEndings(" "));
            }
            if (target is null) { current = next; continue; }
            if (++hops > MaxHops) return new PathResolution(next, PathEnd.Loop, links, "too many levels of symbolic links");
            links.Add(new PathLink(next, CheckoutOf(current)));
            Push(pending, target);
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) is { Length: > 0 } r ? r : "/";
        }
        return new PathResolution(current, PathEnd.File, links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both resolved).</summary>
    public static bool Inside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>Project file names that make a folder a checkout when no <c>.git</c> is above it (Pulumi's own order).</summary>
    private static readonly string[] ProjectFiles = ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"];

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding <c>.git</c>, else a Pulumi project file; null when none.</summary>
    public static string? CheckoutOf(string folder)
    {
        string? project = null;
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.Exists(Path.Join(dir, ".git"))) return dir;
            project ??= ProjectFiles.Any(n => Path.Exists(Path.Join(dir, n))) ? dir : null;
        }
        return project;
    }

    /// <summary>Pushes the components of <paramref name="path"/> so that the first is popped first.</summary>
    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    /// <summary>Whether <paramref name="path"/> names an open descriptor (standard output or another), before it is followed.</summary>
    private static PathEnd? Descriptor(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        if (path is "/dev/stdout") return PathEnd.StandardOutput;
        if (path is "/dev/stdin" or "/dev/stderr") return PathEnd.Descriptor;
        var m = DescriptorName().Match(path);
        if (!m.Success) return null;
        var owner = m.Groups["pid"].Value;
        var self = owner is "" or "self" or "thread-self" || owner == Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return self && m.Groups["fd"].Value == "1" ? PathEnd.StandardOutput : PathEnd.Descriptor;
    }

    [GeneratedRegex(@"^/(dev/fd|proc/(?<pid>self|thread-self|\d+)(/task/\d+)?/fd)/(?<fd>\d+)$")]
    private static partial Regex DescriptorName();
}
