using System.Net.Sockets;

namespace Enclave.PolicyPack.Hosting;

/// <summary>
/// Stops the pack when the engine that started it is gone. The engine ends a plugin by ending its process, but the
/// .NET language host starts the pack through `dotnet run`, whose child (this process) outlives a killed parent: like
/// Pulumi's own plugins, the pack checks every <see cref="Interval"/> that the engine's address still accepts
/// connections, and <see cref="EngineAbsence"/> decides when it has been gone long enough.
/// </summary>
internal sealed class EngineWatch(string engineAddress, IHostApplicationLifetime lifetime, ILogger<EngineWatch> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one check may wait for the engine to accept. A loopback connection is accepted or refused at once; a
    /// check that takes longer tells of a busy machine (a CI runner with parallel test runs), not of a gone engine.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Refused checks in a row (nothing listens any more) before the pack stops.</summary>
    public const int FailuresBeforeExit = EngineAbsence.RefusedBeforeExit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TrySplit(engineAddress, out var host, out var port))
        {
            log.LogWarning("engine address {Address} is not host:port; not watching the engine", engineAddress);
            return;
        }
        var absence = new EngineAbsence();
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
            var probe = await ProbeAsync(host, port, stoppingToken);
            if (stoppingToken.IsCancellationRequested) return;  // shutting down anyway: not the engine's fault
            if (!absence.Record(probe)) continue;
            log.LogWarning("the engine at {Address} is gone ({Reason}); stopping", engineAddress, absence.Reason);
            lifetime.StopApplication();
            return;
        }
    }

    private static async Task<EngineProbe> ProbeAsync(string host, int port, CancellationToken cancel)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return EngineProbe.Accepted;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut)
        {
            return EngineProbe.Unanswered;
        }
        catch (SocketException)
        {
            return EngineProbe.Refused;
        }
        catch (OperationCanceledException)
        {
            return EngineProbe.Unanswered;
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
