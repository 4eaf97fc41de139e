using System.Reflection;

namespace Enclave.Engine.Tests.Running;

/// <summary>A built program: its project directory (where the language host runs it) and its entry assembly.</summary>
public sealed record ProgramUnderTest(string Directory, string Dll);

/// <summary>Where the built programs and the repository are (recorded at build time by the test project).</summary>
public static class Programs
{
    public static ProgramUnderTest Probe => new(Metadata("ProbeDirectory"), Metadata("ProbeProgram"));

    /// <summary>The enclave program (Pulumi.yaml's main), run from infra/Enclave as the language host does.</summary>
    public static ProgramUnderTest Enclave => new(Metadata("EnclaveDirectory"), Metadata("EnclaveProgram"));

    public static string RepoRoot => Metadata("RepoRoot");

    private static string Metadata(string key)
        => typeof(Programs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
