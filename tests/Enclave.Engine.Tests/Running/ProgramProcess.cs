using System.Diagnostics;

namespace Enclave.Engine.Tests.Running;

/// <summary>How a program run ended.</summary>
public sealed record ProgramExit(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public override string ToString()
        => $"exit {(TimedOut ? "timed out" : ExitCode.ToString())}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs a built program as the language host does with the <c>binary</c> option: <c>dotnet &lt;program&gt;.dll</c>,
/// in the program's project directory (the host's working directory for it), with the engine variables on top of this process's environment (minus any
/// PULUMI_* variables of our own, so nothing leaks into the run).
/// </summary>
public static class ProgramProcess
{
    /// <summary>A run that takes longer has hung (a healthy run takes seconds, even on a loaded machine).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<ProgramExit> RunAsync(ProgramUnderTest program, IReadOnlyDictionary<string, string> variables)
    {
        if (!File.Exists(program.Dll))
        {
            throw new FileNotFoundException($"The program under test is not built: {program.Dll} (build the test project, which builds it)");
        }
        // As the language host runs runtime.options.binary: a .dll with dotnet, an executable as is.
        var isDll = program.Dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : program.Dll)
        {
            WorkingDirectory = program.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            start.ArgumentList.Add(program.Dll);
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new ProgramExit(process.ExitCode, await stdout, await stderr, timedOut);
    }
}
