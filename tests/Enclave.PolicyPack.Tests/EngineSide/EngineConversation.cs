using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// The engine's side of one `pulumi preview` with the pack (or, with <c>dryRun: false</c>, of the update that follows it),
/// in the order a current engine calls: Handshake (its address,
/// the pack's directory as root and program directory), GetPluginInfo, GetAnalyzerInfo, ConfigureStack, Configure (when
/// a `--policy-pack-config` is given), Analyze for every registered resource, parents first, then AnalyzeStack.
/// </summary>
public static class EngineConversation
{
    public sealed record Result(StackVerdicts Verdicts, IReadOnlyList<AnalyzeResponse> ResourceAnswers, AnalyzeResponse StackAnswer)
    {
        public IEnumerable<AnalyzeDiagnostic> Diagnostics => ResourceAnswers.Append(StackAnswer).SelectMany(a => a.Diagnostics);
    }

    public static async Task<Result> PreviewAsync(PackProcess pack, ResourceGraph graph, Offline.Stacks.StackConfig config,
        ConfigureAnalyzerRequest? policyConfig = null, bool handshake = true, bool configureStack = true, bool dryRun = true)
    {
        var requests = new EngineRequests(graph, config);
        var client = pack.Client;
        if (handshake)
            await client.HandshakeAsync(new AnalyzerHandshakeRequest
            {
                EngineAddress = pack.EngineAddress,
                RootDirectory = PackProcess.PackDirectory,
                ProgramDirectory = PackProcess.PackDirectory,
            });
        await client.GetPluginInfoAsync(new Empty());
        await client.GetAnalyzerInfoAsync(new Empty());
        if (configureStack) await client.ConfigureStackAsync(requests.ConfigureStack(dryRun));
        if (policyConfig is not null) await client.ConfigureAsync(policyConfig);
        var answers = new List<AnalyzeResponse>();
        foreach (var node in requests.Registered) answers.Add(await client.AnalyzeAsync(requests.Analyze(node)));
        var stack = await client.AnalyzeStackAsync(requests.AnalyzeStack());
        var rules = RuleCatalogue.All.Select(r => r.Info.Id);
        return new Result(StackVerdicts.FromPack(answers, stack, rules), answers, stack);
    }
}
