using Enclave.PolicyPack.Tests.EngineSide;
using YamlDotNet.RepresentationModel;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// The example workflow deploys with the policy pack and the committed policy config, builds the pack first, and lets
/// `pulumi up` run its own preview (where the stack rules block before any change).
/// </summary>
public sealed class DeployWorkflowTests
{
    [Fact]
    public void Deploy_job_runs_pulumi_up_with_the_policy_pack_and_its_committed_config()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(PackProcess.RepoRoot, ".github", "workflows", "enclave.yml"))) stream.Load(reader);
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["jobs"];
        var runs = ((YamlSequenceNode)((YamlMappingNode)jobs["deploy"])["steps"]).Children.Cast<YamlMappingNode>()
            .Select(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) ? ((YamlScalarNode)run).Value ?? "" : "")
            .ToList();

        var up = runs.FindIndex(r => r.Contains("pulumi up", StringComparison.Ordinal));
        var build = runs.FindIndex(r => r.Contains("dotnet build infra/Enclave.PolicyPack", StringComparison.Ordinal));
        Assert.True(up >= 0 && build >= 0 && build < up, "the pack is built before pulumi up");
        Assert.Contains("--policy-pack infra/Enclave.PolicyPack", runs[up]);
        Assert.Contains("--policy-pack-config infra/Enclave.PolicyPack/policy-config.json", runs[up]);
        // Without up's own preview, the stack rules would only judge the stack after the update changed it.
        Assert.DoesNotContain("--skip-preview", runs[up]);
        Assert.Single(runs, r => r.Contains("pulumi up", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(PackProcess.PackDirectory, "policy-config.json")));
    }
}
