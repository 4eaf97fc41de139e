using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Enclave.Cli.Commands;

/// <summary>
/// The temporary git worktrees of <c>git:REF</c> (<see cref="DiffGitRevision"/>): named for the revision and the
/// process that made them (<c>$TMPDIR/enclave-SHA12-PID-RANDOM</c>), removed when the command ends, also when a signal
/// stops it (<see cref="Common.Interruption"/>). Only SIGKILL (or a power cut) can leave one behind: the next
/// <c>git:REF</c> run in the repository removes every such worktree whose process is gone, and git's own record of
/// any whose folder a temporary-file cleaner deleted (<c>git worktree prune</c>).
/// </summary>
internal static partial class StaleWorktrees
{
    [GeneratedRegex(@"^enclave-[0-9a-f]{1,12}-(?<pid>[0-9]{1,9})-[0-9a-f]{8}$")]
    private static partial Regex Name();

    public static string NewPath(string sha) => Path.Combine(Path.GetTempPath(),
        $"enclave-{sha[..Math.Min(12, sha.Length)]}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Removes the worktrees of <paramref name="root"/>'s repository that a killed run of ours left.</summary>
    public static async Task ReapAsync(string root, Func<string, string, Task> remove)
    {
        var (code, listing, _) = await DiffGitRevision.RunGitAsync(root, CancellationToken.None, "worktree", "list", "--porcelain");
        if (code != 0) return;
        foreach (var line in listing.Split('\n'))
        {
            if (!line.StartsWith("worktree ", StringComparison.Ordinal)) continue;
            var path = line["worktree ".Length..].TrimEnd('\r');
            var match = Name().Match(Path.GetFileName(path));
            if (match.Success && !Common.LeftBehind.IsAlive(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture))) await remove(root, path);
        }
        await DiffGitRevision.RunGitAsync(root, CancellationToken.None, "worktree", "prune");
    }

    /// <summary>Removes <paramref name="worktree"/> at once (a signal is stopping the process: no async, a bounded wait).</summary>
    public static void RemoveNow(string root, string worktree)
    {
        if (Git(root, "worktree", "remove", "--force", worktree)) return;
        if (Directory.Exists(worktree)) Directory.Delete(worktree, recursive: true);
        Git(root, "worktree", "prune");
    }

    private static bool Git(string root, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-C", root, .. args]) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info);
            if (process is null) return false;
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (Win32Exception) { return false; }
    }
}
