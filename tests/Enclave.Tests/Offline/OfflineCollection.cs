namespace Enclave.Tests.Offline;

/// <summary>
/// Tests that run the program under the SDK mock engine. The SDK reads config from process-wide environment
/// variables, so these never run in parallel with any other test (xunit runs a non-parallel collection alone).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OfflineCollection
{
    public const string Name = "Pulumi program runs (serial)";
}
