using System.Text;
using System.Text.RegularExpressions;
using Enclave.Policy.Inputs;
using Enclave.Escaping;

namespace Enclave.Cli.Common;

/// <summary>
/// Where a command's report goes (<c>--output</c>). The report is rendered completely before anything is opened, so
/// a failed run never leaves a partial report that looks complete, and passes through the shared escaper
/// (<see cref="SafeText.Document"/>) on its way out: whatever a renderer let through, no control, ANSI or bidi
/// character reaches a terminal, a log or a file (the one exception is Spectre's own colour on an interactive
/// terminal, whose cells hold escaped text only). Then, by what the path names:
/// <list type="bullet">
/// <item><c>-</c>, <c>/dev/stdout</c> or another name of file descriptor 1: the command's standard output.</item>
/// <item>A new path or a regular file (also through symbolic links): a temporary file beside the final target, moved
/// into place, so readers see the old report or the new one, never half. A link stays a link: the file it points
/// at is replaced.</item>
/// <item>Anything else (a FIFO, a terminal, /dev/null, /dev/stderr, another /dev/fd/N): written through as it is,
/// never replaced. Renaming a temporary file over such a path would destroy it (run as root,
/// <c>--output /dev/stdout</c> once replaced the /dev/stdout link with a regular file).</item>
/// </list>
/// </summary>
public static partial class OutputTarget
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null or InputFile.StdinPath)
        {
            if (Terminal.ColorWanted(stdout)) render(stdout); // Spectre's colour; its cells are escaped by the renderers
            else stdout.Write(Rendered(render));
            stdout.Flush();
            return;
        }
        var report = Rendered(render);
        var target = Resolve(path);
        if (target is null)
        {
            stdout.Write(report);
            stdout.Flush();
            return;
        }
        var (kind, _, reason) = FileKinds.Of(target.Path);
        switch (kind)
        {
            case FileKind.Directory:
                throw CliException.Usage($"--output {path}: is a directory; expected a file path, or - for standard output");
            case FileKind.Inaccessible:
                throw CliException.Input($"--output {path}: cannot be written ({reason})");
            case FileKind.Missing or FileKind.Regular when !target.IsDescriptor:
                ReplaceAtomically(path, target.Path, report);
                break;
            default:
                WriteThrough(path, target.Path, report);
                break;
        }
    }

    /// <summary>The whole report, with every unsafe character escaped and its own line breaks and tabs kept.</summary>
    private static string Rendered(Action<TextWriter> render)
    {
        var report = new StringWriter();
        render(report);
        return SafeText.Document(report.ToString());
    }

    /// <summary>The path at the end of the link chain; null when a link in it names standard output.</summary>
    private static Target? Resolve(string path)
    {
        var current = Path.GetFullPath(path);
        for (var hops = 0; ; hops++)
        {
            if (StdoutName().IsMatch(current)) return null;
            if (DescriptorName().IsMatch(current)) return new Target(current, IsDescriptor: true);
            string? link;
            try { link = new FileInfo(current).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Input($"--output {path}: cannot be written ({e.Message.ReplaceLineEndings(" ")})");
            }
            if (link is null) return new Target(current, IsDescriptor: false);
            if (hops >= 40) throw CliException.Usage($"--output {path}: too many levels of symbolic links");
            current = Path.GetFullPath(link, Path.GetDirectoryName(current)!);
        }
    }

    private static void ReplaceAtomically(string path, string full, string report)
    {
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw CliException.Usage($"--output {path}: directory {directory} does not exist");
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, report, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw CliException.Input($"--output {path}: cannot write ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>Opens the existing target for writing (no truncation, no rename) and writes the whole report.</summary>
    private static void WriteThrough(string path, string full, string report)
    {
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            if (stream.CanSeek) stream.Seek(0, SeekOrigin.End); // a descriptor on a file appends, as `>>` would
            var bytes = new UTF8Encoding(false).GetBytes(report);
            stream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"--output {path}: cannot write ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed record Target(string Path, bool IsDescriptor);

    [GeneratedRegex("^/(dev/stdout|dev/fd/1|proc/self/fd/1|proc/thread-self/fd/1)$")]
    private static partial Regex StdoutName();

    [GeneratedRegex(@"^/(dev/(stdin|stderr|fd/\d+)|proc/(self|thread-self|\d+)/fd/\d+)$")]
    private static partial Regex DescriptorName();
}
