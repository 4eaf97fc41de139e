using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// Round 5 (hostile): go-yaml (Pulumi's reader) never calls Pulumi's config-value reader for a null node, so a stack
/// value written <c>~</c>, <c>null</c> or nothing reaches the program as "" (Go's zero string). The gate read the text
/// as written: <c>oci:region: ~</c> was the region "~" to the gate and no region at all, the provider's own default,
/// to Pulumi. Inside a list or object a null stays JSON null, as Pulumi marshals it.
/// </summary>
public class PulumiNullTests
{
    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("")]
    [InlineData("!!null ~")]
    [InlineData("!!null")]
    public void A_null_stack_value_is_the_empty_string_as_pulumi_hands_it_over(string written)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  oci:region: {written}\n  demo:n: [1, ~]\n");
        var config = StackConfigFile.Load(repo.Root, "dev");
        Assert.Equal("", config.Values["oci:region"]);
        Assert.Equal("[1,null]", config.Values["demo:n"]);
    }

    [Theory]
    [InlineData("'~'", "~")]
    [InlineData("\"null\"", "null")]
    [InlineData("nil", "nil")]
    public void A_quoted_null_spelling_is_text(string written, string text)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: us-phoenix-1\n  oci:region: {written}\n");
        Assert.Equal(text, StackConfigFile.Load(repo.Root, "dev").Values["oci:region"]);
    }

    [Fact]
    public void A_value_tagged_null_that_is_not_one_is_refused()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  oci:region: !!null us-ashburn-1\n");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.StartsWith("stacks/Pulumi.dev.yaml:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("'us-ashburn-1' is tagged !!null but is not one", e.Message, StringComparison.Ordinal);
    }
}
