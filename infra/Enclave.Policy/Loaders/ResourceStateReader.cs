using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads one <c>ResourceV3</c> object (stack export, checkpoint, or a preview step's old/new state) into a
/// <see cref="ResourceNode"/>. Unknown fields are ignored; the region is filled in later by <see cref="RegionResolver"/>.
/// </summary>
internal static class ResourceStateReader
{
    public static ResourceNode Read(JsonElement e, bool previewSecrets, string source, string path, string? urnFallback = null)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a resource object, found {Describe(e)}", jsonPath: path);
        var urn = OptionalString(e, "urn", source, path) ?? urnFallback
            ?? throw new ArtifactLoadException(source, "resource without a \"urn\"", jsonPath: path);
        var parts = UrnParts.TryParse(urn)
            ?? throw new ArtifactLoadException(source, $"\"{urn}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)", jsonPath: path + ".urn");
        var type = OptionalString(e, "type", source, path) ?? parts.Type;
        var custom = e.TryGetProperty("custom", out var c) ? c.ValueKind == JsonValueKind.True : true;
        var id = e.TryGetProperty("id", out var idEl) ? PulumiValues.Read(idEl, previewSecrets, source, path + ".id") : PropertyValue.Null;
        if (id is StringValue { Value.Length: 0 }) id = PropertyValue.Null;
        var inputs = e.TryGetProperty("inputs", out var inEl) ? ReadProperties(inEl, previewSecrets, source, path + ".inputs") : MapValue.Empty;
        var outputs = e.TryGetProperty("outputs", out var outEl) ? ReadProperties(outEl, previewSecrets, source, path + ".outputs") : MapValue.Empty;
        return new ResourceNode(
            urn, type, parts.Name, custom, id,
            Parent: OptionalString(e, "parent", source, path) is { Length: > 0 } parent ? parent : null,
            Dependencies: StringList(e, "dependencies", source, path),
            PropertyDependencies: PropertyDependencies(e, source, path),
            Provider: OptionalString(e, "provider", source, path) is { Length: > 0 } provider ? provider : null,
            Region: null,
            Protect: e.TryGetProperty("protect", out var p) && p.ValueKind == JsonValueKind.True,
            Inputs: inputs,
            Outputs: outputs);
    }

    private static MapValue ReadProperties(JsonElement e, bool previewSecrets, string source, string path) => e.ValueKind switch
    {
        JsonValueKind.Object => PulumiValues.ReadMap(e, previewSecrets, source, path),
        JsonValueKind.Null => MapValue.Empty,
        _ => throw new ArtifactLoadException(source, $"expected an object of properties, found {Describe(e)}", jsonPath: path),
    };

    internal static string? OptionalString(JsonElement e, string key, string source, string path)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String)
            throw new ArtifactLoadException(source, $"\"{key}\" must be a string, found {Describe(v)}", jsonPath: $"{path}.{key}");
        return v.GetString();
    }

    internal static ImmutableArray<string> StringList(JsonElement e, string key, string source, string path)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return ImmutableArray<string>.Empty;
        if (v.ValueKind != JsonValueKind.Array)
            throw new ArtifactLoadException(source, $"\"{key}\" must be a list of strings, found {Describe(v)}", jsonPath: $"{path}.{key}");
        var list = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new ArtifactLoadException(source, $"\"{key}\" must hold strings, found {Describe(item)}", jsonPath: $"{path}.{key}[{i}]");
            list.Add(item.GetString()!);
            i++;
        }
        return list.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies(JsonElement e, string source, string path)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (!e.TryGetProperty("propertyDependencies", out var v) || v.ValueKind == JsonValueKind.Null) return result.ToImmutable();
        if (v.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"\"propertyDependencies\" must be an object, found {Describe(v)}", jsonPath: path + ".propertyDependencies");
        foreach (var p in v.EnumerateObject())
            result[p.Name] = StringList(v, p.Name, source, path + ".propertyDependencies");
        return result.ToImmutable();
    }

    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };
}
