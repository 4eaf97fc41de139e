using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// Each shipped stack through a pack started as the current engine starts it: nothing blocks `pulumi up`, and the
/// pack's verdicts are `enclave check`'s, rule by rule (the same findings, and the same rules with something to judge).
/// </summary>
public sealed class ShippedStackTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task Stack_passes_the_pack_exactly_as_it_passes_enclave_check(string stack)
    {
        var (graph, config) = await Stacks.PreviewAsync(stack);
        await using var pack = await PackProcess.StartAsync();

        var result = await EngineConversation.PreviewAsync(pack, graph, config);
        var check = await StackVerdicts.EnclaveCheckAsync(stack);

        Assert.Empty(result.Diagnostics.Where(d => d.EnforcementLevel == EnforcementLevel.Mandatory).Select(d => $"{d.PolicyName} {d.Urn}: {d.Message}"));
        Assert.Empty(result.Verdicts.DifferencesFrom(check, "the pack", "enclave check"));
        // Every rule is accounted for: it judged something in this stack, or it says it had nothing to judge.
        Assert.NotEmpty(result.Verdicts.Applicable);
    }

    [Fact]
    public async Task Prod_passes_under_the_committed_policy_config_the_example_workflow_deploys_with()
    {
        var (graph, config) = await Stacks.PreviewAsync("prod");
        await using var pack = await PackProcess.StartAsync();
        var info = await pack.Client.GetAnalyzerInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());
        var policyConfig = PolicyPackConfigFile.Read(Path.Combine(PackProcess.PackDirectory, "policy-config.json"), info);

        var result = await EngineConversation.PreviewAsync(pack, graph, config, policyConfig);

        Assert.Empty(result.Diagnostics.Select(d => $"{d.PolicyName} {d.Urn}: {d.Message}"));
        var configured = await pack.Client.GetAnalyzerInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());
        Assert.Equal(EnforcementLevel.Mandatory, configured.Policies.Single(p => p.Name == "ENC-DB-005").EnforcementLevel);
    }
}
