using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// Round 5 (hostile): keys inside an object value reach the program as Pulumi's reader turns them into text. go-yaml
/// reads a plain <c>True</c>, <c>0x10</c>, <c>1.0</c> or <c>~</c> key as a boolean, number or null, and Pulumi prints it
/// back with Go's %v (true, 16, 1, &lt;nil&gt;); the gate kept the text as written, so it judged another key than the
/// program got, and <c>{0x10: a, 16: b}</c> was two entries to the gate and one (the last) to Pulumi. Refused, one line.
/// </summary>
public class ObjectKeyTests
{
    [Theory]
    [InlineData("{True: a}", "True", "a boolean")]
    [InlineData("{0x10: a, 16: b}", "0x10", "a number")]
    [InlineData("{1.0: a}", "1.0", "a number")]
    [InlineData("{~: a}", "~", "null")]
    [InlineData("{us-ashburn-1: {null: a}}", "null", "null")]
    [InlineData("[{!!int 7: a}]", "7", "a number")]
    public void A_key_pulumi_reads_as_a_boolean_number_or_null_is_refused(string value, string key, string kind)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  demo:map: {value}\n");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.False(e.Unreadable);
        Assert.StartsWith("stacks/Pulumi.dev.yaml:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains($"key '{key}' is {kind} to Pulumi's YAML reader", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("{'True': a, \"0x10\": b, !!str 1.0: c}", """{"0x10":"b","1.0":"c","True":"a"}""")]
    [InlineData("{us-ashburn-1: a, 1-2: b, .5x: c, truely: d}", """{".5x":"c","1-2":"b","truely":"d","us-ashburn-1":"a"}""")]
    public void Quoted_and_ordinary_text_keys_read_as_written(string value, string json)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  demo:map: {value}\n");
        Assert.Equal(json, StackConfigFile.Load(repo.Root, "dev").Values["demo:map"]);
    }
}
