using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// Round 4 of issue 12: the gate lists exactly the stacks Pulumi can select. A stack file named with a Cyrillic
/// look-alike or a zero-width character was silently left out of `check` (which then printed PASSED for dev, prod
/// and staging while the reviewer saw "Pulumi.prod.yaml" change), and `Pulumi._x.yaml`, a name Pulumi accepts, was
/// skipped too. Names go by Pulumi's rule; a file named like a stack file that Pulumi cannot select is refused.
/// </summary>
public class StackNameTests
{
    private const string Config = "config:\n  demo:region: us-phoenix-1\n";

    [Theory]
    [InlineData("pr\u043Ed", "Pulumi.pr\\u043ed.yaml")]      // Cyrillic o
    [InlineData("pr\u200Bod", "Pulumi.pr\\u200bod.yaml")]     // zero-width space
    [InlineData("prod ", "Pulumi.prod .yaml")]
    [InlineData("prod\u00A0", "Pulumi.prod\\u00a0.yaml")]
    public void A_stack_file_pulumi_cannot_select_is_refused_not_skipped(string name, string shown)
    {
        using var repo = new TempRepo().Stack("prod", Config).Stack(name, Config);
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.ListStacks(repo.Root));
        Assert.StartsWith($"stacks/{shown}: is named like a stack file, but Pulumi takes only stack names", e.Message);
        Assert.False(e.Unreadable);
    }

    [Fact]
    public void A_name_longer_than_pulumi_takes_is_refused()
    {
        using var repo = new TempRepo().Stack(new string('a', 101), Config);
        Assert.Throws<StackConfigException>(() => StackConfigFile.ListStacks(repo.Root));
    }

    [Theory]
    [InlineData("_x")]
    [InlineData("-x")]
    [InlineData(".x")]
    [InlineData("prod.eu_2")]
    public void Every_name_pulumi_accepts_is_listed_and_read(string name)
    {
        using var repo = new TempRepo().Stack(name, Config);
        Assert.Equal([name], StackConfigFile.ListStacks(repo.Root).ToArray());
        Assert.Equal("us-phoenix-1", StackConfigFile.Load(repo.Root, name).Values["demo:region"]);
    }

    [Fact]
    public void A_name_with_a_trailing_line_break_is_no_stack()
    {
        // .NET's `$` matches before a final "\n"; the rule is anchored at the very end, as Go's `$` is.
        using var repo = new TempRepo().Stack("prod", Config);
        Assert.Contains("no such stack", Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "prod\n")).Message);
    }

    [Theory]
    [InlineData("0o")]
    [InlineData("0x")]
    [InlineData("")]
    public void An_integer_longer_than_64_bits_is_read_as_go_yaml_reads_it(string prefix)
    {
        // Integers went through BigInteger, whose parse and print are quadratic: 900,000 digits took 17-25 s of CPU
        // before the key was even looked at. go-yaml (Pulumi's reader) has no integer past 64 bits: such a scalar is a
        // float when it is a finite one, else the string it is written as.
        var digits = prefix + new string(prefix == "0o" ? '7' : '9', 900_000);
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  demo:big: [{digits}]\n");
        Assert.Equal($"[\"{digits}\"]", StackConfigFile.Load(repo.Root, "dev").Values["demo:big"]);
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("18446744073709551616", "1.8446744073709552E+19")]
    [InlineData("0xff", "255")]
    [InlineData("0o17", "15")]
    [InlineData("+007", "7")]
    [InlineData("0x10000000000000000", "\"0x10000000000000000\"")]
    [InlineData("060", "48")]        // a leading 0 is octal to Go: Pulumi hands the program 48, so must the gate
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")]
    [InlineData("08", "8")]          // no octal: go-yaml's float
    [InlineData("-0", "0")]
    [InlineData("!!int \"2\"", "2")]
    [InlineData("!!float 2", "2")]
    [InlineData("!!str 2", "\"2\"")]
    public void Integers_are_read_as_go_yaml_reads_them(string written, string json)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  demo:n: [{written}]\n");
        Assert.Equal($"[{json}]", StackConfigFile.Load(repo.Root, "dev").Values["demo:n"]);
    }

    [Fact]
    public void A_value_tagged_with_a_type_it_is_not_is_refused()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:n: [!!int abc]\n");
        Assert.Contains("'abc' is tagged !!int but is not one", Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev")).Message);
    }

    [Theory]
    [InlineData(".inf", "infinite")]
    [InlineData("-.Inf", "infinite")]
    [InlineData("+.INF", "infinite")]
    [InlineData(".nan", "not a number")]
    [InlineData(".NaN", "not a number")]
    [InlineData("!!float .NAN", "not a number")]
    public void Infinity_and_nan_inside_a_value_are_refused_as_pulumi_refuses_them(string written, string what)
    {
        // Round 5: read as the strings ".inf" / ".nan", they passed the gate; go-yaml reads floats, which Pulumi cannot
        // marshal to JSON for the program, so `pulumi up` fails on the stack. Refused in one line naming file and line.
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  demo:n: [1, {written}]\n");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.False(e.Unreadable);
        Assert.StartsWith("stacks/Pulumi.dev.yaml:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is a float that is {what} to Pulumi's YAML reader", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("demo:n: .inf", ".inf")]                          // top level: a string to Pulumi too
    [InlineData("demo:n: ['.inf', \".nan\"]", "[\".inf\",\".nan\"]")] // quoted: text
    [InlineData("demo:n: [inf, nan, .infinity]", "[\"inf\",\"nan\",\".infinity\"]")] // not go-yaml's spellings
    [InlineData("demo:n: [2001-12-14t21:59:43.10-05:00, 2002-12-14]", "[\"2001-12-14t21:59:43.10-05:00\",\"2002-12-14\"]")]
    public void Look_alikes_and_timestamps_read_as_the_text_go_yaml_gives_the_program(string line, string json)
    {
        // go-yaml decodes a timestamp into an untyped value as the string written (for compatibility), so the program
        // receives it unchanged, and so does the gate.
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  {line}\n");
        Assert.Equal(json, StackConfigFile.Load(repo.Root, "dev").Values["demo:n"]);
    }

    [Fact]
    public void A_timestamp_tag_is_refused_in_one_line()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:n: [!!timestamp 2002-12-14]\n");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.Contains("tag !!timestamp is not read here", e.Message, StringComparison.Ordinal);
    }
}
