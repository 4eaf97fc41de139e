using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// Whether a string occurs anywhere in one resource's inputs. A resource asks for its id and a few outputs: the
/// inputs are searched in place for the first few, and only a resource that asks more gets a set of its input
/// strings (one set reused for every resource: a set per resource was most of a 100k-resource diff's garbage).
/// </summary>
internal sealed class TypedStrings
{
    private const int SearchesBeforeSet = 4;
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private MapValue _inputs = MapValue.Empty;
    private int _asked;

    public void Reset(MapValue inputs)
    {
        _inputs = inputs;
        _asked = 0;
    }

    public bool Contains(string text)
    {
        if (++_asked <= SearchesBeforeSet)
        {
            foreach (var (_, v) in _inputs.Entries)
                if (Holds(v, text)) return true;
            return false;
        }
        if (_asked == SearchesBeforeSet + 1)
        {
            _set.Clear();
            foreach (var (_, v) in _inputs.Entries) ValueOrigins.CollectStrings(v, _set);
        }
        return _set.Contains(text);
    }

    private static bool Holds(PropertyValue value, string text)
    {
        switch (value)
        {
            case StringValue s: return string.Equals(s.Value, text, StringComparison.Ordinal);
            case ListValue l:
                foreach (var i in l.Items)
                    if (Holds(i, text)) return true;
                return false;
            case MapValue m:
                foreach (var (_, v) in m.Entries)
                    if (Holds(v, text)) return true;
                return false;
            default: return false;
        }
    }
}
