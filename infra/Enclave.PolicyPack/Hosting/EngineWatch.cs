using System.Net.Sockets;

namespace Enclave.PolicyPack.Hosting;

/// <summary>
/// Stops the pack when the engine that started it is gone. The engine ends a plugin by ending its process, but the
/// .NET language host starts the pack through `dotnet run`, whose child (this process) outlives a killed parent: like
/// Pulumi's own plugins, the pack checks that the engine's address still accepts connections and exits when it has
/// not for <see cref="FailuresBeforeExit"/> checks in a row.
/// </summary>
internal sealed class EngineWatch(string engineAddress, IHostApplicationLifetime lifetime, ILogger<EngineWatch> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const int FailuresBeforeExit = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TrySplit(engineAddress, out var host, out var port))
        {
            log.LogWarning("engine address {Address} is not host:port; not watching the engine", engineAddress);
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            failures = await ReachableAsync(host, port, stoppingToken) ? 0 : failures + 1;
            if (failures < FailuresBeforeExit) continue;
            log.LogWarning("the engine at {Address} is gone; stopping", engineAddress);
            lifetime.StopApplication();
            return;
        }
    }

    private static async Task<bool> ReachableAsync(string host, int port, CancellationToken cancel)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Interval);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return cancel.IsCancellationRequested;  // shutting down anyway: not the engine's fault
        }
    }

    private static bool TrySplit(string address, out string host, out int port)
    {
        var cut = address.LastIndexOf(':');
        host = cut > 0 ? address[..cut].Trim('[', ']') : "";
        port = 0;
        return cut > 0 && int.TryParse(address[(cut + 1)..], out port) && port is > 0 and < 65536;
    }
}
