namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>One pack process shared by the tests of a class (each test configures the stack it needs).</summary>
public sealed class PackFixture : IAsyncLifetime
{
    private PackProcess? _pack;

    public PackProcess Pack => _pack ?? throw new InvalidOperationException("the pack has not started");

    public async Task InitializeAsync() => _pack = await PackProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_pack is not null) await _pack.DisposeAsync();
    }
}
