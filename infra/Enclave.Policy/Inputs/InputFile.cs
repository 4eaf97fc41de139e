using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Enclave.Policy.Inputs;

/// <summary>
/// The one way the CLI opens a file input (<c>--state</c>, <c>--preview-json</c>, <c>--plan</c>, <c>--waivers</c>,
/// diff sides, stack configs, Pulumi.yaml): a regular file (symbolic links followed) or <c>-</c> for standard input,
/// read through a stream that enforces the kind's size cap and refuses binary content as the bytes arrive. A FIFO, a
/// device, a socket or a directory is refused at once, before it is opened (opening a FIFO hangs; /dev/zero never
/// ends). Every refusal is an <see cref="InputFileException"/>: one line, the path, what is wrong, what is valid.
/// </summary>
public static class InputFile
{
    /// <summary>The path that means standard input.</summary>
    public const string StdinPath = "-";

    private static readonly AsyncLocal<StdinSource?> StdinOverride = new();
    private static readonly StdinSource ConsoleStdin = new(Console.OpenStandardInput, () => !Console.IsInputRedirected, ClosedStdin.IsClosed);

    /// <summary>Opens <paramref name="path"/> for reading as <paramref name="kind"/>, capped at <paramref name="maxBytes"/> (default: the kind's cap).</summary>
    /// <param name="display">How the file is named in errors (default: the path as given).</param>
    public static Stream Open(string path, InputKind kind, long? maxBytes = null, string? display = null)
    {
        var limit = maxBytes ?? kind.MaxBytes;
        var name = display ?? path;
        if (path == StdinPath) return new CappedStream(OpenStdin(kind), name, kind, limit);
        var (type, size, reason) = FileKinds.Of(path);
        if (Problem(type, path, reason, kind) is { } problem) throw new InputFileException(name, problem);
        if (size > limit) throw TooLarge(name, kind, limit);
        var route = PathLinks.Resolve(path);
        if (route.LeavingCheckout() is { } link)
            // Refused before a byte is read: a loader's error quotes the text at its problem, and a link a pull request
            // commits (waivers.yaml -> ~/.ssh/id_rsa) would have that quote print a file of the CI machine in its log.
            throw new InputFileException(name, $"is reached through {route.Describe(link)}, so the " +
                                               $"file read would not be the one a reviewer sees (and its content is not read); expected {kind.Expected} " +
                                               "inside the checkout, or its own path instead of the link");
        var identity = route.End == PathEnd.File ? FileKinds.Identity(route.Path) : null;
        BeforeOpen.Value?.Invoke(path);
        var file = OpenChecked(path, name, kind, limit, identity);
        InputsRead.Add(path, name);
        return new CappedStream(file, name, kind, limit);
    }

    private static readonly AsyncLocal<Action<string>?> BeforeOpen = new();

    /// <summary>
    /// Runs <paramref name="hook"/> in the current async flow between the checks by path and the open (tests swap the
    /// file there, as a racing process would); dispose to remove it.
    /// </summary>
    public static IDisposable BetweenCheckAndOpen(Action<string> hook)
    {
        var previous = BeforeOpen.Value;
        BeforeOpen.Value = hook;
        return new Restore(() => BeforeOpen.Value = previous);
    }

    /// <summary>Why a file of <paramref name="type"/> is not an input, or null when it is a regular file.</summary>
    private static string? Problem(FileKind type, string path, string? reason, InputKind kind) => type switch
    {
        FileKind.Regular => null,
        // .NET decodes a command line's bytes as UTF-8: a name with other bytes arrives with U+FFFD in their place
        // and names no file; say so rather than "not found" beside a file the user can list.
        FileKind.Missing when path.Contains('\uFFFD') =>
            $"file not found (its name is not UTF-8: the bytes shown as \ufffd cannot be passed on; rename the file); expected {kind.Expected}",
        FileKind.Missing => $"file not found; expected {kind.Expected}",
        FileKind.Directory => $"is a directory; expected {kind.Expected}",
        FileKind.Fifo => $"is a named pipe (FIFO), not a regular file; expected {kind.Expected}" +
                         (kind.FromStdin ? " (to stream one, pass '-' and pipe it to standard input)" : ""),
        FileKind.CharacterDevice or FileKind.BlockDevice => $"is a device, not a regular file; expected {kind.Expected}",
        FileKind.Socket => $"is a socket, not a regular file; expected {kind.Expected}",
        FileKind.Inaccessible => $"cannot be read ({reason}); expected {kind.Expected}",
        _ => $"is not a regular file; expected {kind.Expected}",
    };

