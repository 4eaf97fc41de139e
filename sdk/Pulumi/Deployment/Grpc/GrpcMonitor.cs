using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace Pulumi;

/// <summary>
/// The resource monitor (<c>pulumirpc.ResourceMonitor</c> at PULUMI_MONITOR). Requests and responses pass
/// through unchanged; a refused call becomes an error that names what was refused and why, reported against
/// the resource when there is one, instead of a bare gRPC status with a stack trace.
/// </summary>
internal sealed class GrpcMonitor : IMonitor
{
    private readonly ResourceMonitor.ResourceMonitorClient _client;

    public GrpcMonitor(string address)
    {
        _client = new ResourceMonitor.ResourceMonitorClient(GrpcChannels.For(address));
    }

    public Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request)
        => CallAsync(() => _client.SupportsFeatureAsync(request).ResponseAsync, $"Asking the engine whether it supports '{request.Id}'");

    public async Task<RegisterResourceResponse> RegisterResourceAsync(Resource resource, RegisterResourceRequest request)
    {
        try
        {
            return await _client.RegisterResourceAsync(request).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new ResourceException($"The engine refused to register {request.Type} '{request.Name}': {Describe(e)}", resource, hideStack: true);
        }
    }

    public async Task<ReadResourceResponse> ReadResourceAsync(Resource resource, ReadResourceRequest request)
    {
        try
        {
            return await _client.ReadResourceAsync(request).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new ResourceException($"The engine could not read {request.Type} '{request.Name}' (id {request.Id}): {Describe(e)}", resource, hideStack: true);
        }
    }

    public Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request)
        => CallAsync(() => _client.RegisterResourceOutputsAsync(request).ResponseAsync, $"Registering the outputs of {request.Urn}");

    public Task<InvokeResponse> InvokeAsync(ResourceInvokeRequest request)
        => CallAsync(() => _client.InvokeAsync(request).ResponseAsync, $"Invoke of '{request.Tok}'");

    public Task<CallResponse> CallAsync(ResourceCallRequest request)
        => CallAsync(() => _client.CallAsync(request).ResponseAsync, $"Call of '{request.Tok}'");

    public async Task SignalAndWaitForShutdownAsync()
    {
        try
        {
            await _client.SignalAndWaitForShutdownAsync(new Empty()).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // Engines older than the RPC do not wait for the program; nothing to signal.
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new RunException($"{what} failed: {Describe(e)}", e);
        }
    }

    private static string Describe(RpcException e)
        => string.IsNullOrEmpty(e.Status.Detail) ? e.StatusCode.ToString() : $"{e.Status.Detail} ({e.StatusCode})";
}
