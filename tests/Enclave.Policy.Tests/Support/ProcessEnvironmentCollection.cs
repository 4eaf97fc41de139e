namespace Enclave.Policy.Tests.Support;

/// <summary>
/// Tests that set a process-wide ENCLAVE_* variable the engine reads by default: they run alone (xunit runs a
/// collection with parallelization disabled after all others, one test at a time), so no other test sees the value.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment (serial)";
}
