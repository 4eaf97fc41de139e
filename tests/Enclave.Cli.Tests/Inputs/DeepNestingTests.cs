using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12.1, JSON side: nesting up to the loaders' depth limit is loaded, judged by every rule and rendered by every
/// format without overflowing the stack; one level more is refused as unreadable input.
/// </summary>
public sealed class DeepNestingTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>A preview whose one resource has an input nested <paramref name="levels"/> lists deep.</summary>
    private string Preview(int levels) => _h.Write($"deep-{levels}.json", $$"""
        { "steps": [ { "op": "create", "urn": "urn:pulumi:dev::us-data-enclave::oci:Core/vcn:Vcn::v",
          "newState": { "urn": "urn:pulumi:dev::us-data-enclave::oci:Core/vcn:Vcn::v", "type": "oci:Core/vcn:Vcn", "custom": true,
            "inputs": { "cidrBlocks": {{new string('[', levels)}}"10.0.0.0/16"{{new string(']', levels)}} } } } ] }
        """);

    [Theory]
    [InlineData("check", "text")]
    [InlineData("check", "json")]
    [InlineData("check", "sarif")]
    [InlineData("check", "junit")]
    [InlineData("check", "markdown")]
    [InlineData("diff", "text")]
    [InlineData("diff", "markdown")]
    [InlineData("diff", "json")]
    public async Task Nesting_at_the_limit_is_judged_and_rendered(string command, string format)
    {
        string[] repo = command == "diff" ? ["--repo", _h.Repo] : []; // the harness adds --repo to check itself
        var (code, stdout, stderr) = await _h.Run([command, "--preview-json", Preview(250), "--format", format, .. repo]);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, stderr);
        Assert.NotEqual("", stdout);
    }

    [Fact]
    public async Task Nesting_past_the_limit_is_unreadable_input()
    {
        var (code, _, stderr) = await _h.Run("check", "--preview-json", Preview(300));
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("nested deeper than 256 levels", stderr);
    }
}
