using System.Runtime.InteropServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Shares the strings of one input that repeat: property names, type tokens, URNs named as parents and
/// dependencies, compartment OCIDs, regions, enum values. A state of 200k resources holds a few distinct keys and
/// many repeated values; one string (and one <see cref="StringValue"/>) per distinct text instead of one per
/// occurrence is most of the graph's memory. Direct-mapped and fixed in size: a slot holds the last text that hashed
/// to it, so the cache never grows, costs one comparison per lookup, and a text that does not repeat (a unique id)
/// costs nothing but the comparison that misses; a hostile input of colliding texts only makes it miss. Slots are
/// found and compared by the text's UTF-8 bytes as they stand in the input, so a repeated text is neither decoded
/// nor hashed as chars again. Long texts are not cached.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Texts longer than this (in UTF-8 bytes) are made fresh each time: they rarely repeat.</summary>
    public const int MaxCachedBytes = 256;
    private const int SlotBits = 17;
    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    /// <summary>Where the text whose (unescaped) UTF-8 form is <paramref name="utf8"/> lives: its slot and full hash.</summary>
    public Key KeyOf(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        return new Key((int)(hash >> (32 - SlotBits)), hash);
    }

    /// <summary>
    /// The string the slot holds when it holds <paramref name="utf8"/>; null on a miss (then <see cref="Store"/>). The
    /// full hash is compared first: a slot held by another text is told apart without reading that text's bytes (a
    /// cache miss per unique id of a large state).
    /// </summary>
    public string? Find(Key key, ReadOnlySpan<byte> utf8)
    {
        ref var slot = ref _slots[key.Slot];
        return slot.Hash == key.Hash && slot.Utf8 is { } held && utf8.SequenceEqual(held) ? slot.Text : null;
    }

    /// <summary>Puts <paramref name="text"/> (decoded and validated from <paramref name="utf8"/>) in the slot.</summary>
    public string Store(Key key, ReadOnlySpan<byte> utf8, string text)
    {
        _slots[key.Slot] = new Slot { Text = text, Utf8 = utf8.ToArray(), Hash = key.Hash };
        return text;
    }

    /// <summary>The slot's text (call after <see cref="Find"/> or <see cref="Store"/>).</summary>
    public string TextAt(int slot) => _slots[slot].Text!;

    /// <summary>Whether the slot's <see cref="StringValue"/> was made already.</summary>
    public bool HasValue(int slot) => _slots[slot].Value is not null;

    /// <summary>The <see cref="StringValue"/> of the slot's text (call after <see cref="Find"/> or <see cref="Store"/>).</summary>
    public StringValue ValueAt(int slot) => _slots[slot].Value ??= new StringValue(_slots[slot].Text!);

    /// <summary>FNV-1a over 8-byte words then the tail, mixed: fast, and the cache needs spread, not secrecy.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL ^ (ulong)bytes.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var w in words) h = (h ^ w) * 1099511628211UL;
        foreach (var b in bytes[(words.Length * 8)..]) h = (h ^ b) * 1099511628211UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (uint)h;
    }

    /// <summary>A text's slot and full hash (<see cref="KeyOf"/>).</summary>
    public readonly record struct Key(int Slot, uint Hash);

    private struct Slot
    {
        public string? Text;
        public byte[]? Utf8;
        public StringValue? Value;
        public uint Hash;
    }
}
