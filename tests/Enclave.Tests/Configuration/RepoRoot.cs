namespace Enclave.Tests.Configuration;

/// <summary>The repository root (the folder holding Pulumi.yaml and stacks/), found from the test binaries upwards.</summary>
internal static class RepoRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "stacks")))
                return dir.FullName;
        throw new InvalidOperationException($"no Pulumi.yaml above {AppContext.BaseDirectory}");
    }
}
