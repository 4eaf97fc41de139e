using System.IO.Compression;
using System.Text;
using Enclave.Policy.Inputs;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>
/// A compressed artifact or text in another encoding is refused in one line that says what it is and what to do,
/// whichever loader reads it: the shared opener recognises it from its first bytes, before any parser sees it.
/// </summary>
public sealed class BinaryContentTests : IDisposable
{
    private const string Export = "{\"version\": 3, \"deployment\": {\"resources\": []}}";
    private readonly string _dir = Directory.CreateTempSubdirectory("enclave-binary-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static byte[] Zip(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("export.json").Open()) entry.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string> Inputs() => new()
    {
        { "gzip", Gzip(Export), "binary content (gzip-compressed data; decompress it first (gunzip))" },
        { "zip", Zip(Export), "binary content (a zip archive; extract the file from it first)" },
        { "zstd", [0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x58, 0x61, 0x00], "binary content (zstd-compressed data; decompress it first (zstd -d))" },
        { "xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], "binary content (xz-compressed data; decompress it first (xz -d))" },
        { "bzip2", [.. "BZh91AY&SY"u8, 0x12, 0x34], "binary content (bzip2-compressed data; decompress it first (bunzip2))" },
        { "utf32-bom", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Export)], "binary content (UTF-32 text; save it as UTF-8)" },
        { "utf32", new UTF32Encoding(false, false).GetBytes(Export), "binary content (NUL bytes: UTF-32 text without a byte-order mark? save it as UTF-8)" },
        { "utf32be", new UTF32Encoding(true, false).GetBytes(Export), "binary content (NUL bytes: UTF-32 text without a byte-order mark? save it as UTF-8)" },
        { "utf16", Encoding.Unicode.GetBytes(Export), "binary content (NUL bytes: UTF-16 text without a byte-order mark? save it as UTF-8)" },
        { "utf16be", Encoding.BigEndianUnicode.GetBytes(Export), "binary content (NUL bytes: UTF-16 text without a byte-order mark? save it as UTF-8)" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_artifact_is_refused_naming_what_it_is(string name, byte[] bytes, string expected)
    {
        var path = Write(name + ".json", bytes);
        var e = Assert.ThrowsAny<Exception>(() => ArtifactLoader.LoadArtifact(path, ArtifactKind.StackExport));
        Assert.Contains($"{path}: {expected}; expected ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_yaml_input_is_refused_the_same_way(string name, byte[] bytes, string expected)
    {
        var path = Write(name + ".yaml", bytes);
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(path, InputKind.Waivers));
        Assert.Equal($"{path}: {expected}; expected a YAML waiver file", e.Message);
    }

    [Fact]
    public void Text_that_merely_starts_like_a_signature_is_read()
    {
        // "BZh" alone is text (a YAML key); only the whole bzip2 signature names it.
        var path = Write("bzh.yaml", Encoding.UTF8.GetBytes("BZh9: 1\n"));
        Assert.Equal("BZh9: 1\n", InputFile.ReadAllText(path, InputKind.Waivers));
    }
}
