using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Exact sameness of two property values as read: same kind, same strings, same number bits (0 and -0 differ), same
/// items and fields in the same order. Stricter than record equality on purpose: a value found the same is replaced
/// by the other instance (<see cref="PulumiValueReader.ReadMap"/>), which must change nothing a rule can see.
/// </summary>
internal static class SameValue
{
    public static bool Equal(PropertyValue a, PropertyValue b)
    {
        if (ReferenceEquals(a, b)) return true;
        switch (a)
        {
            case StringValue s: return b is StringValue t && string.Equals(s.Value, t.Value, StringComparison.Ordinal);
            case NumberValue n:
                return b is NumberValue m && BitConverter.DoubleToInt64Bits(n.Value) == BitConverter.DoubleToInt64Bits(m.Value);
            case BoolValue x: return b is BoolValue y && x.Value == y.Value;
            case ListValue l:
                if (b is not ListValue k || l.Items.Length != k.Items.Length) return false;
                for (var i = 0; i < l.Items.Length; i++)
                    if (!Equal(l.Items[i], k.Items[i])) return false;
                return true;
            case MapValue p:
                if (b is not MapValue q || p.Count != q.Count) return false;
                var pe = p.Entries;
                var qe = q.Entries;
                for (var i = 0; i < pe.Length; i++)
                    if (!string.Equals(pe[i].Key, qe[i].Key, StringComparison.Ordinal) || !Equal(pe[i].Value, qe[i].Value)) return false;
                return true;
            case NullValue or UnknownValue or SecretValue or ResourceRefValue: return a.GetType() == b.GetType() && a.Equals(b);
            default: return false;
        }
    }
}
