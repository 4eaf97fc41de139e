using System.Collections.Concurrent;
using Enclave.Policy.Graph;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Policies;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Verdicts;

namespace Enclave.PolicyPack.Session;

/// <summary>The pack cannot judge yet (no stack configuration), or was cancelled; becomes gRPC <c>FailedPrecondition</c>/<c>Cancelled</c>.</summary>
internal sealed class NotReadyException(string message, bool cancelled = false) : Exception(message)
{
    public bool Cancelled { get; } = cancelled;
}

/// <summary>
/// What one engine run told the pack, in the order a current engine calls: <c>Handshake</c> (its address, the pack's
/// directory), <c>ConfigureStack</c> (the stack and its config), <c>Configure</c> (per-policy levels and settings),
/// then <c>Analyze</c> for each resource as the program registers it and <c>AnalyzeStack</c> at the end. Without
/// <c>ConfigureStack</c> (older CLIs) the stack is read from the environment they set; without either the pack refuses
/// to judge, since the rules need the stack's gatekeepers and exclusions. <c>Cancel</c> is final.
/// </summary>
internal sealed class PackSession
{
    private readonly object _gate = new();
    private ConfiguredStack? _stack;
    private PolicyConfiguration _policies = PolicyConfiguration.Catalogue;
    // The inputs the program gave each resource (from Analyze), for AnalyzeStack, which shows only outputs.
    private readonly ConcurrentDictionary<string, MapValue> _inputs = new(StringComparer.Ordinal);
    private volatile bool _cancelled;

    public string? EngineAddress { get; private set; }
    public string? RootDirectory { get; private set; }

    public void Handshake(AnalyzerHandshakeRequest request)
    {
        EngineAddress = request.EngineAddress;
        RootDirectory = request.HasRootDirectory ? request.RootDirectory : null;
    }

    public void ConfigureStack(AnalyzerStackConfigureRequest request) => ConfigureStack(StackSettings.From(request));

    /// <summary>Judges <paramref name="stack"/> from now on (a new run: what earlier Analyze calls showed is forgotten).</summary>
    internal void ConfigureStack(ConfiguredStack stack)
    {
        lock (_gate)
        {
            _stack = stack;
            _inputs.Clear();
        }
    }

    public void Configure(ConfigureAnalyzerRequest request)
    {
        var policies = PolicyConfiguration.From(request);
        lock (_gate) _policies = policies;
    }

    public AnalyzerInfo Info()
    {
        lock (_gate) return PackPolicies.Info(_policies);
    }

    public AnalyzeResponse Analyze(AnalyzeRequest request)
    {
        var (stack, policies) = Ready();
        var graph = AnalyzerGraphs.Single(request, stack.Identity);
        _inputs[request.Urn] = graph.ByUrn(request.Urn)!.Inputs;
        return Judgement.Resource(graph, request.Urn, policies.Apply(stack.Policy), policies.ResourceRules, policies.Waivers);
    }

    public AnalyzeResponse AnalyzeStack(AnalyzeStackRequest request)
    {
        var (stack, policies) = Ready();
        var graph = AnalyzerGraphs.Stack(request, stack.Identity, _inputs);
        ThrowIfCancelled();
        var response = Judgement.Stack(graph, policies.Apply(stack.Policy), policies.Rules,
            _inputs.Keys.ToHashSet(StringComparer.Ordinal), policies.Waivers);
        ThrowIfCancelled();
        return response;
    }

    public void Cancel() => _cancelled = true;

    private (ConfiguredStack Stack, PolicyConfiguration Policies) Ready()
    {
        ThrowIfCancelled();
        lock (_gate)
        {
            _stack ??= StackSettings.FromEnvironment() ?? throw new NotReadyException(
                "no stack configuration: the engine did not call ConfigureStack (Pulumi CLI 3.170 or later does) and " +
                "PULUMI_STACK, PULUMI_PROJECT and PULUMI_CONFIG are not set; the isolation rules cannot judge without the " +
                "stack's gatekeepers, exclusions and regions");
            return (_stack, _policies);
        }
    }

    private void ThrowIfCancelled()
    {
        if (_cancelled) throw new NotReadyException("the engine cancelled this run; no further analysis", cancelled: true);
    }
}
