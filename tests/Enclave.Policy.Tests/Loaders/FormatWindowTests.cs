using System.Text;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Round 14 of issue 12: a file whose first megabyte held no key naming its format (a 5 MB first key, 300k keys before
/// "deployment") was called "JSON ends before the document is complete (truncated file?)" at column 1048577: the
/// format sniffer re-read its 1 MiB window as if it were the whole file. It now says what it looked for, and where.
/// </summary>
public class FormatWindowTests
{
    private const string Export = "\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"},\"resources\":[]}}";

    [Theory]
    [InlineData("many keys")]
    [InlineData("one long key")]
    public void No_format_key_in_the_first_mebibyte_is_named_as_such_not_as_a_truncated_file(string shape)
    {
        var head = shape == "many keys"
            ? "{" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"\"k{i}\":{i},"))
            : "{\"" + new string('k', 3 << 20) + "\":1,";
        var json = Encoding.UTF8.GetBytes(head + Export);
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(json, "export.json", ArtifactKind.StackExport));
        Assert.DoesNotContain("truncated", e.Message);
        Assert.Equal("export.json at $: no top-level key in the first 1 MiB names the format; a file pulumi writes names itself in its first keys " +
                     "(\"steps\", \"deployment\", \"checkpoint\", an event's \"sequence\"), as an enclave plan does (\"kind\": \"enclave-plan\")", e.Message);
    }

    [Fact]
    public void A_cut_file_is_still_called_truncated()
    {
        var json = Encoding.UTF8.GetBytes("{\"version\":3,\"deployment\":{\"resources\":[{\"urn\":\"urn:pul");
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(json, "export.json", ArtifactKind.StackExport));
        Assert.Contains("truncated file?", e.Message);
    }
}
