using System.Reflection;
using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Configuration;

namespace Enclave.Cli.Tests.Common;

/// <summary>
/// `enclave config show --format json` prints the settings through source-generated metadata (the Native AOT build has
/// no reflection-based serializer), which writes an enum as a number unless CliJson lists a converter for it. An enum
/// added to the settings must read as a word, as it did when the serializer was reflection-based.
/// </summary>
public sealed class CliJsonTests
{
    [Fact]
    public void Every_enum_in_the_stack_settings_prints_as_a_camel_case_word()
    {
        var enums = EnumsUnder(typeof(EnclaveSettings), []);
        Assert.Contains(typeof(VaultType), enums);
        foreach (var type in enums)
            foreach (var value in Enum.GetValues(type))
            {
                var json = JsonSerializer.Serialize(value, type, CliJson.Options);
                var word = JsonNamingPolicy.CamelCase.ConvertName(value.ToString()!);
                Assert.True(json == $"\"{word}\"", $"{type.Name}.{value} prints as {json}: add its JsonStringEnumConverter to CliJson.Options");
            }
    }

    [Fact]
    public void The_settings_of_a_shipped_stack_print_their_vault_type_as_a_word()
    {
        var settings = Enclave.Offline.Planning.StackContext.LoadSettings(FindRoot(), "prod");
        var json = JsonSerializer.Serialize(settings, CliJson.Options);
        Assert.Contains("\"type\": \"", json[json.IndexOf("\"vault\"", StringComparison.Ordinal)..]);
    }

    private static HashSet<Type> EnumsUnder(Type type, HashSet<Type> seen)
    {
        var enums = new HashSet<Type>();
        if (!seen.Add(type)) return enums;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            foreach (var t in Unwrap(property.PropertyType))
            {
                if (t.IsEnum) enums.Add(t);
                else if (t.Namespace?.StartsWith("Enclave", StringComparison.Ordinal) == true) enums.UnionWith(EnumsUnder(t, seen));
            }
        return enums;
    }

    private static IEnumerable<Type> Unwrap(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrap) : [Nullable.GetUnderlyingType(t) ?? t];

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Pulumi.yaml"))) return dir;
        throw new InvalidOperationException("repository root not found");
    }
}
