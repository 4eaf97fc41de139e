using Enclave.Escaping;
using Enclave.PolicyPack.Hosting;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Policies;
using Enclave.PolicyPack.Session;
using Enclave.PolicyPack.Verdicts;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Enclave.PolicyPack.Protocol;

/// <summary>
/// The <c>pulumirpc.Analyzer</c> service: each RPC hands its request to the <see cref="PackSession"/> and turns what
/// goes wrong into one gRPC status with a one-line message (what was wrong and what is valid), never a stack trace.
/// A bad request fails that call only; the pack keeps serving.
/// </summary>
internal sealed class AnalyzerService(PackSession session, ILogger<AnalyzerService> log) : Analyzer.AnalyzerBase
{
    public override Task<AnalyzerHandshakeResponse> Handshake(AnalyzerHandshakeRequest request, ServerCallContext context) =>
        Run("Handshake", context, () =>
        {
            session.Handshake(request);
            return new AnalyzerHandshakeResponse();
        });

    public override Task<AnalyzerStackConfigureResponse> ConfigureStack(AnalyzerStackConfigureRequest request, ServerCallContext context) =>
        Run("ConfigureStack", context, () =>
        {
            session.ConfigureStack(request);
            return new AnalyzerStackConfigureResponse();
        });

    public override Task<Empty> Configure(ConfigureAnalyzerRequest request, ServerCallContext context) =>
        Run("Configure", context, () =>
        {
            session.Configure(request);
            return new Empty();
        });

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Run("GetPluginInfo", context, () => new PluginInfo { Version = PackPolicies.Version });

    public override Task<AnalyzerInfo> GetAnalyzerInfo(Empty request, ServerCallContext context) =>
        Run("GetAnalyzerInfo", context, session.Info);

    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context) =>
        Run("Analyze", context, () => session.Analyze(request));

    public override Task<AnalyzeResponse> AnalyzeStack(AnalyzeStackRequest request, ServerCallContext context) =>
        Run("AnalyzeStack", context, () => session.AnalyzeStack(request));

    /// <summary>This pack never rewrites a resource (the engine skips packs that do not remediate).</summary>
    public override Task<RemediateResponse> Remediate(AnalyzeRequest request, ServerCallContext context) =>
        Run("Remediate", context, () => new RemediateResponse());

    public override Task<Empty> Cancel(Empty request, ServerCallContext context) =>
        Run("Cancel", context, () =>
        {
            session.Cancel();
            return new Empty();
        });

    private Task<T> Run<T>(string method, ServerCallContext context, Func<T> call) where T : IMessage
    {
        T answer;
        try
        {
            answer = call();
        }
        catch (Exception e) when (StatusFor(e) is { } status)
        {
            log.LogWarning("{Method}: {Status}", method, status.Detail);
            throw new RpcException(status);
        }
        // Outside the try: the guard only affects the connection, never turns a good answer into an error.
        LargeAnswerGuard.AfterAnswer(answer, context);
        return Task.FromResult(answer);
    }

    /// <summary>The gRPC status the engine gets for an exception a call threw: one escaped line, never a stack trace.</summary>
    internal static Status? StatusFor(Exception e) => e switch
    {
        MalformedRequestException or PolicyConfigException or StackSettingsException =>
            new Status(StatusCode.InvalidArgument, SafeText.Escape(e.Message, SafeText.LineLength)),
        NotReadyException { Cancelled: true } => new Status(StatusCode.Cancelled, e.Message),
        NotReadyException => new Status(StatusCode.FailedPrecondition, e.Message),
        Enclave.Policy.Reports.AccessBudgetException => new Status(StatusCode.ResourceExhausted, SafeText.Escape(e.Message, SafeText.LineLength)),
        Enclave.Policy.Engine.RuleEvaluationException => new Status(StatusCode.Internal,
            SafeText.Escape($"{e.Message} (a rule of the pack failed; please report it)", SafeText.LineLength)),
        Enclave.Policy.Engine.GateFaultException => new Status(StatusCode.Internal,
            SafeText.Escape($"{e.Message} (the pack's evaluator failed; please report it)", SafeText.LineLength)),
        _ => new Status(StatusCode.Internal, $"internal error: {e.GetType().Name} (please report it)"),
    };
}
