namespace Enclave.PolicyPack.Hosting;

/// <summary>
/// What the pack is started with. Every way the engine starts a pack passes the engine's gRPC address first:
/// the .NET language host (<c>RunPlugin</c>: <c>[engine]</c>), an executable pack (<c>[engine]</c>), and the
/// <c>pulumi-analyzer-policy-dotnet</c> launcher of older CLIs (<c>[engine, ".", -option=value…]</c>). Only the address
/// is used; the rest is accepted and ignored (the pack finds what it needs through the handshake).
/// </summary>
internal sealed record LaunchArguments(string? EngineAddress)
{
    public static LaunchArguments Parse(IReadOnlyList<string> args) =>
        new(args.FirstOrDefault(a => !a.StartsWith('-') && a != ".") is { Length: > 0 } address ? address : null);
}
