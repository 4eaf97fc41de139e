using System.Reflection;

namespace Enclave.Engine.Tests.Running;

/// <summary>
/// A built program: its project directory (where the language host runs it) and its entry assembly (run with
/// <c>dotnet</c>) or published executable (run as is).
/// </summary>
public sealed record ProgramUnderTest(string Directory, string Dll);

/// <summary>Where the built programs and the repository are (recorded at build time by the test project).</summary>
public static class Programs
{
    public static ProgramUnderTest Probe => new(Metadata("ProbeDirectory"), Metadata("ProbeProgram"));

    /// <summary>
    /// The enclave program (Pulumi.yaml's main), run from infra/Enclave as the language host does: the build the test
    /// project made, or the published program named by <see cref="ProgramVariable"/> (a ReadyToRun or Native AOT
    /// executable, Pulumi.yaml's runtime.options.binary), so the same conformance tests judge what is deployed.
    /// </summary>
    public static ProgramUnderTest Enclave => new(Metadata("EnclaveDirectory"),
        Environment.GetEnvironmentVariable(ProgramVariable) is { Length: > 0 } published ? Path.GetFullPath(published, RepoRoot) : Metadata("EnclaveProgram"));

    /// <summary>
    /// Names a published enclave program to test instead of the build, relative to the repository root or absolute
    /// (docs/deploy.md, "Native AOT").
    /// </summary>
    public const string ProgramVariable = "ENCLAVE_ENGINE_TESTS_PROGRAM";

    public static string RepoRoot => Metadata("RepoRoot");

    private static string Metadata(string key)
        => typeof(Programs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
