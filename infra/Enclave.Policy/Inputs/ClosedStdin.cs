namespace Enclave.Policy.Inputs;

/// <summary>
/// Whether the process was started with standard input closed (<c>enclave check --state - &lt;&amp;-</c>, a CI step
/// with no stdin). The runtime then opens its own descriptors from 0 up, and descriptor 0 became the read end of its
/// signal pipe: reading "standard input" waited forever (and took the runtime's signal notifications). Linux shows
/// it in <c>/proc/self/fd</c>: descriptor 0 missing, an anonymous inode (an event or epoll descriptor), or a pipe
/// whose write end is also ours. A real pipe from a shell has its write end in another process.
/// </summary>
internal static class ClosedStdin
{
    public static bool IsClosed()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd")) return false;
        try
        {
            if (!File.Exists("/proc/self/fd/0") && !Directory.Exists("/proc/self/fd/0")) return true;
            var zero = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (zero is null) return false;
            if (zero.StartsWith("anon_inode:", StringComparison.Ordinal)) return true;
            if (!zero.StartsWith("pipe:", StringComparison.Ordinal)) return false;
            // The write end of the same pipe in this process: the runtime's own pipe (a dup of a real stdin, which the
            // console makes, is a read end).
            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
                if (Path.GetFileName(fd) != "0" && new FileInfo(fd).LinkTarget == zero && WriteOnly(Path.GetFileName(fd))) return true;
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Whether descriptor <paramref name="fd"/> was opened write-only (<c>flags:</c> of its fdinfo, O_WRONLY = 1).</summary>
    private static bool WriteOnly(string fd)
    {
        var flags = File.ReadLines($"/proc/self/fdinfo/{fd}").FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 3) == 1;
    }
}
