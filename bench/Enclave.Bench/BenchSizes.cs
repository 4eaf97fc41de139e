using System.Globalization;

namespace Enclave.Bench;

/// <summary>
/// Graph sizes to run: 1k, 10k and 100k resources, or the comma-separated list in ENCLAVE_BENCH_SIZES (so a slow
/// size can be run on its own with fewer iterations, e.g. <c>ENCLAVE_BENCH_SIZES=100000</c>).
/// </summary>
public static class BenchSizes
{
    public static IEnumerable<int> FromEnvironment(string defaults = "1000,10000,100000") =>
        (Environment.GetEnvironmentVariable("ENCLAVE_BENCH_SIZES") is { Length: > 0 } list ? list : defaults)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture));
}
