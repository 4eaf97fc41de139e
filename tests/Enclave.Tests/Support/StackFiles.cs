using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Enclave.Tests.Support;

/// <summary>
/// Reads the real <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> into the flat form the engine hands a program
/// (<c>namespace:key</c> → string; objects and arrays as JSON text), as in <c>PULUMI_CONFIG</c>.
/// </summary>
public static class StackFiles
{
    public static readonly string[] Stacks = ["dev", "staging", "prod"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static Dictionary<string, string> Read(string stack)
    {
        var path = Path.Combine(RepositoryRoot, "stacks", $"Pulumi.{stack}.yaml");
        using var reader = new StreamReader(path);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config.Children)
            values[((YamlScalarNode)key).Value!] = value is YamlScalarNode scalar
                ? scalar.Value ?? ""
                : ToJson(value)!.ToJsonString();
        return values;
    }

    /// <summary>The <c>PULUMI_CONFIG</c> value for a flat config.</summary>
    public static string ToPulumiConfig(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s => PlainScalar(s.Value),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? PlainScalar(string? value) => value switch
    {
        null or "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, out var l) => JsonValue.Create(l),
        _ when double.TryParse(value, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (Pulumi.yaml + stacks/) not found above the test binaries");
    }
}
