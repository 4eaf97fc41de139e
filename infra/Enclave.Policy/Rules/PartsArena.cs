namespace Enclave.Policy.Rules;

/// <summary>
/// Where findings' messages keep their parts (<see cref="FindingText"/>): slices of shared chunks instead of an
/// array per message. A run over 100k resources keeps ~700k findings until the report is written; as one array
/// each, their parts were ~700k more objects for every garbage collection to copy and mark. A slice is never written
/// again once a text holds it, so a text's parts stay as written. Each thread fills its own chunk (rules may run on
/// several threads, e.g. the policy pack's).
/// </summary>
internal static class PartsArena
{
    /// <summary>Slots per chunk: large enough to hold thousands of messages, small enough to stay off the large-object heap.</summary>
    private const int ChunkSize = 8000;

    /// <summary>A message longer than this gets its own array (a chunk would waste its tail).</summary>
    private const int LargestShared = ChunkSize / 8;

    [ThreadStatic] private static string?[]? _chunk;
    [ThreadStatic] private static int _used;
    /// <summary>The rest (all parts but the first) of the last text made on this thread, for the next one to share.</summary>
    [ThreadStatic] private static Slice _lastRest;

    /// <summary><see cref="Count"/> slots starting at <see cref="Offset"/> of <see cref="Array"/>.</summary>
    internal readonly record struct Slice(string?[] Array, int Offset, int Count);

    /// <summary>Slots for one text; a writer reads back only the slots it wrote.</summary>
    public static Slice Rent(int count)
    {
        if (count > LargestShared) return new Slice(new string?[count], 0, count);
        if (_chunk is null || _used + count > ChunkSize)
        {
            _chunk = new string?[ChunkSize];
            _used = 0;
        }
        var slice = new Slice(_chunk, _used, count);
        _used += count;
        return slice;
    }

    /// <summary>
    /// Keeps all but the first of the <paramref name="written"/> parts of <paramref name="slice"/> (the caller keeps the
    /// first itself) and gives the other slots back: the previous text's rest when it holds the same parts (the slice
    /// is then given back whole), else the slice's own.
    /// </summary>
    public static Slice KeepRest(Slice slice, int written)
    {
        var count = Math.Max(written - 1, 0);
        var rest = new ReadOnlySpan<string?>(slice.Array, slice.Offset + 1, count);
        if (_lastRest.Array is { } last && _lastRest.Count == count && Same(new ReadOnlySpan<string?>(last, _lastRest.Offset, count), rest))
        {
            GiveBack(slice, 0);
            return _lastRest;
        }
        GiveBack(slice, written);
        return _lastRest = new Slice(slice.Array, slice.Offset + 1, count);
    }

    private static bool Same(ReadOnlySpan<string?> a, ReadOnlySpan<string?> b)
    {
        for (var i = 0; i < a.Length; i++)
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Gives back (cleared) the slots after the first <paramref name="kept"/> of the slice, if it was the last rented.</summary>
    private static void GiveBack(Slice slice, int kept)
    {
        if (!ReferenceEquals(slice.Array, _chunk) || slice.Offset + slice.Count != _used) return;
        System.Array.Clear(slice.Array, slice.Offset + kept, slice.Count - kept);
        _used = slice.Offset + kept;
    }
}
