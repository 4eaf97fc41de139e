using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>Makes the files a hostile repository or command line can point an input at: FIFOs and links to devices.</summary>
public static class SpecialFiles
{
    /// <summary>Linux only (where CI runs and where the kernel is asked what a path is).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>A fixture of the check tests (Check/Fixtures).</summary>
    public static string CheckFixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Check", "Fixtures", name);

    public static string Fifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return path;
    }

    public static string LinkTo(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>An input that is never refused must not hang the test run: fail after a generous bound instead.</summary>
    public static Task<T> Bounded<T>(Task<T> run) => run.WaitAsync(TimeSpan.FromSeconds(30));
}

/// <summary>Standard input that never ends (what `&lt; /dev/zero` or `yes |` gives a command).</summary>
public sealed class EndlessStream(byte fill) : Stream
{
    public long Served { get; private set; }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Served; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill(fill);
        Served += count;
        return count;
    }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
