using System.Runtime.InteropServices;
using Enclave.Policy.Inputs;
using Microsoft.Win32.SafeHandles;

namespace Enclave.Cli.Common;

/// <summary>
/// The folder an <c>--output</c> report is written into, held open by descriptor (Linux, x86-64 and arm64): every
/// later step (the existing file's permissions, the temporary file, the rename, a write-through) acts on names IN
/// that descriptor with <c>O_NOFOLLOW</c>, never on a path walked again. The resolved path was judged (no link out of
/// a checkout, not an input, not Pulumi's); a folder or the file itself swapped for a symbolic link between that
/// judgement and the write (another job, a process racing CI) made the write land wherever the new link pointed.
/// Opening walks the judged path one component at a time, each without following a link: the resolver left no link
/// on it, so one met now is a swap, and the write is refused (exit 3) with nothing written anywhere.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    private readonly SafeFileHandle _fd;
    private readonly string _path;

    private OutputDirectory(SafeFileHandle fd, string path)
    {
        _fd = fd;
        _path = path;
    }

    /// <summary>Whether descriptor-based writes are available here (else the caller writes by path, as before).</summary>
    public static bool Supported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// Opens <paramref name="directory"/> (absolute, already resolved, no link on it) without following any link.
    /// Null when it does not exist; <see cref="CliException"/> when a component is now a link or not a folder.
    /// </summary>
    public static OutputDirectory? Open(string directory, string shown)
    {
        var fd = Native.open("/", Native.OPath | Native.ODirectory | Native.OCloExec);
        if (fd < 0) throw Failed(shown, directory, Marshal.GetLastPInvokeError());
        foreach (var part in directory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Native.openat(fd, part, Native.OPath | Native.ODirectory | Native.ONoFollow | Native.OCloExec, 0);
            var errno = next < 0 ? Marshal.GetLastPInvokeError() : 0;
            Native.close(fd);
            if (next >= 0) { fd = next; continue; }
            if (errno == Native.ENOENT) return null;
            if (errno is Native.ENXIO or Native.EISDIR) throw Changed(shown); // now a FIFO or a folder: judged a regular file or nothing
            throw Failed(shown, directory, errno);
        }
        return new OutputDirectory(new SafeFileHandle(fd, ownsHandle: true), directory);
    }

    /// <summary>
    /// The permissions of the regular file <paramref name="name"/> the report replaces, null when there is none. It
    /// must still be a regular file (not a link, FIFO or device swapped in: the rename would destroy it); another
    /// regular file in its place (a concurrent run's report) is replaced like the one judged. A read-only one (no write
    /// permission for this user, or no write bit at all) is refused as <c>&gt;</c> would refuse it.
    /// </summary>
    public UnixFileMode? ExistingMode(string name, string shown)
    {
        var fd = Native.openat(_fd.DangerousGetHandle().ToInt32(), name, Native.OWrOnly | Native.ONoFollow | Native.ONonBlock | Native.ONoCtty | Native.OCloExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Native.ENOENT) return null;
            if (errno is Native.ENXIO or Native.EISDIR) throw Changed(shown); // now a FIFO or a folder: judged a regular file or nothing
            if (errno is Native.EACCES or Native.EPERM)
                throw CliException.Input($"--output {shown}: is read-only; make it writable or remove it, or choose another file");
            throw Failed(shown, Path.Join(_path, name), errno);
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var opened = FileKinds.OfHandle(handle);
        if (opened is { Kind: not FileKind.Regular }) throw Changed(shown);
        if (OperatingSystem.IsWindows()) return null; // never here: Supported is Linux only (the analyzer needs the guard)
        var mode = File.GetUnixFileMode(handle);
        const UnixFileMode writable = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if ((mode & writable) == 0) // root opens it anyway: a file with no write bit at all is read-only by intent
            throw CliException.Input($"--output {shown}: is read-only; make it writable or remove it, or choose another file");
        return mode;
    }

    /// <summary>Creates <paramref name="name"/> in this folder (it must not exist; never through a link).</summary>
    public FileStream Create(string name, int bufferSize)
    {
        var fd = Native.openat(_fd.DangerousGetHandle().ToInt32(), name, Native.OWrOnly | Native.OCreat | Native.OExcl | Native.ONoFollow | Native.OCloExec, 0b110_110_110);
        if (fd < 0) throw new IOException($"cannot create {name} ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize);
    }

    /// <summary>Renames <paramref name="from"/> over <paramref name="to"/>, both in this folder (an atomic replace).</summary>
    public void Rename(string from, string to)
    {
        var fd = _fd.DangerousGetHandle().ToInt32();
        if (Native.renameat(fd, from, fd, to) != 0)
            throw new IOException($"cannot rename the report into place ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
    }

    /// <summary>Removes <paramref name="name"/> from this folder, if it is there.</summary>
    public void TryDelete(string name) => Native.unlinkat(_fd.DangerousGetHandle().ToInt32(), name, 0);

    /// <summary>
    /// Opens the existing non-regular file <paramref name="name"/> (a FIFO, a device) for writing, without following a
    /// link, and requires it to be the very file judged (<paramref name="judged"/>: kind and identity).
    /// </summary>
    public FileStream OpenExisting(string name, FileKind kind, string? judged, string shown, int bufferSize)
    {
        // Blocking, as `>` is: a FIFO waits for its reader. O_NOCTTY: a terminal never becomes our controlling one.
        var fd = Native.openat(_fd.DangerousGetHandle().ToInt32(), name, Native.OWrOnly | Native.ONoFollow | Native.ONoCtty | Native.OCloExec, 0);
        if (fd < 0) throw Failed(shown, Path.Join(_path, name), Marshal.GetLastPInvokeError());
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (FileKinds.OfHandle(handle) is { } o && (o.Kind != kind || o.Identity != judged))
        {
            handle.Dispose();
            throw Changed(shown);
        }
        return new FileStream(handle, FileAccess.Write, bufferSize);
    }

    public void Dispose() => _fd.Dispose();

    private static CliException Changed(string shown) =>
        CliException.Input($"--output {shown}: changed while the report was being written (another process replaced it or a folder on its way); " +
                           "nothing was written; expected a file or folder that stays put");

    private static CliException Failed(string shown, string at, int errno) => errno switch
    {
        Native.ELOOP or Native.ENOTDIR => Changed(shown),
        Native.EACCES or Native.EPERM => CliException.Input($"--output {shown}: cannot be written ({at}: permission denied)"),
        _ => CliException.Input($"--output {shown}: cannot be written ({at}: {Marshal.GetPInvokeErrorMessage(errno)})"),
    };

    /// <summary>Linux open(2) flags and errno values; O_DIRECTORY and O_NOFOLLOW differ between x86-64 and arm64.</summary>
    private static class Native
    {
        private static readonly bool Arm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        public const int OWrOnly = 0x1, OCreat = 0x40, OExcl = 0x80, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000, OPath = 0x200000;
        public static readonly int ODirectory = Arm64 ? 0x4000 : 0x10000;
        public static readonly int ONoFollow = Arm64 ? 0x8000 : 0x20000;
        public const int EPERM = 1, ENOENT = 2, ENXIO = 6, EACCES = 13, EISDIR = 21, ENOTDIR = 20, ELOOP = 40;

        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int openat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        public static extern int renameat(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);

        [DllImport("libc", SetLastError = true)]
        public static extern int unlinkat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
