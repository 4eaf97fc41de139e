using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Testing;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>
/// The provider plugins behind the fake engine: any <see cref="IMocks"/> (the same fakes the unit tests use) answers
/// creates and invokes. Provider references the program sends ("&lt;urn&gt;::&lt;id the engine gave&gt;") are translated
/// to the ID the mocks gave that provider, so mocks that key on provider IDs (per-region fakes) see their own IDs.
/// </summary>
public sealed class MockProviders(IMocks mocks)
{
    private readonly ConcurrentDictionary<string, string> _providerIds = new(StringComparer.Ordinal);

    /// <summary>The engine configures explicit providers in previews too; the mocks learn about them either way.</summary>
    public async Task<string> ConfigureProviderAsync(RegisterResourceRequest request, string urn)
    {
        var (id, _) = await mocks.NewResourceAsync(Args(request));
        var providerId = string.IsNullOrEmpty(id) ? urn : id;
        _providerIds[urn] = providerId;
        return providerId;
    }

    /// <summary>An update's create: the ID and the outputs the provider returns (inputs echoed by most providers).</summary>
    public async Task<(string? Id, Struct Outputs)> CreateAsync(RegisterResourceRequest request)
    {
        var (id, state) = await mocks.NewResourceAsync(Args(request));
        return (id, ToStruct(state, request.Type));
    }

    public async Task<Struct> InvokeAsync(ResourceInvokeRequest request)
    {
        var result = await mocks.CallAsync(new MockCallArgs
        {
            Token = request.Tok,
            Args = PlainValues.ToPlain(request.Args),
            Provider = Translate(request.Provider),
        });
        return ToStruct(result, request.Tok);
    }

    private MockResourceArgs Args(RegisterResourceRequest request) => new()
    {
        Type = request.Type,
        Name = request.Name,
        Inputs = PlainValues.ToPlain(request.Object),
        Provider = Translate(request.Provider),
        Id = request.ImportId,
    };

    private string Translate(string reference)
    {
        var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
        {
            return reference;
        }
        var urn = reference[..separator];
        return _providerIds.TryGetValue(urn, out var id) ? $"{urn}::{id}" : reference;
    }

    private static Struct ToStruct(object? state, string what)
    {
        var value = PlainValues.ToValue(state);
        return value.KindCase == Value.KindOneofCase.StructValue
            ? value.StructValue
            : throw new InvalidOperationException($"the fake provider answered {what} with {state?.GetType().Name ?? "null"}, not an object");
    }
}
