using Enclave.Offline.Stacks;

namespace Enclave.Tests.Support;

/// <summary>The repository's real stacks, loaded the way the Pulumi CLI hands them to the program.</summary>
public static class StackFiles
{
    public static readonly string[] Stacks = ["dev", "staging", "prod"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static StackConfig Load(string stack) => StackConfigFile.Load(RepositoryRoot, stack);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (Pulumi.yaml + stacks/) not found above the test binaries");
    }
}
