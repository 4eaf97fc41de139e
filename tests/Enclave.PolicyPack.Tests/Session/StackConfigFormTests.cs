using System.Text.Json;
using Enclave.Offline.Stacks;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Session;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.Session;

/// <summary>
/// The two forms of the stack config in <c>ConfigureStack</c>: current CLIs send a map of strings plus the secret keys;
/// CLIs of mid-2025 sent a Struct of the values with secrets kept as signed secret objects (their plaintext inside)
/// and no secret keys (analyzer_plugin.go: <c>MarshalProperties(config, KeepSecrets)</c>). Both must give the rules the
/// same settings, and a secret's plaintext must reach neither the validator nor a message.
/// </summary>
public sealed class StackConfigFormTests
{
    [Fact]
    public async Task Struct_form_gives_the_settings_of_the_map_form()
    {
        var (graph, config) = await Stacks.PreviewAsync("prod");
        var map = new EngineRequests(graph, config).ConfigureStack();

        Assert.Equal(Outcome(map), Outcome(StructForm(map, secret: null)));
        Assert.StartsWith("ok ", Outcome(map));
    }

    [Theory]
    [InlineData("us-data-enclave:gatekeeperCidrs", false)]   // an isolation setting, a list
    [InlineData("us-data-enclave:network", true)]            // an object holding one secret leaf
    [InlineData("us-data-enclave:namePrefix", false)]        // a plain string
    public async Task A_secret_in_the_struct_form_reads_as_a_secret_key_of_the_map_form_and_its_plaintext_goes_nowhere(string key, bool nested)
    {
        var (graph, config) = await Stacks.PreviewAsync("prod");
        var map = new EngineRequests(graph, config).ConfigureStack();
        var markedSecret = map.Clone();
        markedSecret.ConfigSecretKeys.Add(key);

        var fromStruct = Outcome(StructForm(map, (key, nested)));

        Assert.Equal(Outcome(markedSecret), fromStruct);
        Assert.DoesNotContain(EngineValues.SecretPlaintext, fromStruct, StringComparison.Ordinal);
    }

    /// <summary>The map form's values as a mid-2025 CLI sent them: typed values, <paramref name="secret"/> as a signed secret.</summary>
    private static AnalyzerStackConfigureRequest StructForm(AnalyzerStackConfigureRequest map, (string Key, bool Nested)? secret)
    {
        var request = new AnalyzerStackConfigureRequest { Stack = map.Stack, Project = map.Project, Organization = map.Organization, DryRun = map.DryRun };
        var values = new Struct();
        foreach (var (key, text) in map.Config)
        {
            var value = text.StartsWith('[') || text.StartsWith('{') ? JsonParser.Default.Parse<Value>(text) : Value.ForString(text);
            if (secret is { } s && s.Key == key)
            {
                if (s.Nested) value.StructValue.Fields[value.StructValue.Fields.Keys.First()] = SignedSecret();
                else value = SignedSecret();
            }
            values.Fields[key] = value;
        }
        request.ConfigProperties = values;
        return request;
    }

    private static Value SignedSecret() => Value.ForStruct(new Struct
    {
        Fields =
        {
            [Enclave.Policy.Loaders.PulumiValues.SignatureKey] = Value.ForString(Enclave.Policy.Loaders.PulumiValues.SecretSignature),
            ["value"] = Value.ForString(EngineValues.SecretPlaintext),
        },
    });

    /// <summary>What the pack makes of a request: the stack and its policy context, or the one-line refusal.</summary>
    private static string Outcome(AnalyzerStackConfigureRequest request)
    {
        try
        {
            var configured = StackSettings.From(request);
            return $"ok {configured.Identity} {JsonSerializer.Serialize(configured.Policy)}";
        }
        catch (StackSettingsException e)
        {
            return "refused " + e.Message;
        }
    }
}
