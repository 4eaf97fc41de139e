using Enclave.Policy.Engine;
using Enclave.Policy.Reports;
using Enclave.Policy.Tests.Engine;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// Issue 12, hostile item 1: reports are streamed, never built whole. The JUnit writer buffered the whole document,
/// copied it to an array and then to a string (a 10k-resource report of 80,000 failures: 130 MB of XML, 890 MB of
/// memory); the Markdown writer built every row of a comment it then cut to 60,000 characters (400 MB). Each is held
/// to what it allocates per character it writes.
/// </summary>
public class ReportMemoryTests
{
    // 2,000 policies granting any-user everything: ~16,000 failures, each message up to 1.3 KB.
    private static readonly Lazy<ReportSet> Failing = new(() =>
        new ReportSet([FindingBudgetTests.Judge(FindingBudgetTests.Policies(2_000, FindingBudgetTests.AnyUser),
            new FindingBudget { FloorBytes = 1L << 30 })], null, false));

    /// <summary>Characters written, nothing kept: what the writer allocates is its own.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Written { get; private set; }
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => Written++;
        public override void Write(char[] buffer, int index, int count) => Written += count;
        public override void Write(ReadOnlySpan<char> buffer) => Written += buffer.Length;
        public override void Write(string? value) => Written += value?.Length ?? 0;
    }

    private static (long Allocated, long Written) Render(IReportWriter writer)
    {
        var set = Failing.Value;
        var output = new CountingWriter();
        var before = GC.GetAllocatedBytesForCurrentThread();
        writer.Write(set, output);
        return (GC.GetAllocatedBytesForCurrentThread() - before, output.Written);
    }

    [Fact]
    public void JUnit_is_written_as_it_is_made()
    {
        var (allocated, written) = Render(new JUnitReportWriter());
        Assert.True(written > 10_000_000, $"{written:N0} characters");
        // Buffered, the document was allocated about five times over (the growing buffer, its array, its string);
        // streamed, only each finding's own text is made (its message and escapes).
        Assert.True(allocated < 3 * written, $"{allocated:N0} bytes allocated for {written:N0} characters");
    }

    [Fact]
    public void Markdown_stops_building_at_the_length_it_keeps()
    {
        var (allocated, written) = Render(new MarkdownReportWriter());
        Assert.InRange(written, MarkdownReportWriter.MaxLength, MarkdownReportWriter.MaxLength + 200);
        Assert.True(allocated < 8_000_000, $"{allocated:N0} bytes allocated for a {written:N0}-character comment");
    }

    [Fact]
    public void Json_and_sarif_stay_streamed()
    {
        foreach (IReportWriter writer in new IReportWriter[] { new JsonReportWriter(), new SarifReportWriter() })
        {
            var (allocated, written) = Render(writer);
            Assert.True(allocated < 3 * written, $"{writer.GetType().Name}: {allocated:N0} bytes allocated for {written:N0} characters");
        }
    }
}
