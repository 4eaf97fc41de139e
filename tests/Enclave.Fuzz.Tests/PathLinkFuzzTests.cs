using System.Runtime.InteropServices;
using CsCheck;
using Enclave.Policy.Inputs;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// The shared link resolver (<see cref="PathLinks"/>) against the kernel itself: random trees of folders and links
/// (absolute and relative, through <c>..</c>, chains and loops), random paths into them; wherever the kernel can open a
/// path, the file it opened (<c>/proc/self/fd/N</c>) is the path the resolver gave. Every check on inputs and outputs
/// (a link leaving its checkout, an input's identity) trusts that answer.
/// </summary>
[Trait("Category", "Fuzz")]
public class PathLinkFuzzTests
{
    private static readonly string[] Names = ["a", "b", "c", "..", "."];

    /// <summary>A tree: folders a, b, c (nested), files, and links whose targets are drawn from the same names.</summary>
    private static readonly Gen<(string[] Targets, string Query)> Trees = Gen.Select(
        Gen.OneOfConst(Names).Array[1, 4].Select(parts => string.Join('/', parts)).Array[6],
        Gen.Bool.Array[6],
        Gen.OneOfConst(Names).Array[1, 5].Select(parts => string.Join('/', parts)),
        (targets, absolute, query) => (targets.Select((t, i) => absolute[i] ? "/ROOT/" + t : t).ToArray(), query));

    [Fact]
    public void The_resolver_lands_where_the_kernel_opens()
    {
        if (!OperatingSystem.IsLinux()) return;
        var root = Directory.CreateTempSubdirectory("enclave-links-").FullName;
        try
        {
            Fuzz.Run(Trees, 400, sample =>
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(root)) Delete(entry);
                Directory.CreateDirectory(Path.Combine(root, "a", "b"));
                Directory.CreateDirectory(Path.Combine(root, "b"));
                File.WriteAllText(Path.Combine(root, "a", "b", "f"), "x");
                File.WriteAllText(Path.Combine(root, "b", "f"), "y");
                // Links at fixed places, pointing wherever the sample says (ROOT stands for the tree's folder).
                string[] at = ["c", "a/c", "a/b/c", "b/c", "a/l", "b/l"];
                for (var i = 0; i < at.Length; i++)
                    File.CreateSymbolicLink(Path.Combine(root, at[i]), sample.Targets[i].Replace("/ROOT", root, StringComparison.Ordinal));
                foreach (var query in new[] { sample.Query, sample.Query + "/f", "c/" + sample.Query + "/f", "a/c/f" })
                {
                    var path = Path.Combine(root, query);
                    var resolved = PathLinks.Resolve(path);
                    var kernel = Opened(path);
                    if (kernel is null) continue; // the kernel cannot open it (missing, a loop): nothing to compare
                    Assert.Equal(PathEnd.File, resolved.End);
                    Assert.Equal(kernel, resolved.Path);
                }
            }, s => string.Join(" | ", s.Targets) + " ? " + s.Query);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static void Delete(string entry)
    {
        if (new FileInfo(entry).LinkTarget is not null || File.Exists(entry)) File.Delete(entry);
        else Directory.Delete(entry, recursive: true);
    }

    /// <summary>What the kernel opened for <paramref name="path"/> (read-only, or a folder as O_PATH), or null when it cannot.</summary>
    private static string? Opened(string path)
    {
        var fd = open(path, 0x200000 | 0x80000); // O_PATH | O_CLOEXEC: no side effect, folders too
        if (fd < 0) return null;
        try { return new FileInfo($"/proc/self/fd/{fd}").LinkTarget; }
        finally { close(fd); }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc")]
    private static extern int close(int fd);
}
