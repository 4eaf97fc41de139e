using System.Diagnostics;
using System.Text;

// The runtime looks for exactly this type name (no namespace) and this method in a startup hook assembly.
#pragma warning disable CA1050
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var wall = Stopwatch.StartNew();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var sb = new StringBuilder();
            using var process = Process.GetCurrentProcess();
            sb.Append($"[gchook] collections={GC.CollectionCount(0)} gen1+={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}");
            sb.Append($" pause={GC.GetTotalPauseDuration().TotalMilliseconds:F0}ms allocated={GC.GetTotalAllocatedBytes() / 1e6:F0}MB");
            sb.Append($" cpu={process.TotalProcessorTime.TotalMilliseconds:F0}ms wall={wall.ElapsedMilliseconds}ms");
            var ephemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            sb.Append($" last-gen0-before={ephemeral.GenerationInfo[0].SizeBeforeBytes / 1e6:F1}MB");
            var any = GC.GetGCMemoryInfo(GCKind.Any);
            sb.Append($" heap={any.HeapSizeBytes / 1e6:F0}MB committed={any.TotalCommittedBytes / 1e6:F0}MB");
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM", StringComparison.Ordinal) || line.StartsWith("RssAnon", StringComparison.Ordinal) ||
                    line.StartsWith("RssFile", StringComparison.Ordinal))
                    sb.Append(' ').Append(line.Replace("\t", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
            // CPU per thread: the command runs on a thread-pool worker; the tier-1 JIT and finaliser have their own.
            foreach (var task in Directory.GetDirectories("/proc/self/task"))
            {
                try
                {
                    var stat = File.ReadAllText(task + "/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
                    if (ticks > 0) sb.Append($" [{File.ReadAllText(task + "/comm").Trim()}:{ticks * 10}ms]");
                }
                catch (IOException) { } // the thread ended meanwhile
            }
            foreach (var (key, value) in GC.GetConfigurationVariables())
                if (key is "ServerGC" or "ConcurrentGC" or "GCGen0MaxBudget" or "RetainVM" or "GCConserveMem" or "GCHeapHardLimit")
                    sb.Append($" {key}={value}");
            File.AppendAllText(Environment.GetEnvironmentVariable("GCHOOK_OUT") ?? "gchook.txt", sb.Append('\n').ToString());
            if (Environment.GetEnvironmentVariable("GCHOOK_SMAPS") is { } smapsFile) WriteSmaps(smapsFile);
        };
    }

    /// <summary>Resident kB per mapped file ("[anon]" for anonymous memory), largest first.</summary>
    private static void WriteSmaps(string file)
    {
        var perMapping = new Dictionary<string, long>();
        var current = "[anon]";
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
                current = fields.Length == 6 ? fields[5].Trim() : "[anon]";
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                perMapping[current] = perMapping.GetValueOrDefault(current) + long.Parse(fields[1]);
        }
        File.WriteAllLines(file, perMapping.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Value,8} kB {kv.Key}"));
    }
}