    /// <summary>
    /// Opens the file and judges the open descriptor, not the path: between the check by path and the open, the path
    /// can become a FIFO (whose open waits for a writer forever), a device or another file. On Linux the open is
    /// non-blocking (a FIFO opens at once and is then refused), never takes a controlling terminal, and what was
    /// opened must be a regular file within the cap and the very file checked (<paramref name="identity"/>).
    /// </summary>
    private static FileStream OpenChecked(string path, string name, InputKind kind, long limit, string? identity)
    {
        if (!OperatingSystem.IsLinux()) return OpenPortable(path, name, kind);
        int fd;
        try { fd = open(path, ORdOnly | ONonBlock | ONoCtty | OCloExec); }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return OpenPortable(path, name, kind); }
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var why = errno switch { 2 or 20 => "file not found", 13 or 1 => "permission denied", _ => Marshal.GetPInvokeErrorMessage(errno) };
            throw new InputFileException(name, $"cannot be read ({why}); expected {kind.Expected}");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (FileKinds.OfHandle(handle) is { } opened)
            {
                if (Problem(opened.Kind, path, null, kind) is { } problem) throw new InputFileException(name, problem);
                if (identity is not null && opened.Identity != identity)
                    throw new InputFileException(name, $"changed while it was being opened (another process replaced it); expected {kind.Expected} that stays put while it is read");
                if (opened.Size > limit) throw TooLarge(name, kind, limit);
            }
            return new FileStream(handle, FileAccess.Read, 1 << 16);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FileStream OpenPortable(string path, string name, InputKind kind)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var why = e switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                _ => e.Message.ReplaceLineEndings(" "),
            };
            throw new InputFileException(name, $"cannot be read ({why}); expected {kind.Expected}", e);
        }
    }

    // Linux open(2) flags, the same on x86-64 and arm64.
    private const int ORdOnly = 0, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000;

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    /// <summary>The whole input as bytes (at most the cap).</summary>
    public static byte[] ReadAllBytes(string path, InputKind kind, long? maxBytes = null, string? display = null)
    {
        using var stream = Open(path, kind, maxBytes, display);
        using var buffer = new MemoryStream();
        Copy(stream, buffer, display ?? path, kind);
        return buffer.ToArray();
    }

    /// <summary>
    /// The whole text of a YAML input a pull request changes (stack config, waiver file, Pulumi.yaml): UTF-8 (a
    /// byte-order mark is skipped), decoded strictly, so random bytes are refused rather than turned into U+FFFD and
    /// parsed. UTF-16 is refused too, although Pulumi's YAML reader takes it: git and code review show a file of NUL
    /// bytes as binary, so a stack config converted to UTF-16 changed every value with no diff a reviewer could read.
    /// </summary>
    public static string ReadAllText(string path, InputKind kind, long? maxBytes = null, string? display = null)
    {
        var bytes = ReadAllBytes(path, kind, maxBytes, display);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            throw new InputFileException(display ?? path, $"UTF-16 text, which git and code review show as a binary file (a change " +
                                                          $"to it has no diff a reviewer can read); expected {kind.Expected} in UTF-8");
        try { return Decode(bytes); }
        catch (DecoderFallbackException)
        {
            throw new InputFileException(display ?? path, $"binary content (not UTF-8 text); expected {kind.Expected}");
        }
    }

    /// <summary>Strict decoding of UTF-8, or of UTF-16 announced by a byte-order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return new UnicodeEncoding(false, false, true).GetString(bytes[2..]);
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return new UnicodeEncoding(true, false, true).GetString(bytes[2..]);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    /// <summary>Replaces standard input for the current async flow (tests); dispose to restore.</summary>
    public static IDisposable RedirectStdin(Func<Stream> open)
    {
        var previous = StdinOverride.Value;
        StdinOverride.Value = new StdinSource(open, () => false, () => false);
        return new Restore(() => StdinOverride.Value = previous);
    }

    /// <summary>The refusal of an input over <paramref name="limit"/> (also for text that arrives already read).</summary>
    public static InputFileException TooLarge(string path, InputKind kind, long limit) =>
        new(path, $"larger than the {InputLimits.Describe(limit)} limit for {kind.Expected} (set {kind.SizeVariable} to raise it)");

    private static Stream OpenStdin(InputKind kind)
    {
        var source = StdinOverride.Value ?? ConsoleStdin;
        // An interactive terminal would wait for someone to type: refuse instead of hanging.
        if (source.IsTerminal())
            throw new InputFileException(StdinPath, $"standard input is a terminal; pipe {kind.Expected} into it (e.g. `pulumi stack export | enclave check --state -`)");
        // Closed at start, descriptor 0 is one of the runtime's own (its signal pipe): reading it would wait forever.
        if (source.IsClosed())
            throw new InputFileException(StdinPath, $"standard input is closed; pipe {kind.Expected} into it (e.g. `pulumi stack export | enclave check --state -`)");
        // Standard input can be read once: a second '-' would silently see an empty stream.
        if (Interlocked.Exchange(ref source.Used, 1) == 1)
            throw new InputFileException(StdinPath, $"standard input is already used by another input of this command; expected {kind.Expected} as a file path");
        return source.Open();
    }

    private sealed class StdinSource(Func<Stream> open, Func<bool> isTerminal, Func<bool> isClosed)
    {
        public int Used;
        public Stream Open() => open();
        public bool IsTerminal() => isTerminal();
        public bool IsClosed() => isClosed();
    }

    private static void Copy(Stream from, Stream to, string name, InputKind kind)
    {
        try { from.CopyTo(to); }
        catch (IOException e)
        {
            throw new InputFileException(name, $"cannot be read ({e.Message.ReplaceLineEndings(" ")}); expected {kind.Expected}", e);
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
