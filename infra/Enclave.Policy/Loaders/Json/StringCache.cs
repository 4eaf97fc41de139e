using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Shares the strings of one input that repeat: property names, type tokens, URNs named as parents and
/// dependencies, compartment OCIDs, regions, enum values. A state of 200k resources holds a few distinct keys and
/// many repeated values; one string (and one <see cref="StringValue"/>) per distinct text instead of one per
/// occurrence is most of the graph's memory. Direct-mapped and fixed in size: a slot holds the last text that hashed
/// to it, so the cache never grows, costs one comparison per lookup, and a text that does not repeat (a unique id)
/// costs nothing but the comparison that misses. Long texts are not cached.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Texts longer than this (in UTF-8 bytes) are made fresh each time: they rarely repeat.</summary>
    public const int MaxCachedBytes = 256;
    private const int SlotBits = 16;
    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    /// <summary>The string for <paramref name="chars"/>, shared with earlier occurrences when the slot still holds it.</summary>
    public string Get(ReadOnlySpan<char> chars) => SlotFor(chars).Text!;

    /// <summary>The <see cref="StringValue"/> for <paramref name="chars"/>, likewise shared.</summary>
    public StringValue Value(ReadOnlySpan<char> chars)
    {
        ref var slot = ref SlotFor(chars);
        return slot.Value ??= new StringValue(slot.Text!);
    }

    private ref Slot SlotFor(ReadOnlySpan<char> chars)
    {
        var hash = (uint)string.GetHashCode(chars);
        ref var slot = ref _slots[(int)(hash >> (32 - SlotBits))];
        if (slot.Text is null || !chars.SequenceEqual(slot.Text))
            slot = new Slot { Text = chars.ToString() };
        return ref slot;
    }

    private struct Slot
    {
        public string? Text;
        public StringValue? Value;
    }
}
