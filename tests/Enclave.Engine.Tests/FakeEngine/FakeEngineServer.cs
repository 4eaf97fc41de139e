using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>
/// The fake engine, served like the real one: plain HTTP/2 (h2c) on 127.0.0.1, the resource monitor and the
/// engine service on two ephemeral ports of their own (a program that mixes up PULUMI_MONITOR and PULUMI_ENGINE
/// gets "unimplemented").
/// </summary>
public sealed class FakeEngineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEngineServer(WebApplication app, FakeEngineOptions options, EngineRecording recording, string monitor, string engine)
    {
        _app = app;
        Options = options;
        Recording = recording;
        MonitorAddress = monitor;
        EngineAddress = engine;
    }

    public FakeEngineOptions Options { get; }
    public EngineRecording Recording { get; }

    /// <summary>host:port, as the language host passes it in PULUMI_MONITOR.</summary>
    public string MonitorAddress { get; }

    /// <summary>host:port, as the language host passes it in PULUMI_ENGINE.</summary>
    public string EngineAddress { get; }

    public static async Task<FakeEngineServer> StartAsync(FakeEngineOptions options)
    {
        var recording = new EngineRecording();
        var ports = new ServicePorts();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(recording);
        builder.Services.AddSingleton<ResourceMonitorService>();
        builder.Services.AddSingleton<EngineService>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Each service answers only on its own port, like the engine's two servers.
            var path = context.Request.Path.Value ?? "";
            var expected = path.StartsWith("/pulumirpc.ResourceMonitor/", StringComparison.Ordinal) ? ports.Monitor
                : path.StartsWith("/pulumirpc.Engine/", StringComparison.Ordinal) ? ports.Engine
                : -1;
            if (expected != context.Connection.LocalPort)
            {
                context.Response.ContentType = "application/grpc";
                context.Response.AppendTrailer("grpc-status", "12");
                context.Response.AppendTrailer("grpc-message", $"{path} is not served on this address");
                return;
            }
            await next(context);
        });
        app.MapGrpcService<ResourceMonitorService>();
        app.MapGrpcService<EngineService>();
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).ToArray();
        ports.Monitor = addresses[0].Port;
        ports.Engine = addresses[1].Port;
        return new FakeEngineServer(app, options, recording, $"127.0.0.1:{ports.Monitor}", $"127.0.0.1:{ports.Engine}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ServicePorts
    {
        public int Monitor { get; set; } = -1;
        public int Engine { get; set; } = -1;
    }
}
