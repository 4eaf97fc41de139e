using System.Reflection;

namespace Enclave.Tests.Support;

/// <summary>
/// Whether Stryker.NET is capturing per-test coverage right now (docs/testing.md, "a cache Stryker can see through").
/// Stryker injects a <c>MutantControl</c> class into the mutated <c>Enclave</c> assembly; its data collector sets the
/// class's static <c>CaptureCoverage</c> during the coverage run only. The per-stack caches (<see cref="EnclaveRun"/>,
/// <c>OfflinePlans</c>) bypass themselves while it is set, so every test runs the program itself and is credited with
/// every mutant it reaches, not only the test that happened to fill the cache. During the mutant runs the caches are
/// on again: with <c>disable-mix-mutants</c> every test of a session runs under the same mutant, so a cached run is
/// that mutant's run. Outside Stryker (no such class) this is always false and costs one reflection lookup.
/// </summary>
internal static class MutationCoverage
{
    private static readonly FieldInfo? CaptureCoverage = typeof(EnclaveStack).Assembly.GetTypes()
        .FirstOrDefault(t => t.Name == "MutantControl")
        ?.GetField("CaptureCoverage", BindingFlags.Public | BindingFlags.Static);

    public static bool IsCapturing => CaptureCoverage?.GetValue(null) is true;
}
