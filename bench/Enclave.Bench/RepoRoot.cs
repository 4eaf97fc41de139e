namespace Enclave.Bench;

/// <summary>The repository (folder with Pulumi.yaml): ENCLAVE_REPO, else up from the current or the assembly folder.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("ENCLAVE_REPO") is { Length: > 0 } explicitRoot) return explicitRoot;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        throw new InvalidOperationException("no Pulumi.yaml above the current or the benchmark folder; set ENCLAVE_REPO");
    }
}
