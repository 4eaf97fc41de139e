using System.Text;
using Enclave.Policy.Inputs;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>The shared opener: size caps while streaming, strict text, configurable limits.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("enclave-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_before_reading_naming_the_limit_and_its_variable()
    {
        var path = Write("big.yaml", new byte[4096]);
        var e = Assert.Throws<InputFileException>(() => InputFile.Open(path, InputKind.Waivers, maxBytes: 1024));
        Assert.Equal($"{path}: larger than the 1 KiB limit for a YAML waiver file (set ENCLAVE_MAX_YAML_BYTES to raise it)", e.Message);
    }

    [Fact]
    public void Standard_input_is_capped_while_it_streams()
    {
        using var _ = InputFile.RedirectStdin(() => new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 5000))));
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadAllText("-", InputKind.StackConfig, maxBytes: 4096));
        Assert.StartsWith("-: larger than the 4 KiB limit", e.Message);
    }

    [Fact]
    public void Input_exactly_at_the_cap_is_read()
    {
        using var _ = InputFile.RedirectStdin(() => new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 4096))));
        Assert.Equal(4096, InputFile.ReadAllText("-", InputKind.StackConfig, maxBytes: 4096).Length);
    }

    [Fact]
    public void A_name_that_is_not_utf8_says_so_instead_of_only_not_found()
    {
        // `check --state $'\xff.json'` said "file not found" beside a file `ls` lists: .NET turned the byte into U+FFFD.
        var e = Assert.Throws<InputFileException>(() => InputFile.Open(Path.Combine(_dir, "\uFFFD.json"), InputKind.Artifact));
        Assert.Contains("file not found (its name is not UTF-8", e.Message);
    }

    [Theory]
    [InlineData(long.MaxValue)]     // ENCLAVE_MAX_JSON_BYTES=9223372036854775807, a valid setting
    [InlineData(long.MaxValue - 1)]
    public void The_largest_caps_read_the_whole_input(long cap)
    {
        // Round 5: "cap - read + 1" overflowed at long.MaxValue to a read of no byte: every file and standard input read
        // as empty ("file is empty", "Pulumi.yaml: is empty") under a size setting the README documents as valid.
        var path = Write("whole.yaml", Encoding.UTF8.GetBytes("a: 1\n"));
        Assert.Equal("a: 1\n", InputFile.ReadAllText(path, InputKind.StackConfig, maxBytes: cap));
        using var _ = InputFile.RedirectStdin(() => new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 70_000))));
        Assert.Equal(70_000, InputFile.ReadAllText("-", InputKind.StackConfig, maxBytes: cap).Length);
    }

    [Fact]
    public void Text_is_strict_utf8_and_utf16_needs_its_byte_order_mark()
    {
        Assert.Equal("a: 1", InputFile.ReadAllText(Write("bom.yaml", [0xEF, 0xBB, 0xBF, .. "a: 1"u8]), InputKind.Waivers));
        // Round 5: UTF-16 YAML is refused (git shows it as binary: no diff for the reviewer); JSON artifacts still stream it.
        Assert.EndsWith("utf16.yaml: UTF-16 text, which git and code review show as a binary file (a change to it has no diff a reviewer " +
                        "can read); expected a YAML waiver file in UTF-8",
            Assert.Throws<InputFileException>(() => InputFile.ReadAllText(Write("utf16.yaml", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: 1")]), InputKind.Waivers)).Message);
        Assert.Throws<InputFileException>(() => InputFile.ReadAllText(Write("utf16be.yaml", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("a: 1")]), InputKind.StackConfig));
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(Write("latin1.yaml", [0x61, 0x3A, 0x20, 0xE9]), InputKind.Waivers));
        Assert.EndsWith("latin1.yaml: binary content (not UTF-8 text); expected a YAML waiver file", e.Message);
        var binary = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(Write("nul.yaml", [0x61, 0x00, 0x62]), InputKind.Waivers));
        Assert.Contains("binary content (NUL bytes)", binary.Message);
    }

    [Fact]
    public void A_missing_file_names_what_is_valid() =>
        Assert.EndsWith("none.yaml: file not found; expected a YAML stack config (Pulumi.<stack>.yaml)",
            Assert.Throws<InputFileException>(() => InputFile.Open(Path.Combine(_dir, "none.yaml"), InputKind.StackConfig)).Message);

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("5M", 5L * 1024 * 1024)]
    [InlineData("5MiB", 5L * 1024 * 1024)]
    [InlineData("2g", 2L * 1024 * 1024 * 1024)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("lots", null)]
    [InlineData("99999999999999999999G", null)]
    public void Size_settings_are_bytes_with_an_optional_binary_suffix(string text, long? bytes) =>
        Assert.Equal(bytes, InputLimits.Parse(text));

    [Fact]
    public void A_size_variable_overrides_the_default_and_a_bad_one_is_a_usage_error()
    {
        const string variable = "ENCLAVE_TEST_INPUT_LIMIT_VARIABLE";
        try
        {
            Assert.Equal(77, InputLimits.MaxBytes(variable, 77));
            Environment.SetEnvironmentVariable(variable, "2K");
            Assert.Equal(2048, InputLimits.MaxBytes(variable, 77));
            Environment.SetEnvironmentVariable(variable, "a lot");
            var e = Assert.Throws<InputLimitException>(() => InputLimits.MaxBytes(variable, 77));
            Assert.Equal($"{variable}=a lot: expected a positive size in bytes, optionally with K, M or G (e.g. 5M)", e.Message);
        }
        finally { Environment.SetEnvironmentVariable(variable, null); }
    }
}
