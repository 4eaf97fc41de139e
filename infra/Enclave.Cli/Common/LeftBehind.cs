using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Enclave.Cli.Common;

/// <summary>
/// What a run killed with SIGKILL (which no handler sees, unlike <see cref="Interruption"/>'s signals) may leave: the
/// hidden temporary report beside an <c>--output</c> file (<c>.NAME.PID.RANDOM.tmp</c>) and a <c>git:REF</c>
/// worktree. Each is named for the process that made it, so the next run removes those whose process is gone and
/// leaves a live run's alone.
/// </summary>
public static class LeftBehind
{
    /// <summary>Whether process <paramref name="pid"/> still runs (this process always does).</summary>
    public static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    /// <summary>Deletes the temporary reports for <paramref name="fileName"/> in <paramref name="directory"/> whose process is gone.</summary>
    public static void RemoveTemporaryReports(string directory, string fileName)
    {
        // The name is a search pattern: one with wildcards of its own is left to the user rather than matched widely.
        if (fileName.IndexOfAny(['*', '?']) >= 0) return;
        var own = new Regex($"^\\.{Regex.Escape(fileName)}\\.(?<pid>[0-9]{{1,9}})\\.[0-9a-f]{{32}}\\.tmp$", RegexOptions.CultureInvariant);
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, $".{fileName}.*.tmp"))
                if (own.Match(Path.GetFileName(path)) is { Success: true } m && !IsAlive(int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture)))
                    File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // best effort: never fails the report
    }
}
