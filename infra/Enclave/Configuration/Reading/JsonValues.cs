using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Enclave.Configuration.Reading;

/// <summary>Helpers that describe config values in messages the way a user wrote them.</summary>
internal static class JsonValues
{
    private const int MaxShown = 80;

    public static string Quote(string s) => "'" + (s.Length > MaxShown ? s[..MaxShown] + "…" : s) + "'";

    /// <summary>A value and its kind, e.g. <c>'2' (a string)</c>, <c>2.5 (a number)</c>, <c>a list</c>.</summary>
    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"{Quote(v.GetString()!)} (a string)",
        JsonValueKind.Number => $"{v.GetRawText()} (a number)",
        JsonValueKind.True or JsonValueKind.False => $"{v.GetRawText()} (a boolean)",
        JsonValueKind.Array => $"a list of {v.GetArrayLength().ToString(CultureInfo.InvariantCulture)} item(s)",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => v.GetRawText(),
    };

    /// <summary>Reads a JSON array of non-empty strings; every bad item is reported with its index.</summary>
    public static ImmutableArray<string>? ReadStringList(ConfigReader reader, string key, JsonElement v, string what)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            reader.WrongType(key, what, Describe(v));
            return null;
        }
        var items = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                items.Add(item.GetString()!);
            else
            {
                reader.WrongType($"{key}[{i}]", "a non-empty string", Describe(item));
                ok = false;
            }
            i++;
        }
        return ok ? items.ToImmutable() : null;
    }
}
