using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Readers;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads deployed state: <c>pulumi stack export</c> (<c>{"version": 3 or 4, "deployment": …}</c>), the file-backend
/// checkpoint (<c>{"version", "checkpoint": {"stack", "config", "latest"}}</c>), or a bare deployment object
/// (<see cref="DeploymentReader"/> has the rules).
/// </summary>
public static class StateLoader
{
    /// <summary>The oldest deployment schema version read (3); <see cref="NewestVersion"/> is the newest (4).</summary>
    public const int SupportedVersion = DeploymentReader.OldestVersion;
    public const int NewestVersion = DeploymentReader.NewestVersion;

    public static ResourceGraph Load(string path, LoadLimits? limits = null) =>
        ArtifactLoader.LoadArtifact(path, ArtifactKind.StackExport, limits).Graph;

    public static ResourceGraph Parse(ReadOnlyMemory<byte> json, string source, LoadLimits? limits = null) =>
        ArtifactLoader.Parse(json, source, ArtifactKind.StackExport, limits).Graph;
}
