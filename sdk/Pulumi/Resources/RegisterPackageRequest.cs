namespace Pulumi;

/// <summary>
/// Describes a parameterized package for registration. This subset does not support parameterized packages:
/// the type exists so that constructor signatures match the official SDK, but it cannot be constructed.
/// </summary>
public sealed class RegisterPackageRequest
{
    public string Name { get; }
    public string Version { get; }
    public string DownloadUrl { get; }
    public Dictionary<string, byte[]> Checksums { get; }

    private RegisterPackageRequest(string name, string version, string downloadUrl, Dictionary<string, byte[]> checksums)
    {
        Name = name;
        Version = version;
        DownloadUrl = downloadUrl;
        Checksums = checksums;
    }
}
