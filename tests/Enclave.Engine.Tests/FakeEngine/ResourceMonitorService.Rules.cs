using System.Text.RegularExpressions;
using Grpc.Core;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

// The protocol rules the fake engine checks. Refuse: the real engine rejects the request too (the program gets a
// gRPC error). Check: the engine would accept it, but a faithful SDK never sends it (recorded as a violation).
public sealed partial class ResourceMonitorService
{
    [GeneratedRegex(@"^[^:\s]+:[^:\s]*:[^:\s]+$")]
    private static partial Regex ThreePartToken();

    [GeneratedRegex(@"^(-?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    /// <summary>Rules every registration of a faithful SDK keeps (recorded only).</summary>
    private void CheckCommon(string label, RegisterResourceRequest request)
    {
        Check(request.AcceptSecrets, label, "acceptSecrets is not set");
        Check(request.SupportsResultReporting, label, "supportsResultReporting is not set");
        foreach (var dependency in request.Dependencies)
        {
            Check(_byUrn.TryGetValue(dependency, out var d) && (d.Request.Custom || d.Request.Remote), label,
                $"dependency '{dependency}' is not a registered custom resource (components must be expanded to their children)");
        }
        foreach (var (property, dependencies) in request.PropertyDependencies)
        {
            foreach (var urn in dependencies.Urns)
            {
                Check(request.Dependencies.Contains(urn), label, $"property '{property}' depends on '{urn}', which is missing from dependencies");
            }
        }
        if (request.CustomTimeouts is { } timeouts)
        {
            foreach (var value in new[] { timeouts.Create, timeouts.Update, timeouts.Delete }.Where(v => v.Length > 0))
            {
                Check(GoDuration().IsMatch(value), label, $"custom timeout '{value}' is not a Go duration");
            }
        }
        Check(request.DeleteBeforeReplaceDefined || !request.DeleteBeforeReplace, label, "deleteBeforeReplace without deleteBeforeReplaceDefined");
        if (request.Custom && IsPluginPackage(request.Type))
        {
            Check(SemVer().IsMatch(request.Version), label, $"version '{request.Version}' is not the provider package's semver");
        }
        Check(!request.Object.Fields.Keys.Any(k => k is "id" or "urn"), label, "inputs contain id/urn");
    }

    /// <summary>A provider reference is "&lt;provider URN&gt;::&lt;provider ID&gt;" of a registered provider of the right package.</summary>
    private void CheckProvider(string label, string reference, string token, bool custom)
    {
        if (reference.Length == 0)
        {
            return;
        }
        Check(custom, label, "a component was given a provider reference");
        var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
        var urn = separator < 0 ? reference : reference[..separator];
        var id = separator < 0 ? "" : reference[(separator + 2)..];
        if (!_byUrn.TryGetValue(urn, out var provider) || !provider.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
        {
            Refuse(label, $"provider reference '{reference}' does not name a registered provider", StatusCode.InvalidArgument);
            return;
        }
        Check(id == provider.Id || (options.DryRun && id == Wire.Unknown), label, $"provider reference '{reference}' has the wrong ID (registered: '{provider.Id}')");
        var package = provider.Type["pulumi:providers:".Length..];
        Check(token.Split(':')[0] == package, label, $"provider '{urn}' is for package '{package}', not for '{token}'");
    }

    private static bool IsPluginPackage(string token) => token.Split(':')[0] is not ("pulumi" or "") || token.StartsWith("pulumi:providers:", StringComparison.Ordinal);

    private void Check(bool condition, string label, string rule)
    {
        if (!condition)
        {
            recording.Violation($"{label}: {rule}");
        }
    }

    private void Refuse(string label, string rule, StatusCode code = StatusCode.FailedPrecondition)
    {
        recording.Violation($"{label}: {rule}");
        throw new RpcException(new Status(code, rule));
    }

}
