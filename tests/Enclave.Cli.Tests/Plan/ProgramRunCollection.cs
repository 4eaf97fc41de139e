namespace Enclave.Cli.Tests.Plan;

/// <summary>
/// Tests that run the real program offline. The SDK reads config from process-wide environment variables, so
/// these run alone (xunit runs a collection with parallelization disabled after all others, one test at a time).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProgramRunCollection
{
    public const string Name = "enclave plan of the real program (serial)";
}
