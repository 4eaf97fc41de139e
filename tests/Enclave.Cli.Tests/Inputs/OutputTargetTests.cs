using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;
using Enclave.Policy.Inputs;
using Enclave.Escaping;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12.3: `--output` never destroys what it points at. The report used to be moved over the path whatever it
/// was (as root, `--output /dev/stdout` replaced the /dev/stdout link with a regular file; a FIFO was replaced too).
/// These tests point --output only at links and FIFOs of their own, never at the machine's /dev entries.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string InRepo(string name) => Path.Combine(_h.Repo, name);

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    [Fact]
    public async Task Dash_writes_the_report_to_standard_output()
    {
        var (code, stdout, stderr) = await _h.Run("rules", "--format", "json", "-o", "-");
        Assert.Equal(0, code);
        Assert.Contains("\"rules\": [", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_link_to_standard_output_writes_there_and_stays_a_link()
    {
        if (!SpecialFiles.Supported) return;
        var link = SpecialFiles.LinkTo(InRepo("report.json"), "/dev/stdout");
        var (code, stdout, _) = await _h.Run("rules", "--format", "json", "--output", link);
        Assert.Equal(0, code);
        Assert.True(IsLink(link), "the link to /dev/stdout was replaced by a regular file");
        Assert.Contains("\"rules\": [", stdout);
    }

    [Fact]
    public async Task A_link_to_a_device_is_written_through_and_stays_a_link()
    {
        if (!SpecialFiles.Supported) return;
        var link = SpecialFiles.LinkTo(InRepo("report.json"), "/dev/null");
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "--output", link);
        Assert.True(code == 0, stderr);
        Assert.True(IsLink(link), "the link to /dev/null was replaced by a regular file");
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(link).Kind);
    }

    [Fact]
    public async Task A_fifo_receives_the_whole_report_and_stays_a_fifo()
    {
        if (!SpecialFiles.Supported) return;
        var fifo = SpecialFiles.Fifo(InRepo("report.fifo"));
        var reader = Task.Run(() => File.ReadAllText(fifo)); // a reader opens the other end, as `cat fifo` would
        var (code, _, stderr) = await SpecialFiles.Bounded(_h.Run("rules", "--format", "json", "--output", fifo));
        Assert.True(code == 0, stderr);
        var received = await SpecialFiles.Bounded(reader);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo).Kind);
        Assert.StartsWith("{", received);
        Assert.EndsWith("}\n", received.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_link_to_a_regular_file_replaces_the_file_and_keeps_the_link()
    {
        var real = InRepo("real.json");
        File.WriteAllText(real, "old report");
        var link = SpecialFiles.LinkTo(InRepo("latest.json"), real);
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "--output", link);
        Assert.True(code == 0, stderr);
        Assert.True(IsLink(link));
        Assert.Contains("\"rules\": [", File.ReadAllText(real));
        Assert.Empty(Directory.GetFiles(_h.Repo, "*.tmp"));
    }

    [Fact]
    public async Task A_regular_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        var file = InRepo("rules.md");
        File.WriteAllText(file, "old");
        var (code, _, _) = await _h.Run("rules", "--format", "markdown", "--output", file);
        Assert.Equal(0, code);
        Assert.StartsWith("|", File.ReadAllLines(file).First(l => l.StartsWith('|')));
        Assert.Empty(Directory.GetFiles(_h.Repo, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_directory_is_a_usage_error_and_is_left_alone()
    {
        var (code, _, stderr) = await _h.Run("rules", "--output", _h.Repo);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal($"enclave: error: --output {_h.Repo}: is a directory; expected a file path, or - for standard output\n", stderr.ReplaceLineEndings("\n"));
        Assert.True(Directory.Exists(_h.Repo));
    }

    /// <summary>A renderer that writes a large, hostile report in many pieces, then fails (as an exceeded budget does).</summary>
    private static void WritesThenFails(TextWriter w)
    {
        for (var i = 0; i < 20_000; i++) w.Write($"row {i} \u001b[31m\u202e\r");
        throw new InvalidOperationException("renderer failed midway");
    }

    [Fact]
    public void A_renderer_failing_midway_leaves_the_old_file_and_no_temporary_file()
    {
        var file = InRepo("report.txt");
        File.WriteAllText(file, "old report");
        var stdout = new StringWriter();
        Assert.Throws<InvalidOperationException>(() => OutputTarget.Write(file, stdout, WritesThenFails));
        Assert.Equal("old report", File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(_h.Repo, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void A_renderer_failing_midway_prints_nothing_to_standard_output()
    {
        var stdout = new StringWriter();
        Assert.Throws<InvalidOperationException>(() => OutputTarget.Write("-", stdout, WritesThenFails));
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void A_report_streamed_to_a_file_or_standard_output_is_escaped_exactly_as_the_document_escaper_does()
    {
        // Written in pieces that split a \r\n, an emoji's surrogate pair and an astral tag's pair across writes.
        string[] pieces = ["name \u001b[2J\r", "\nsmile \ud83d", "\ude42 tag \udb40", "\udc41 lone \ud800", "\tend\r"];
        var whole = SafeText.Document(string.Concat(pieces));
        var file = InRepo("escaped.txt");
        OutputTarget.Write(file, new StringWriter(), w => { foreach (var p in pieces) w.Write(p); });
        Assert.Equal(whole, File.ReadAllText(file));
        var stdout = new StringWriter();
        OutputTarget.Write(null, stdout, w => { foreach (var p in pieces) w.Write(p); });
        Assert.Equal(whole, stdout.ToString());
        Assert.DoesNotContain('\u001b', stdout.ToString());
        Assert.Contains("smile \ud83d\ude42 tag \\udb40\\udc41 lone \\ud800\tend\\r", stdout.ToString());
    }
}
