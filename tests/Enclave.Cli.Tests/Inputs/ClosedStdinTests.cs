using System.Diagnostics;
using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12, item 2 (`-` for each input): started with standard input closed (`enclave check --state - &lt;&amp;-`, a CI
/// step without stdin), the runtime's own signal pipe became descriptor 0 and `-` waited on it forever. It is now
/// refused at once, exit 3 in one line. Runs the real executable: only a new process can start with descriptor 0 closed.
/// </summary>
public class ClosedStdinTests
{
    [Fact]
    public async Task A_closed_standard_input_is_refused_at_once_not_waited_on()
    {
        if (!OperatingSystem.IsLinux()) return;
        var cli = typeof(CliApp).Assembly.Location;
        var info = new ProcessStartInfo("bash", ["-c", "exec 0<&- && exec dotnet \"$0\" check --state - --stack dev", cli])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await p.WaitForExitAsync(guard.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("`--state -` with standard input closed was still waiting after 60 s");
        }
        Assert.Equal(ExitCodes.InputUnreadable, p.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("enclave: error: -: standard input is closed; pipe a JSON file", line);
    }
}
