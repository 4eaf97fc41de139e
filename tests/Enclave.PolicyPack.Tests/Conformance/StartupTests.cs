using System.Text.Json;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// The pack starts each way an engine starts it, announces its port on the first line of standard output, and
/// answers the metadata RPCs: every rule of the catalogue is a policy, with the rule's id, title, rationale,
/// remediation, severity, enforcement, scope and CIS OCI v3.0 mapping.
/// </summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(StartPath.LanguageHost)]
    [InlineData(StartPath.Executable)]
    public async Task Pack_started_by_a_current_engine_describes_every_rule_as_a_policy(StartPath path)
    {
        await using var pack = await PackProcess.StartAsync(path);

        await pack.Client.HandshakeAsync(new AnalyzerHandshakeRequest
        {
            EngineAddress = pack.EngineAddress, RootDirectory = PackProcess.PackDirectory, ProgramDirectory = PackProcess.PackDirectory,
        });
        var plugin = await pack.Client.GetPluginInfoAsync(new Empty());
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());

        Assert.Equal(PulumiPolicyYaml.Version, plugin.Version);
        Assert.Equal(PulumiPolicyYaml.Version, info.Version);
        Assert.Equal("enclave-isolation", info.Name);
        Assert.True(info.SupportsConfig);
        Assert.Equal(RuleCatalogue.All.Select(r => r.Info.Id), info.Policies.Select(p => p.Name));
        foreach (var rule in RuleCatalogue.All.Select(r => r.Info))
        {
            var policy = info.Policies.Single(p => p.Name == rule.Id);
            Assert.Equal(rule.Title, policy.DisplayName);
            Assert.Equal(rule.Rationale, policy.Message);
            Assert.Equal(rule.Remediation, policy.RemediationSteps);
            Assert.Equal(rule.Enforcement == Enforcement.Mandatory ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory, policy.EnforcementLevel);
            Assert.Equal(rule.Severity.ToString(), policy.Severity.ToString());
            Assert.Equal(rule.Scope == RuleScope.Resource ? PolicyType.Resource : PolicyType.Stack, policy.PolicyType);
            if (rule.Cis is null) Assert.Null(policy.Framework);
            else Assert.Equal(("CIS Oracle Cloud Infrastructure Foundations Benchmark", "3.0", rule.Cis),
                (policy.Framework.Name, policy.Framework.Version, policy.Framework.Reference));
            Assert.Equal(policy.EnforcementLevel, info.InitialConfig[rule.Id].EnforcementLevel);
        }
    }

    [Fact]
    public async Task Pack_started_by_an_older_engine_through_the_launcher_judges_the_stack_from_the_environment()
    {
        var (graph, config) = await Stacks.PreviewAsync("dev");
        await using var pack = await PackProcess.StartAsync(StartPath.Launcher, new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = config.Stack,
            ["PULUMI_PROJECT"] = config.Project,
            ["PULUMI_CONFIG"] = JsonSerializer.Serialize(config.Values),
            ["PULUMI_DRY_RUN"] = "true",
        });

        // Older engines neither handshake nor configure the stack.
        var result = await EngineConversation.PreviewAsync(pack, graph, config, handshake: false, configureStack: false);

        Assert.Empty(result.Diagnostics.Where(d => d.EnforcementLevel == EnforcementLevel.Mandatory).Select(d => d.ToString()));
        Assert.Contains("ENC-NET-002", result.Verdicts.Applicable);
        Assert.Equal(PulumiPolicyYaml.Version, (await pack.Client.GetPluginInfoAsync(new Empty())).Version);
    }

    [Fact]
    public void PulumiPolicy_yaml_names_the_dotnet_runtime_and_the_pack_version()
    {
        Assert.Equal("dotnet", PulumiPolicyYaml.Field("runtime"));
        Assert.Equal(Policies.PackPolicies.Version, PulumiPolicyYaml.Version);
    }
}

/// <summary>The fields of infra/Enclave.PolicyPack/PulumiPolicy.yaml the engine reads.</summary>
public static class PulumiPolicyYaml
{
    public static string Version => Field("version");

    public static string Field(string name) =>
        File.ReadLines(Path.Combine(PackProcess.PackDirectory, "PulumiPolicy.yaml"))
            .Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(l => l[(name.Length + 1)..].Trim()).Single();
}
