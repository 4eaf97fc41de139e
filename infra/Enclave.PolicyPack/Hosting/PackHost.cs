using System.Net;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Session;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Enclave.PolicyPack.Hosting;

/// <summary>
/// Serves <c>pulumirpc.Analyzer</c> as every Pulumi plugin does: plain HTTP/2 on a loopback port the system picks,
/// announced as the first line of standard output (the engine reads it to connect). Nothing else may reach standard
/// output before it, so every log goes to standard error (the engine shows a plugin's stderr to the user).
/// </summary>
internal static class PackHost
{
    /// <summary>What the engine's Go client allows per message (rpcutil's 400 MiB): a 100k-resource AnalyzeStack fits.</summary>
    public const int MaxMessageBytes = 400 * 1024 * 1024;

    public static async Task<int> RunAsync(LaunchArguments launch, TextWriter portOut, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
            k.Limits.MaxRequestBodySize = MaxMessageBytes;
        });
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
        });
        builder.Services.AddSingleton<PackSession>();
        if (launch.EngineAddress is { } engine)
            builder.Services.AddHostedService(s => new EngineWatch(engine, s.GetRequiredService<IHostApplicationLifetime>(),
                s.GetRequiredService<ILogger<EngineWatch>>()));

        await using var app = builder.Build();
        app.MapGrpcService<AnalyzerService>();
        await app.StartAsync(cancel);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await portOut.WriteLineAsync(new Uri(address).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await portOut.FlushAsync(cancel);

        await app.WaitForShutdownAsync(cancel);
        return 0;
    }
}
