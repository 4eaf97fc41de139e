using System.Text;
using System.Text.RegularExpressions;
using Enclave.Policy.Inputs;
using Enclave.Escaping;

namespace Enclave.Cli.Common;

/// <summary>
/// Where a command's report goes (<c>--output</c>). The report streams through the shared escaper
/// (<see cref="SafeTextWriter"/>, byte for byte <see cref="SafeText.Document"/>) into a temporary file, never into
/// memory whole (a million access rows are gigabytes as one string), and reaches its destination only once the
/// renderer has finished: a failed run (an error, an exceeded row budget) never leaves a partial report that looks
/// complete. Whatever a renderer let through, no control, ANSI or bidi character reaches a terminal, a log or a file
/// (the one exception is Spectre's own colour on an interactive terminal, whose cells hold escaped text only). Then,
/// by what the path names:
/// <list type="bullet">
/// <item><c>-</c>, <c>/dev/stdout</c> or another name of file descriptor 1: the command's standard output, copied
/// from a spool file that is deleted on close.</item>
/// <item>A new path or a regular file (also through symbolic links): a temporary file beside the final target, moved
/// into place, so readers see the old report or the new one, never half. A link stays a link: the file it points
/// at is replaced, unless the link lives in a checkout and leads out of it (<see cref="PathLinks"/>). On Linux the
/// folder the checks judged is held open and the temporary file, the rename and a write-through act in it by
/// descriptor, never through a link swapped in after the checks (<see cref="OutputDirectory"/>).</item>
/// <item>Anything else (a FIFO, a terminal, /dev/null, /dev/stderr, another /dev/fd/N): written through from a spool
/// file, never replaced. Renaming a temporary file over such a path would destroy it (run as root,
/// <c>--output /dev/stdout</c> once replaced the /dev/stdout link with a regular file).</item>
/// </list>
/// </summary>
public static partial class OutputTarget
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private const int BufferSize = 1 << 16;

    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null or InputFile.StdinPath)
        {
            if (Terminal.ColorWanted(stdout)) render(stdout); // Spectre's colour; its cells are escaped by the renderers
            else Spooled("-", render, spool => CopyTo(spool, stdout));
            stdout.Flush();
            return;
        }
        if (Judge(path) is not { } judged)
        {
            Spooled(path, render, spool => CopyTo(spool, stdout));
            stdout.Flush();
            return;
        }
        var (route, target, kind, identity) = judged;
        BeforeWrite.Value?.Invoke(target);
        switch (kind)
        {
            case FileKind.Missing or FileKind.Regular when route.End == PathEnd.File:
                ReplaceAtomically(path, target, render);
                break;
            case var _ when route.End == PathEnd.File && OutputDirectory.Supported:
                // A FIFO or device at a judged path: opened in its judged folder, never through a link swapped in since.
                Spooled(path, render, spool =>
                {
                    using var folder = OutputDirectory.Open(Path.GetDirectoryName(target)!, path) ?? throw Vanished(path);
                    using var stream = folder.OpenExisting(Path.GetFileName(target), kind, identity, path, 1);
                    spool.CopyTo(stream, BufferSize);
                });
                break;
            default:
                Spooled(path, render, spool => WriteThrough(target, spool));
                break;
        }
    }

    /// <summary>What <paramref name="path"/> names, by the checks every write starts with; null for standard output.</summary>
    private static Judged? Judge(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw CliException.Usage($"--output '{path}': expected a file path, or - for standard output");
        // One resolution, by the shared resolver, for every check below and for the write itself: what was checked is
        // what is written (a second, lexical walk once disagreed with the kernel about `..` after a linked folder).
        var route = PathLinks.Resolve(path);
        switch (route.End)
        {
            case PathEnd.Loop:
                throw CliException.Usage($"--output {path}: too many levels of symbolic links");
            case PathEnd.Unreadable:
                throw CliException.Input($"--output {path}: cannot be written ({route.Reason})");
        }
        // A link committed in a checkout leads out of it: refused whatever it reaches (a file is replaced, and a FIFO or
        // device elsewhere on the machine is written through: another job's control pipe, a disk as root). Standard
        // output and /dev/null are sinks that nothing is lost to.
        if (route.LeavingCheckout() is { } escape && route.Path != "/dev/null")
            throw CliException.Usage($"--output {path}: the symbolic link {escape.At} in {escape.Checkout} leads out of it (a link a pull " +
                                     "request can commit would have the report replace or write into a file elsewhere on the machine); " +
                                     "expected a path inside it, a link that stays inside it, or - for standard output");
        if (route.End == PathEnd.StandardOutput) return null;
        var target = route.Path;
        if (PulumiFileName().IsMatch(Path.GetFileName(target)))
            // `-o stacks/Pulumi.report.yaml` made a new stack that every later `check` failed on (and Pulumi would read it);
            // `-o Pulumi.json` (a JSON report) would become the project file Pulumi reads before Pulumi.yaml.
            throw CliException.Usage($"--output {path}: is named like a file Pulumi and the gate read as a project or stack configuration " +
                                     "(Pulumi.yaml, Pulumi.json, Pulumi.<stack>.yaml); expected another file name, or - for standard output");
        if (InputsRead.Which(target) is { } input) throw OverInput(path, input);
        var (kind, _, reason) = FileKinds.Of(target);
        var identity = FileKinds.Identity(target);
        switch (kind)
        {
            case FileKind.Directory:
                throw CliException.Usage($"--output {path}: is a directory; expected a file path, or - for standard output");
            case FileKind.Inaccessible:
                throw CliException.Input($"--output {path}: cannot be written ({reason})");
        }
        return new Judged(route, target, kind, identity);
    }

    private static CliException OverInput(string path, string input) =>
        CliException.Usage($"--output {path}: is the input {input} of this command, which the report would replace; expected another file, or - for standard output");

    private readonly record struct Judged(PathResolution Route, string Target, FileKind Kind, string? Identity);

    /// <summary>
    /// Refuses, before a command does its work, an <c>--output</c> that <see cref="Write"/> would refuse once the work
    /// is done (a folder, a path whose folder does not exist, a read-only file, a link out of the checkout…): the same
    /// checks and the same one-line error, in milliseconds instead of after a check of a large state. Advisory, for
    /// speed only: nothing is created, and <see cref="Write"/> judges the target again and stays the authority (the
    /// path may change in between, and it also knows every input the run did read).
    /// </summary>
    /// <param name="inputs">The files the run will read, as given (null, <c>-</c> and <c>git:REF</c> entries are skipped):
    /// an output that is one of them (also through a symbolic or hard link) is refused now, before any of them is read,
    /// with the line the write would give once they were.</param>
    public static void Precheck(string? path, params string?[] inputs)
    {
        if (path is null or InputFile.StdinPath || Judge(path) is not { } judged) return;
        var (route, target, kind, identity) = judged;
        if (identity is not null && inputs.FirstOrDefault(i => i is not (null or InputFile.StdinPath) && FileKinds.Identity(i) == identity) is { } input)
            throw OverInput(path, input);
        if (route.End != PathEnd.File || kind is not (FileKind.Missing or FileKind.Regular)) return;
        var directory = Path.GetDirectoryName(target)!;
        if (OutputDirectory.Supported)
        {
            using var folder = OutputDirectory.Open(directory, path)
                               ?? throw CliException.Usage($"--output {path}: directory {directory} does not exist");
            folder.ExistingMode(Path.GetFileName(target), path); // a read-only file is refused as the write refuses it
            return;
        }
        if (!Directory.Exists(directory)) throw CliException.Usage($"--output {path}: directory {directory} does not exist");
        ExistingMode(path, target);
    }

    private static readonly AsyncLocal<Action<string>?> BeforeWrite = new();

    /// <summary>
    /// Runs <paramref name="hook"/> (given the resolved target) in the current async flow after every check by path
    /// and before the write (tests swap a folder or the file there, as a racing process would); dispose to remove it.
    /// </summary>
    public static IDisposable BetweenResolveAndWrite(Action<string> hook)
    {
        var previous = BeforeWrite.Value;
        BeforeWrite.Value = hook;
        return new Restore(() => BeforeWrite.Value = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    private static CliException Vanished(string path) =>
        CliException.Input($"--output {path}: its folder was removed while the report was being written; nothing was written");

    /// <summary>Streams the rendered report, escaped, into <paramref name="stream"/> as UTF-8 without a BOM.</summary>
    private static void RenderInto(Stream stream, Action<TextWriter> render)
    {
        using var text = new StreamWriter(stream, Utf8, BufferSize, leaveOpen: true);
        var safe = new SafeTextWriter(text);
        render(safe);
        safe.Complete();
    }

    /// <summary>
    /// Renders into an anonymous spool file (deleted on close, whatever happens), then hands it, rewound, to
    /// <paramref name="deliver"/>: nothing reaches a pipe or device until the report is whole.
    /// </summary>
    private static void Spooled(string path, Action<TextWriter> render, Action<Stream> deliver)
    {
        try
        {
            using var spool = OpenSpool();
            RenderInto(spool, render);
            spool.Position = 0;
            deliver(spool);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"--output {path}: cannot write ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>A spool file in the temporary directory; in memory when none can be created (a read-only container).</summary>
    private static Stream OpenSpool()
    {
        var name = Path.Combine(Path.GetTempPath(), $"enclave-output.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (OperatingSystem.IsWindows())
                return new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose);
            // Unlinked at once, the open handle keeps it: nothing is left behind however the process ends (a signal,
            // a kill), where DeleteOnClose would leave a report-sized file in the temporary directory.
            var spool = new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize);
            File.Delete(name);
            return spool;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new MemoryStream(); }
    }

    private static void CopyTo(Stream spool, TextWriter stdout)
    {
        using var reader = new StreamReader(spool, Utf8, false, BufferSize, leaveOpen: true);
        var buffer = new char[BufferSize];
        for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;) stdout.Write(buffer, 0, read);
    }

    private static void ReplaceAtomically(string path, string full, Action<TextWriter> render)
    {
        var directory = Path.GetDirectoryName(full)!;
        if (OutputDirectory.Supported)
        {
            using var folder = OutputDirectory.Open(directory, path)
                               ?? throw CliException.Usage($"--output {path}: directory {directory} does not exist");
            ReplaceIn(folder, path, directory, Path.GetFileName(full), render);
            return;
        }
        if (!Directory.Exists(directory)) throw CliException.Usage($"--output {path}: directory {directory} does not exist");
        var mode = ExistingMode(path, full);
        LeftBehind.RemoveTemporaryReports(directory, Path.GetFileName(full)); // a killed run's (SIGKILL: no handler ran)
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Interruption.Process.Started(temp); // a signal from here on removes the temporary (Interruption)
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                if (mode is { } kept && !OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, kept); // a private (0600) report stays private
                RenderInto(stream, render);
            }
            Interruption.Process.Finish(temp, () => File.Move(temp, full, overwrite: true));
        }
        catch (Exception e)
        {
            Interruption.Process.Abandoned(temp);
            TryDelete(temp); // on any failure, the renderer's included: the old file stays and no temporary is left
            if (e is IOException or UnauthorizedAccessException)
                throw CliException.Input($"--output {path}: cannot write ({e.Message.ReplaceLineEndings(" ")})");
            throw;
        }
    }

    /// <summary>
    /// <see cref="ReplaceAtomically"/> by descriptor: the temporary file is created, and renamed over
    /// <paramref name="name"/>, in the folder judged, whatever its path leads to by now (<see cref="OutputDirectory"/>).
    /// </summary>
    private static void ReplaceIn(OutputDirectory folder, string path, string directory, string name, Action<TextWriter> render)
    {
        var mode = folder.ExistingMode(name, path);
        LeftBehind.RemoveTemporaryReports(directory, name); // a killed run's (SIGKILL: no handler ran)
        var tempName = $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var temp = Path.Combine(directory, tempName);
        Interruption.Process.Started(temp); // a signal from here on removes the temporary (Interruption)
        try
        {
            using (var stream = folder.Create(tempName, BufferSize))
            {
                if (mode is { } kept && !OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, kept); // a private (0600) report stays private
                RenderInto(stream, render);
            }
            Interruption.Process.Finish(temp, () => folder.Rename(tempName, name));
        }
        catch (Exception e)
        {
            Interruption.Process.Abandoned(temp);
            folder.TryDelete(tempName); // on any failure, the renderer's included: the old file stays and no temporary is left
            if (e is IOException or UnauthorizedAccessException)
                throw CliException.Input($"--output {path}: cannot write ({e.Message.ReplaceLineEndings(" ")})");
            throw;
        }
    }

    /// <summary>
    /// The permissions of the file the report replaces (null for a new one). A rename needs only the directory's
    /// permission, so it would replace a read-only file that `>` or `cp` refuse (even as root, a file with no write
    /// bit at all is read-only by intent): such a target is refused, exit 3, and left as it is.
    /// </summary>
    private static UnixFileMode? ExistingMode(string path, string full)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(full)) return null;
        const UnixFileMode writable = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        var mode = File.GetUnixFileMode(full);
        var readOnly = (mode & writable) == 0;
        if (!readOnly)
            try { new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1).Dispose(); } // no truncation
            catch (UnauthorizedAccessException) { readOnly = true; }
        if (readOnly) throw CliException.Input($"--output {path}: is read-only; make it writable or remove it, or choose another file");
        return mode;
    }

    /// <summary>Opens the existing target for writing (no truncation, no rename) and copies the whole report.</summary>
    private static void WriteThrough(string full, Stream spool)
    {
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        if (stream.CanSeek) stream.Seek(0, SeekOrigin.End); // a descriptor on a file appends, as `>>` would
        spool.CopyTo(stream, BufferSize);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"^Pulumi(\.[^/]*)?\.(ya?ml|json)$", RegexOptions.IgnoreCase)]
    private static partial Regex PulumiFileName();
}
