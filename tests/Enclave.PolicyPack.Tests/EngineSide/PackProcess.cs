using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Enclave.PolicyPack.Protocol;
using Grpc.Net.Client;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>How the engine starts a policy pack (pulumi/pulumi <c>NewPolicyAnalyzer</c>).</summary>
public enum StartPath
{
    /// <summary>
    /// Current CLIs: through the .NET language host's <c>RunPlugin</c>, which runs the built pack (<c>dotnet PACK.dll</c>
    /// when the host has a prebuilt binary, <c>dotnet run --project DIR</c> otherwise) with one argument, the engine's
    /// address, in the program's directory, with no PULUMI_* variables.
    /// </summary>
    LanguageHost,

    /// <summary>CLIs that run a pack path that is an executable file: the pack's apphost, same argument.</summary>
    Executable,

    /// <summary>
    /// CLIs before the analyzer handshake: <c>pulumi-analyzer-policy-dotnet ENGINE .</c> found on PATH, in the pack's
    /// directory, with the stack in PULUMI_STACK/PULUMI_PROJECT/PULUMI_CONFIG/PULUMI_DRY_RUN.
    /// </summary>
    Launcher,
}

/// <summary>
/// A policy pack process started as the engine starts it, with the engine's side of the conversation: the first line
/// of its standard output is the port, and <see cref="Client"/> speaks <c>pulumirpc.Analyzer</c> to it over h2c.
/// A fake engine address (a loopback listener) is passed and kept open, as the engine's is, until disposal.
/// </summary>
public sealed class PackProcess : IAsyncDisposable
{
    public static readonly string RepoRoot = Metadata("RepoRoot");
    public static readonly string PackDirectory = Path.Combine(RepoRoot, "infra", "Enclave.PolicyPack");
    private static readonly string BuildDirectory = Path.Combine(PackDirectory, "bin", Metadata("PackConfiguration"), "net10.0");

    private readonly Process _process;
    private readonly GrpcChannel _channel;
    private readonly Task<string> _stderr;

    private PackProcess(Process process, TcpListener engine, int port, Task<string> stderr)
    {
        _process = process;
        Engine = engine;
        _stderr = stderr;
        Port = port;
        _channel = HarnessChannel.Open(port);
        Client = new Analyzer.AnalyzerClient(HarnessChannel.Invoker(_channel));
    }

    public Analyzer.AnalyzerClient Client { get; }

    /// <summary>Raw calls (bytes that are not a valid request, for the malformed-request tests).</summary>
    public Grpc.Core.CallInvoker Invoker => HarnessChannel.Invoker(_channel);
    public int Port { get; }
    public TcpListener Engine { get; }
    public string EngineAddress => $"127.0.0.1:{((IPEndPoint)Engine.LocalEndpoint).Port}";
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the pack wrote to standard error (after it exited or was killed).</summary>
    public Task<string> StandardError => _stderr;

    /// <param name="environment">Variables the launcher path adds (an older CLI's PULUMI_* stack variables).</param>
    public static async Task<PackProcess> StartAsync(StartPath path = StartPath.LanguageHost,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var engine = new TcpListener(IPAddress.Loopback, 0);
        engine.Start();
        var address = $"127.0.0.1:{((IPEndPoint)engine.LocalEndpoint).Port}";
        var start = path switch
        {
            StartPath.LanguageHost => new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(BuildDirectory, "Enclave.PolicyPack.dll"), address }, WorkingDirectory = RepoRoot },
            StartPath.Executable => new ProcessStartInfo(Path.Combine(BuildDirectory, OperatingSystem.IsWindows() ? "Enclave.PolicyPack.exe" : "Enclave.PolicyPack"))
                { ArgumentList = { address }, WorkingDirectory = RepoRoot },
            _ => new ProcessStartInfo(Path.Combine(PackDirectory, "launcher", "pulumi-analyzer-policy-dotnet")) { ArgumentList = { address, "." }, WorkingDirectory = PackDirectory },
        };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var name in new[] { "PULUMI_STACK", "PULUMI_PROJECT", "PULUMI_CONFIG", "PULUMI_DRY_RUN" }) start.Environment.Remove(name);
        if (path == StartPath.Launcher)
        {
            // The harness built the pack already (the launcher builds it when it has to: see launcher/).
            start.Environment["ENCLAVE_POLICY_PACK_BUILD"] = "0";
            start.Environment["ENCLAVE_POLICY_PACK_CONFIGURATION"] = Metadata("PackConfiguration");
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("the pack did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? first;
        try
        {
            first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the pack announced no port within 60 s: {await stderr}");
        }
        if (first is null || !int.TryParse(first.Trim(), out var port))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the pack's first line of output is not a port: \"{first}\"; stderr: {await stderr}");
        }
        // Like the engine, keep reading what the plugin writes after the port.
        _ = process.StandardOutput.ReadToEndAsync();
        return new PackProcess(process, engine, port, stderr);
    }

    /// <summary>Waits for the process to end by itself (true) or gives up after <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Engine.Stop();
    }

    private static string Metadata(string key) =>
        typeof(PackProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
}
