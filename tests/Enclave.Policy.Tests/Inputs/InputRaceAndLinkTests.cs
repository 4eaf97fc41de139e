using System.Diagnostics;
using Enclave.Policy.Inputs;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>
/// The opener judges what it opened, not what a path named a moment before: a regular file swapped for a FIFO
/// between the check and the open hung the gate (the open of a FIFO waits for a writer), and a committed link leading
/// out of the checkout had the gate read, and quote in its errors, a file no reviewer saw.
/// </summary>
public sealed class InputRaceAndLinkTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-race-repo-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("enclave-race-out-").FullName;

    public InputRaceAndLinkTests() => Directory.CreateDirectory(Path.Combine(_repo, ".git"));

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private static void MkFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task A_file_swapped_for_a_fifo_after_the_check_is_refused_instead_of_hanging()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Path.Combine(_repo, "waivers.yaml");
        File.WriteAllText(path, "waivers: []\n");
        var open = Task.Run(() =>
        {
            using var _ = InputFile.BetweenCheckAndOpen(p =>
            {
                File.Delete(p);
                MkFifo(p);
            });
            return Assert.Throws<InputFileException>(() => InputFile.ReadAllText(path, InputKind.Waivers));
        });
        try
        {
            var e = await open.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal($"{path}: is a named pipe (FIFO), not a regular file; expected a YAML waiver file (to stream one, pass '-' and pipe it to standard input)", e.Message);
        }
        finally
        {
            // Before the fix the open waits for a writer: give it one so the test run does not keep a blocked thread.
            if (!open.IsCompleted) using (var writer = new FileStream(path, FileMode.Open, FileAccess.Write)) { }
        }
    }

    [Fact]
    public void A_file_replaced_by_another_after_the_check_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Path.Combine(_repo, "waivers.yaml");
        File.WriteAllText(path, "waivers: []\n");
        using var _ = InputFile.BetweenCheckAndOpen(p =>
        {
            var other = Path.Combine(_repo, "other.yaml");
            File.WriteAllText(other, "waivers: []\n");
            File.Move(other, p, overwrite: true);
        });
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(path, InputKind.Waivers));
        Assert.Contains("changed while it was being opened", e.Message);
    }

    [Fact]
    public void A_committed_waiver_link_leading_out_of_the_checkout_is_refused_without_quoting_the_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        var secret = Path.Combine(_outside, "id_rsa");
        File.WriteAllText(secret, "-----BEGIN OPENSSH PRIVATE KEY----- s3cr3t-material\n");
        var link = Path.Combine(_repo, "waivers.yaml");
        File.CreateSymbolicLink(link, secret);
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Load(link));
        Assert.True(e.Unreadable);
        Assert.DoesNotContain("s3cr3t", e.Message);
        Assert.DoesNotContain("OPENSSH", e.Message);
        Assert.Contains($"is reached through the symbolic link {link} in {_repo}, which leads out of it", e.Message);
    }

    [Fact]
    public void A_link_through_a_linked_folder_and_dot_dot_is_judged_where_the_kernel_goes()
    {
        if (!OperatingSystem.IsLinux()) return;
        // sub -> OUTSIDE/deep; waivers.yaml -> sub/../w.yaml reads as REPO/w.yaml lexically, but the kernel opens OUTSIDE/w.yaml.
        Directory.CreateDirectory(Path.Combine(_outside, "deep"));
        File.WriteAllText(Path.Combine(_outside, "w.yaml"), "not: [valid");
        File.WriteAllText(Path.Combine(_repo, "w.yaml"), "waivers: []\n");
        File.CreateSymbolicLink(Path.Combine(_repo, "sub"), Path.Combine(_outside, "deep"));
        var link = Path.Combine(_repo, "waivers.yaml");
        File.CreateSymbolicLink(link, "sub/../w.yaml");
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(link, InputKind.Waivers));
        Assert.Contains("leads out of it", e.Message);
    }

    [Fact]
    public void Links_that_stay_inside_the_checkout_or_live_outside_any_checkout_are_read()
    {
        if (!OperatingSystem.IsLinux()) return;
        var real = Path.Combine(_repo, "real.yaml");
        File.WriteAllText(real, "waivers: []\n");
        var inside = Path.Combine(_repo, "waivers.yaml");
        File.CreateSymbolicLink(inside, "real.yaml");
        Assert.Equal("waivers: []\n", InputFile.ReadAllText(inside, InputKind.Waivers));
        var users = Path.Combine(_outside, "mine.yaml");
        File.CreateSymbolicLink(users, real);
        Assert.Equal("waivers: []\n", InputFile.ReadAllText(users, InputKind.Waivers));
    }

    [Fact]
    public void The_resolver_stops_at_standard_output_and_follows_dot_dot_as_the_kernel_does()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal(PathEnd.StandardOutput, PathLinks.Resolve("/dev/stdout").End);
        Assert.Equal(PathEnd.StandardOutput, PathLinks.Resolve("/dev/fd/1").End);
        Assert.Equal(PathEnd.Descriptor, PathLinks.Resolve("/dev/stderr").End);
        Directory.CreateDirectory(Path.Combine(_outside, "deep"));
        File.CreateSymbolicLink(Path.Combine(_repo, "sub"), Path.Combine(_outside, "deep"));
        var r = PathLinks.Resolve(Path.Combine(_repo, "sub", "..", "x"));
        Assert.Equal(Path.Combine(_outside, "x"), r.Path);
        Assert.Equal(Path.Combine(_repo, "sub"), r.LeavingCheckout()?.At);
    }

    [Fact]
    public void A_committed_link_whose_walk_cannot_be_finished_is_refused_as_unknown_not_as_leading_out()
    {
        // repo/w.yaml -> /dev/fd/1/x: the resolver stops below an open descriptor. Not knowing where a committed link
        // leads counts against it, but the message said it "leads out of" the checkout, a path that was never there.
        if (!OperatingSystem.IsLinux()) return;
        var link = Path.Combine(_repo, "w.yaml");
        File.CreateSymbolicLink(link, "/dev/fd/1/x");
        var r = PathLinks.Resolve(link);
        Assert.Equal(PathEnd.Unreadable, r.End);
        var escape = Assert.NotNull(r.LeavingCheckout());
        var said = r.Describe(escape);
        Assert.DoesNotContain("leads out of it", said);
        Assert.Contains($"the symbolic link {link} in {_repo}, which cannot be followed to its end (a path below an open descriptor)", said);
        // A link that does lead out still says so.
        var outside = Path.Combine(_repo, "o.yaml");
        File.CreateSymbolicLink(outside, Path.Combine(_outside, "x"));
        var o = PathLinks.Resolve(outside);
        Assert.EndsWith(", which leads out of it", o.Describe(o.LeavingCheckout()!.Value));
    }
}
