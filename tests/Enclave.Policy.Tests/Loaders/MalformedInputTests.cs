using System.Text;
using Enclave.Policy.Loaders;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>Broken inputs end in one ArtifactLoadException naming file, position and what was expected.</summary>
public class MalformedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("enclave-loader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    private static ArtifactLoadException Fails(string path) => Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Load(path));

    [Fact]
    public void Missing_file()
    {
        var e = Fails(Path.Combine(_dir, "absent.json"));
        Assert.Contains("absent.json: file not found; expected a JSON file", e.Message);
    }

    [Fact]
    public void Directory_instead_of_file() => Assert.Contains("is a directory", Fails(_dir).Message);

    [Fact]
    public void Empty_file() => Assert.Contains("file is empty", Fails(File("empty.json", [])).Message);

    [Fact]
    public void Truncated_json_names_line_and_column()
    {
        var full = PulumiJson.Export(CompliantEnclave.Build());
        var e = Fails(File("cut.json", Encoding.UTF8.GetBytes(full[..(full.Length / 2)])));
        Assert.Contains("truncated", e.Message);
        Assert.NotNull(e.Line);
        Assert.Matches(@"cut\.json:\d+:\d+: ", e.Message);
    }

    [Fact]
    public void Malformed_json_names_the_position()
    {
        var e = Fails(File("bad.json", Encoding.UTF8.GetBytes("{\n  \"steps\": [ }\n")));
        Assert.Equal(2, e.Line);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void Binary_content_is_named_as_such() =>
        Assert.Contains("binary content", Fails(File("x.bin", [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x01, 0x02])).Message);

    [Fact]
    public void Text_before_the_json_is_explained() =>
        Assert.Contains("other command output", Fails(File("noise.json", Encoding.UTF8.GetBytes("Installing policy pack...\n{\"steps\": []}"))).Message);

    [Fact]
    public void Utf16_output_from_powershell_is_read()
    {
        var json = PulumiJson.Preview(CompliantEnclave.Build());
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray();
        Assert.NotEmpty(ArtifactLoader.Load(File("ps.json", bytes)).Resources);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_lone_surrogate_is_refused_not_replaced(bool bigEndian)
    {
        // A name holding a lone high surrogate would otherwise decode to U+FFFD, so two different names in the file
        // could read as one and the same to the gate.
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var head = encoding.GetBytes("{\"steps\": [], \"x\": \"a");
        var lone = bigEndian ? new byte[] { 0xD8, 0x00 } : new byte[] { 0x00, 0xD8 };
        var tail = encoding.GetBytes("b\"}");
        var bytes = encoding.GetPreamble().Concat(head).Concat(lone).Concat(tail).ToArray();
        var e = Fails(File("lone.json", bytes));
        Assert.Contains("not valid UTF-16", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_with_the_limit()
    {
        var deep = "{\"steps\": [{\"op\": \"create\", \"urn\": \"urn:pulumi:d::p::a:b:C::x\", \"newState\": {\"inputs\": {\"x\": " +
                   new string('[', 1000) + new string(']', 1000) + "}}}]}";
        var e = Fails(File("deep.json", Encoding.UTF8.GetBytes(deep)));
        Assert.Contains("deeper than 256", e.Message);
    }

    [Fact]
    public void Empty_object_from_a_failed_preview() => Assert.Contains("preview failed", Fails(File("empty-obj.json", "{}"u8.ToArray())).Message);

    [Fact]
    public void Unrecognised_json_lists_the_accepted_formats() =>
        Assert.Contains("expected `pulumi preview --json` output", Fails(File("other.json", "{\"hello\": 1}"u8.ToArray())).Message);

    [Fact]
    public void Update_plans_are_refused() => Assert.Contains("update plans", Fails(File("plan.json", "{\"version\": 1, \"plan\": {}}"u8.ToArray())).Message);

    [Fact]
    public void Top_level_array_is_refused() => Assert.Contains("a JSON list at the top level; expected an object", Fails(File("arr.json", "[1,2]"u8.ToArray())).Message);

    [Fact]
    public void Wrong_shape_names_the_json_path()
    {
        var e = Fails(File("shape.json", """{ "steps": [ { "op": "create", "urn": 42 } ] }"""u8.ToArray()));
        Assert.Equal("$.steps[0].urn", e.JsonPath);
        Assert.Contains("expected a URN string, found the number 42", e.Message);
    }

    [Fact]
    public void Expected_kind_mismatch_is_refused()
    {
        var path = File("preview.json", Encoding.UTF8.GetBytes(PulumiJson.Preview(CompliantEnclave.Build())));
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.LoadArtifact(path, ArtifactKind.StackExport));
        Assert.Contains("expected a `pulumi stack export` or a checkpoint but the file is `pulumi preview --json` output", e.Message);
    }

    [Fact]
    public void Files_over_the_size_limit_are_refused_before_reading()
    {
        var path = File("big.json", new byte[2048]);
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.LoadArtifact(path, limits: new LoadLimits { MaxFileBytes = 1024 }));
        Assert.Contains("larger than", e.Message);
    }

    [Fact]
    public void A_junk_line_in_an_event_log_is_quoted_short()
    {
        // Before: the reader's message quoted the junk and everything after it in its buffer, so the one error line
        // echoed 4,000 characters of the following events.
        var events = string.Join("\n", Enumerable.Range(0, 50).Select(i => "{\"sequence\":" + i + ",\"timestamp\":1,\"stdoutEvent\":{\"message\":\"" + new string('x', 200) + "\",\"color\":\"never\"}}"));
        var message = Fails(File("log.json", System.Text.Encoding.UTF8.GetBytes("{\"sequence\":0,\"timestamp\":1,\"cancelEvent\":{}}\nthis is junk\n" + events))).Message;
        Assert.Matches(@"log\.json:2:\d+: malformed JSON: 'this is junk", message);
        Assert.Contains("…' is an invalid JSON literal", message);
        Assert.True(message.Length < 400, message);
    }

    [Fact]
    public void Numbers_out_of_range_are_refused() =>
        Assert.Contains("number out of range: 1e999 is past what a 64-bit float holds (about ±1.8e308), which Pulumi's Go reader refuses too; expected a finite number", Fails(File("num.json", """{ "steps": [ { "op": "create", "urn": "urn:pulumi:d::p::a:b:C::x", "newState": { "type": "a:b:C", "inputs": { "n": 1e999 } } } ] }"""u8.ToArray())).Message);
}
