using System.Diagnostics;
using System.Globalization;
using Enclave.Configuration;
using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Enclave.Offline.Fakes;
using Enclave.Offline.Stacks;

namespace Enclave.EngineDriver;

/// <summary>One run of the program against a fresh fake engine, timed by /usr/bin/time (the child process only).</summary>
public sealed record TimedRun(double WallSeconds, double CpuSeconds, double PeakRssMb, int Registrations)
{
    private const string Marker = "ENGINE-DRIVER-TIME";

    public static async Task<TimedRun> RunAsync(DriverOptions options, string stack, bool dryRun)
    {
        var config = StackConfigFile.Load(options.Repo, stack);
        var settings = EnclaveConfig.Load(config.Source, config.Stack);
        await using var engine = await FakeEngineServer.StartAsync(new FakeEngineOptions
        {
            Project = config.Project,
            Stack = config.Stack,
            DryRun = dryRun,
            Providers = new FakeCloudMocks(FakeCloud.For(settings), settings.DeploymentRegion),
        });
        var variables = EngineEnvironment.For(engine, options.Repo, config.Values, config.SecretKeys).ToVariables();

        // As the language host runs it: `dotnet Enclave.dll`, or the binary itself, from the program's directory.
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            WorkingDirectory = Path.Combine(options.Repo, "infra/Enclave"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", $"{Marker} %e %U %S %M" }) start.ArgumentList.Add(argument);
        if (options.Program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(options.Program);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in variables) start.Environment[key] = value;
        // Runtime diagnostics for the program only (X_DOTNET_JitStdOutFile=F X_DOTNET_JitDisasmSummary=1 lists what is
        // still JIT-compiled): the driver's own runtime must not pick them up.
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string key && key.StartsWith("X_DOTNET_", StringComparison.Ordinal)) start.Environment[key[2..]] = e.Value as string;
        }

        using var process = Process.Start(start) ?? throw new DriverException("could not start /usr/bin/time");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        var timing = stderr.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
                     ?? throw new DriverException($"{stack}: no timing from /usr/bin/time:\n{stderr}");
        if (process.ExitCode != 0 || engine.Recording.Errors.Any())
        {
            throw new DriverException($"{stack} {(dryRun ? "preview" : "update")} failed (exit {process.ExitCode}):\n{stderr}{string.Join('\n', engine.Recording.Errors.Select(l => l.Message))}");
        }
        if (options.RecordDirectory is { } record)
        {
            // Every run's requests (the last run's file stays): diff two programs' directories to compare their wire.
            await File.WriteAllTextAsync(Path.Combine(record, $"{stack}-{(dryRun ? "preview" : "update")}.txt"), RequestDump.Render(engine.Recording));
        }
                var f = timing.Split(' ');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new TimedRun(D(1), D(2) + D(3), D(4) / 1024, engine.Recording.Registrations.Length);
    }

    public static string Row(string stack, bool dryRun, IReadOnlyList<TimedRun> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"| {stack} | {(dryRun ? "preview" : "update")} | {Median(runs.Select(r => r.WallSeconds)):F2} | {Median(runs.Select(r => r.CpuSeconds)):F2} | {Median(runs.Select(r => r.PeakRssMb)):F0} | {runs[0].Registrations} |");
    }
}
