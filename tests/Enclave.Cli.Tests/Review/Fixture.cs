using System.Runtime.CompilerServices;

namespace Enclave.Cli.Tests.Review;

/// <summary>Paths of the JSON fixtures next to this file (found from the source location, no copy step needed).</summary>
public static class Fixture
{
    /// <summary>The value planted in every secret of the fixtures; no output may ever contain it.</summary>
    public const string PlantedSecret = "PLANTED-SECRET-7f3a9c";

    public static string Path(string name) => System.IO.Path.Combine(Here(), "Fixtures", name);

    private static string Here([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file)!;
}

/// <summary>Files of this repository, found from this source file's location.</summary>
public static class RepoFile
{
    public static string Path(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Here(), "..", "..", "..", relative));

    private static string Here([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file)!;
}
