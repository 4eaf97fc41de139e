using System.Text.Json;

namespace Pulumi;

/// <summary>
/// Engine mode's transport: checks what the language host passed beyond presence (which
/// <see cref="EngineEnvironment.Read"/> checks) and connects the gRPC engine and monitor clients. Each problem is
/// reported with the variable's name and what is expected, before any resource is registered.
/// </summary>
internal static class GrpcTransport
{
    public static (IEngine Engine, IMonitor Monitor) Connect(EngineEnvironment environment)
    {
        RequireAddress("PULUMI_MONITOR", environment.Monitor);
        RequireAddress("PULUMI_ENGINE", environment.Engine);
        if (environment.QueryMode)
        {
            throw new InvalidOperationException("PULUMI_QUERY_MODE is 'true', but this Pulumi SDK does not support query mode; run the program with `pulumi preview` or `pulumi up`.");
        }
        RequireJson("PULUMI_CONFIG", JsonValueKind.Object, "a JSON object of \"<namespace>:<key>\" to string values");
        RequireJson("PULUMI_CONFIG_SECRET_KEYS", JsonValueKind.Array, "a JSON array of \"<namespace>:<key>\" strings");

        return (new GrpcEngine(environment.Engine), new GrpcMonitor(environment.Monitor));
    }

    private static void RequireAddress(string variable, string address)
    {
        if (GrpcChannels.ToUri(address) is null)
        {
            throw new InvalidOperationException($"{variable} must be the address the Pulumi engine listens on, as host:port (e.g. 127.0.0.1:50051); got '{address}'.");
        }
    }

    /// <summary>Absent or empty means none; anything else must parse as <paramref name="kind"/> with string members.</summary>
    private static void RequireJson(string variable, JsonValueKind kind, string expected)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var valid = root.ValueKind == kind && (kind == JsonValueKind.Object
                ? root.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String)
                : root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String));
            if (valid)
            {
                return;
            }
        }
        catch (JsonException)
        {
            // Reported below, without echoing the value: configuration can hold secrets.
        }
        throw new InvalidOperationException($"{variable} must be {expected}; the value the engine passed is not.");
    }
}
