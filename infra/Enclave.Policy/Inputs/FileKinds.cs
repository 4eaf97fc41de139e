using System.Runtime.InteropServices;

namespace Enclave.Policy.Inputs;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind { Regular, Missing, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other, Inaccessible }

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket WITHOUT opening it: opening a FIFO for reading blocks until
/// a writer appears (a hang), and a device such as /dev/zero never ends. .NET reports all of these as ordinary
/// files, so on Linux the kernel is asked directly with <c>statx(2)</c>, whose buffer layout is the same on every
/// Linux architecture. Elsewhere (or on a libc without statx) only directories and paths under /dev are told apart.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100, AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxNlink = 0x4, StatxIno = 0x100, StatxSize = 0x200;
    private const int NlinkOffset = 16; // stx_nlink (u32)
    private const int InoOffset = 32, DevOffset = 136; // stx_ino (u64); stx_dev_major, stx_dev_minor (u32 each)
    private const int ModeOffset = 28, SizeOffset = 40; // struct statx: stx_mode (u16) and stx_size (u64)
    private const int ENOENT = 2, ENOTDIR = 20, EACCES = 13;

    private static bool _statxMissing;

    /// <summary>The kind and size (regular files) of <paramref name="path"/>, and for <see cref="FileKind.Inaccessible"/> the reason.</summary>
    public static (FileKind Kind, long Size, string? Reason) Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try { return Statx(path); }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _statxMissing = true; }
        }
        return Portable(path);
    }

    /// <summary>
    /// The kind, size and identity (as <see cref="Identity"/> gives it) of the file an open descriptor refers to: what
    /// was opened, not what the path names now (a path checked and then opened can be swapped in between). Null on a
    /// system without statx, where only the path can be asked.
    /// </summary>
    public static (FileKind Kind, long Size, string Identity)? OfHandle(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux() || _statxMissing) return null;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var buffer = new byte[256];
            if (statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxType | StatxSize | StatxIno, buffer) != 0) return null;
            return (KindOf(buffer), BitConverter.ToInt64(buffer, SizeOffset), IdentityOf(buffer));
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static string IdentityOf(byte[] buffer) =>
        $"{BitConverter.ToUInt32(buffer, DevOffset)}:{BitConverter.ToUInt32(buffer, DevOffset + 4)}:{BitConverter.ToUInt64(buffer, InoOffset)}";

    private static FileKind KindOf(byte[] buffer) => (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static (FileKind, long, string?) Statx(string path)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR
                ? (FileKind.Missing, 0, null)
                : (FileKind.Inaccessible, 0, errno == EACCES ? "permission denied" : Marshal.GetPInvokeErrorMessage(errno));
        }
        return (KindOf(buffer), BitConverter.ToInt64(buffer, SizeOffset), null);
    }

    private static (FileKind, long, string?) Portable(string path)
    {
        try
        {
            if (Directory.Exists(path)) return (FileKind.Directory, 0, null);
            var info = new FileInfo(path);
            if (!info.Exists) return (FileKind.Missing, 0, null);
            var target = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            if (target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith(@"\\.\", StringComparison.Ordinal))
                return (FileKind.CharacterDevice, 0, null);
            return (FileKind.Regular, info.Length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (FileKind.Inaccessible, 0, e.Message);
        }
    }

    /// <summary>
    /// What makes two paths the same file (device and inode on Linux, so hard links and symbolic links count; else
    /// the path with its links resolved), or null when nothing is there. Lets <c>--output</c> refuse an input's path.
    /// </summary>
    public static string? Identity(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try
            {
                var buffer = new byte[256];
                if (statx(AtFdCwd, path, 0, StatxType | StatxIno, buffer) != 0) return null;
                return IdentityOf(buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _statxMissing = true; }
        }
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// How many names (hard links) the file <paramref name="path"/> resolves to has, or null when that cannot be told
    /// (not Linux, nothing there). More than one means the same bytes may also be reached from anywhere on the
    /// file system, which a symbolic-link check cannot see.
    /// </summary>
    public static uint? LinkCount(string path)
    {
        if (!OperatingSystem.IsLinux() || _statxMissing) return null;
        try
        {
            var buffer = new byte[256];
            if (statx(AtFdCwd, path, 0, StatxNlink, buffer) != 0) return null;
            return BitConverter.ToUInt32(buffer, NlinkOffset);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
