using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enclave.Escaping;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// Concrete values for the report-only markers of a plan document, so the graph read back is judged like the one
/// the offline run produced: every <c>$ref</c> to the same output of the same resource gets the same stand-in OCID
/// (and that resource's id or output gets it too), different ones differ. The stand-ins are derived from the URN, so
/// they carry no information beyond the document and are never printed: reports show the references again.
/// </summary>
public sealed class StandIns
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly SortedDictionary<string, string> _lookups = new(StringComparer.Ordinal);

    /// <summary>Outputs named by <c>$ref</c> markers: (URN, output) → the stand-in given to them.</summary>
    public Dictionary<(string Urn, string Output), string> Referenced { get; } = [];

    /// <summary>True once a report-only marker was read (the document holds stand-ins, like an offline run).</summary>
    public bool Any { get; private set; }

    /// <summary>The lookups read, for <see cref="FabricatedValues.Lookups"/>.</summary>
    public ImmutableSortedDictionary<string, string> Lookups => _lookups.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The stand-in of output <paramref name="output"/> of <paramref name="urn"/> (<c>ocid1.enclaveplan.oc1..…</c>).</summary>
    public static string For(string urn, string output) => "ocid1.enclaveplan.oc1..aaaaaaaa" + Digest(urn + "\u001f" + output);

    /// <summary>The date <paramref name="days"/> days after <see cref="FabricatedValues.ReferenceClock"/>, as the program writes it.</summary>
    public static string Date(int days) =>
        FabricatedValues.ReferenceClock.UtcDateTime.Date.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The stand-in for a <c>$ref</c>, <c>$lookup</c>, <c>$time</c> or <c>$concat</c> marker; null for any other object.</summary>
    internal static PropertyValue? ReadMarker(JsonElement e, string where, StandIns sink)
    {
        if (e.TryGetProperty(ValueJson.RefKey, out var r))
        {
            var urn = Field(r, "urn", where, ValueJson.RefKey);
            var output = Field(r, "output", where, ValueJson.RefKey);
            sink.Any = true;
            var standIn = For(urn, output);
            sink.Referenced[(urn, output)] = standIn;
            return new StringValue(standIn);
        }
        if (e.TryGetProperty(ValueJson.LookupKey, out var l))
        {
            var invoke = Field(l, "invoke", where, ValueJson.LookupKey);
            var value = Field(l, "standIn", where, ValueJson.LookupKey);
            sink.Any = true;
            sink._lookups.TryAdd(value, invoke);
            return new StringValue(value);
        }
        if (e.TryGetProperty(ValueJson.TimeKey, out var t))
        {
            if (t.ValueKind != JsonValueKind.Object || !t.TryGetProperty("days", out var d) || !d.TryGetInt32(out var days) || days is < 0 or > 36_600)
                throw new ReviewInputException($"{where}: {ValueJson.TimeKey}: expected {{\"from\": \"now\", \"days\": 0 to 36600}}");
            sink.Any = true;
            return new StringValue(Date(days));
        }
        if (e.TryGetProperty(ValueJson.ConcatKey, out var c))
        {
            if (c.ValueKind != JsonValueKind.Array)
                throw new ReviewInputException($"{where}: {ValueJson.ConcatKey}: expected an array of strings and markers");
            var text = new StringBuilder();
            var i = 0;
            foreach (var part in c.EnumerateArray())
            {
                var value = ValueJson.Read(part, $"{where}.{ValueJson.ConcatKey}[{i++}]", sink);
                text.Append(value.AsString() ?? throw new ReviewInputException(
                    $"{where}.{ValueJson.ConcatKey}[{i - 1}]: expected a string, a $ref or a $lookup"));
            }
            sink.Any = true;
            return new StringValue(text.ToString());
        }
        return null;
    }

    private static string Field(JsonElement marker, string name, string where, string kind) =>
        marker.ValueKind == JsonValueKind.Object && marker.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ReviewInputException($"{where}: {kind}: expected a string \"{SafeText.Escape(name)}\"");

    private static string Digest(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(52);
        for (var i = 0; sb.Length < 52; i++) sb.Append(Base32[bytes[i % bytes.Length] + i / bytes.Length & 31]);
        return sb.ToString();
    }
}
