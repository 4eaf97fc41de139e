using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Enclave.Escaping;

namespace Enclave.Configuration.Reading;

/// <summary>Helpers that describe config values in messages the way a user wrote them.</summary>
internal static class JsonValues
{
    private const int MaxShown = 80;

    /// <summary>A value as echoed in a problem: quoted, escaped, at most <see cref="MaxShown"/> characters.</summary>
    public static string Quote(string s) => SafeText.Quote(s, MaxShown);

    /// <summary>Reports <paramref name="s"/> when it is longer than <paramref name="max"/>; true when it fits.</summary>
    public static bool FitsLength(ConfigReader reader, string key, string s, int max)
    {
        if (s.Length <= max) return true;
        reader.Report(key, $"{Quote(s)} is {s.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {max.ToString(CultureInfo.InvariantCulture)} are allowed");
        return false;
    }

    /// <summary>A value and its kind, e.g. <c>'2' (a string)</c>, <c>2.5 (a number)</c>, <c>a list</c>.</summary>
    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"{Quote(v.GetString()!)} (a string)",
        JsonValueKind.Number => $"{SafeText.Escape(v.GetRawText(), 40)} (a number)",
        JsonValueKind.True or JsonValueKind.False => $"{v.GetRawText()} (a boolean)",
        JsonValueKind.Array => $"a list of {v.GetArrayLength().ToString(CultureInfo.InvariantCulture)} item(s)",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => SafeText.Escape(v.GetRawText(), MaxShown),
    };

    /// <summary>Reads a JSON array of non-empty strings (capped in count and length); every bad item is reported with its index.</summary>
    public static ImmutableArray<string>? ReadStringList(ConfigReader reader, string key, JsonElement v, string what)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            reader.WrongType(key, what, Describe(v));
            return null;
        }
        if (v.GetArrayLength() > ConfigReader.MaxListItems)
        {
            reader.Report(key, $"has {v.GetArrayLength().ToString(CultureInfo.InvariantCulture)} items; at most {ConfigReader.MaxListItems.ToString(CultureInfo.InvariantCulture)} are allowed ({what})");
            return null;
        }
        var items = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                if (FitsLength(reader, $"{key}[{i}]", item.GetString()!, ConfigReader.MaxStringLength)) items.Add(item.GetString()!);
                else ok = false;
            }
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
