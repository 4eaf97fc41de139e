using System.Collections.Immutable;
using Grpc.Core;
using Pulumi.Testing;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>How the fake engine answers: which operation it runs and what its providers return.</summary>
public sealed record FakeEngineOptions
{
    /// <summary>
    /// Feature ids the engine answers true for (the real engine's frozen list, protocol reference §3.3);
    /// anything else is answered false.
    /// </summary>
    public static readonly ImmutableHashSet<string> EngineFeatures = ImmutableHashSet.Create(
        "secrets", "resourceReferences", "outputValues", "aliasSpecs", "deletedWith", "transforms",
        "invokeTransforms", "parameterization", "resourceHooks");

    public required string Project { get; init; }
    public required string Stack { get; init; }

    /// <summary>Preview (<c>pulumi preview</c>, PULUMI_DRY_RUN=true) or update (<c>pulumi up</c>).</summary>
    public required bool DryRun { get; init; }

    public ImmutableHashSet<string> Features { get; init; } = EngineFeatures;

    /// <summary>
    /// The provider plugins: what a create returns (update only: a preview creates nothing) and what each provider
    /// function returns (both modes). An exception from the mocks becomes the engine's error for that request.
    /// </summary>
    public required IMocks Providers { get; init; }

    /// <summary>A non-null status refuses the registration with that gRPC error, as the engine does on a bad request.</summary>
    public Func<RegisterResourceRequest, Status?> Refuse { get; init; } = _ => null;

    /// <summary>The step result the engine reports (with supportsResultReporting); FAIL/SKIP come without outputs.</summary>
    public Func<RegisterResourceRequest, Result> StepResult { get; init; } = _ => Result.Success;

    /// <summary>Older engines do not implement SignalAndWaitForShutdown.</summary>
    public bool ShutdownUnimplemented { get; init; }
}
