using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>True for the keys of the report-only markers (<c>$ref</c>, <c>$lookup</c>, <c>$time</c>, <c>$concat</c>).</summary>
    public static bool IsMarkerKey(string key) =>
        key is ValueJson.RefKey or ValueJson.LookupKey or ValueJson.TimeKey or ValueJson.ConcatKey;

    /// <summary>
    /// The stand-in for the marker <c>{key: body}</c> (<paramref name="body"/> already read, nested markers already
    /// stand-ins), recorded in this sink; <paramref name="fail"/> makes the error for a malformed marker.
    /// </summary>
    internal PropertyValue FromMarker(string key, PropertyValue body, Func<string, Exception> fail)
    {
        Any = true;
        switch (key)
        {
            case ValueJson.RefKey:
                var (urn, output) = (Field(body, "urn", key, fail), Field(body, "output", key, fail));
                var standIn = For(urn, output);
                Referenced[(urn, output)] = standIn;
                return new StringValue(standIn);
            case ValueJson.LookupKey:
                var (invoke, value) = (Field(body, "invoke", key, fail), Field(body, "standIn", key, fail));
                _lookups.TryAdd(value, invoke);
                return new StringValue(value);
            case ValueJson.TimeKey:
                if (body is not MapValue m || !m.Fields.TryGetValue("days", out var d) || d is not NumberValue { Value: var days } ||
                    days != Math.Floor(days) || days is < 0 or > 36_600)
                    throw fail($"{key}: expected {{\"from\": \"now\", \"days\": 0 to 36600}}");
                return new StringValue(Date((int)days));
            case ValueJson.ConcatKey:
                if (body is not ListValue parts)
                    throw fail($"{key}: expected an array of strings and markers");
                var text = new StringBuilder();
                for (var i = 0; i < parts.Items.Length; i++)
                    text.Append(parts.Items[i] is StringValue part ? part.Value : throw fail($"{key}[{i}]: expected a string, a $ref or a $lookup"));
                return new StringValue(text.ToString());
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "not a report-only marker key");
        }
    }

    private static string Field(PropertyValue marker, string name, string kind, Func<string, Exception> fail) =>
        marker is MapValue m && m.Fields.TryGetValue(name, out var v) && v is StringValue s
            ? s.Value
            : throw fail($"{kind}: expected a string \"{SafeText.Escape(name)}\"");

    private static string Digest(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(52);
        for (var i = 0; sb.Length < 52; i++) sb.Append(Base32[bytes[i % bytes.Length] + i / bytes.Length & 31]);
        return sb.ToString();
    }
}
