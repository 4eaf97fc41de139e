using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Enclave.Cli.Commands;
using Enclave.Configuration;

namespace Enclave.Cli.Common;

/// <summary>
/// The JSON that `enclave config show` and `enclave stacks` print, through source-generated metadata
/// (<see cref="CliJsonContext"/>) rather than reflection: the Native AOT publish (Properties/PublishProfiles/NativeAot.pubxml)
/// has no reflection-based serializer, and the plain build then writes exactly the same bytes.
/// </summary>
public static class CliJson
{
    /// <summary>Indented, camelCase names and enum values, no escaping of printable non-ASCII (the reader is a person).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CliJsonContext.Default,
        // One converter per enum of the settings: the generic converter needs no runtime code generation. An enum
        // added to the settings without one here would print as a number (CliJsonTests fails then).
        Converters =
        {
            new JsonStringEnumConverter<ServiceGatewayScope>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<VaultType>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<CredentialKind>(JsonNamingPolicy.CamelCase),
        },
    };
}

[JsonSerializable(typeof(EnclaveSettings))]
[JsonSerializable(typeof(StacksCommand.StacksDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
