using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Escaping;

namespace Enclave.Configuration.Reading;

/// <summary>One structured config value (e.g. <c>us-data-enclave:network</c>) whose fields are read by name.
/// Field keys in problems are <c>key.field</c>, the path <c>pulumi config set --path</c> takes.</summary>
internal sealed class ConfigObject
{
    private readonly ConfigReader _reader;
    private readonly JsonElement _element;

    internal ConfigObject(ConfigReader reader, string key, JsonElement element, IReadOnlyList<string> fields)
    {
        _reader = reader;
        _element = element;
        Key = key;
        foreach (var property in element.EnumerateObject())
        {
            if (fields.Contains(property.Name, StringComparer.Ordinal)) continue;
            var hint = Spelling.Closest(property.Name, fields) is { } near ? $"did you mean '{near}'? " : "";
            reader.Report(FieldKey(property.Name),
                $"unknown field {JsonValues.Quote(property.Name)}; {hint}known fields: {string.Join(", ", fields)}");
        }
    }

    /// <summary>The full key of the object, e.g. <c>us-data-enclave:network</c>.</summary>
    public string Key { get; }

    public string FieldKey(string field) => $"{Key}.{field}";

    public string? String(string field, string what, bool required = true, int maxLength = ConfigReader.MaxStringLength)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String)
        {
            WrongType(field, what, v);
            return null;
        }
        var s = v.GetString()!;
        if (string.IsNullOrWhiteSpace(s))
        {
            _reader.Report(FieldKey(field), $"is empty; expected {what}");
            return null;
        }
        return JsonValues.FitsLength(_reader, FieldKey(field), s, maxLength) ? s : null;
    }

    /// <summary>A whole number; a fraction (2.5) or a number beyond 32 bits (1e300) is a type error naming what is expected.</summary>
    public int? Int(string field, string what, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        WrongType(field, what, v);
        return null;
    }

    public double? Number(string field, string what, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        WrongType(field, what, v);
        return null;
    }

    public bool? Bool(string field, string what, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        WrongType(field, what, v);
        return null;
    }

    public ImmutableArray<string>? StringList(string field, string what, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        return JsonValues.ReadStringList(_reader, FieldKey(field), v, what);
    }

    /// <summary>
    /// A list of objects with the given fields (e.g. <c>federation.identityProviders</c>); each item's problems are
    /// keyed <c>key.field[i].name</c>. An item that is not an object is reported and skipped.
    /// </summary>
    public IReadOnlyList<ConfigObject>? ObjectList(string field, string what, IReadOnlyList<string> fields, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Array)
        {
            WrongType(field, what, v);
            return null;
        }
        var items = new List<ConfigObject>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var key = $"{FieldKey(field)}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object) items.Add(new ConfigObject(_reader, key, item, fields));
            else _reader.WrongType(key, $"an object with fields {string.Join(", ", fields)}", JsonValues.Describe(item));
        }
        return items;
    }

    /// <summary>An object field with the given fields (e.g. <c>oracleIds.securityZonePolicies</c>); its problems are keyed <c>key.field.name</c>.</summary>
    public ConfigObject? Object(string field, string what, IReadOnlyList<string> fields, bool required = true)
    {
        if (!TryField(field, what, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Object) return new ConfigObject(_reader, FieldKey(field), v, fields);
        WrongType(field, $"{what} with fields {string.Join(", ", fields)}", v);
        return null;
    }

    /// <summary>The field's value; absent and JSON null both count as not set.</summary>
    private bool TryField(string field, string what, bool required, out JsonElement value)
    {
        if (_element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (required) _reader.Missing(FieldKey(field), what);
        return false;
    }

    private void WrongType(string field, string what, JsonElement v) =>
        _reader.WrongType(FieldKey(field), what, JsonValues.Describe(v));
}
