namespace Enclave.Policy.Rules;

/// <summary>
/// Where findings' messages keep their parts (<see cref="FindingText"/>): slices of shared chunks instead of an
/// array per message. A run over 100k resources keeps ~700k findings until the report is written; as one array
/// each, their parts were ~700k more objects for every garbage collection to copy and mark. A chunk is never
/// written again once its slices are handed out, so a text's parts stay as written. Each thread fills its own
/// chunk (rules may run on several threads, e.g. the policy pack's).
/// </summary>
internal static class PartsArena
{
    /// <summary>Slots per chunk: large enough to hold thousands of messages, small enough to stay off the large-object heap.</summary>
    private const int ChunkSize = 8000;

    /// <summary>A message longer than this gets its own array (a chunk would waste its tail).</summary>
    private const int LargestShared = ChunkSize / 8;

    [ThreadStatic] private static string?[]? _chunk;
    [ThreadStatic] private static int _used;

    /// <summary><see cref="Count"/> slots starting at <see cref="Offset"/> of <see cref="Array"/>, all null, for one text.</summary>
    internal readonly record struct Slice(string?[] Array, int Offset, int Count);

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

    /// <summary>Gives back the slots after the first <paramref name="kept"/> of the last slice rented (if it was the last).</summary>
    public static void Trim(Slice slice, int kept)
    {
        if (ReferenceEquals(slice.Array, _chunk) && slice.Offset + slice.Count == _used) _used = slice.Offset + kept;
    }
}
