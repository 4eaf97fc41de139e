using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary><c>pulumirpc.Engine</c>: records log messages. (The .NET SDK never calls the root-resource RPCs.)</summary>
public sealed class EngineService(EngineRecording recording) : Pulumirpc.Engine.EngineBase
{
    public override Task<Empty> Log(LogRequest request, ServerCallContext context)
    {
        recording.Add(request);
        return Task.FromResult(new Empty());
    }
}
