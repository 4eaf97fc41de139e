namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// What the objects a loader makes for a value cost on a 64-bit runtime, as <see cref="JsonSource.Keep"/> charges
/// them: an estimate on the high side (a shared string is charged when first made, however often it repeats).
/// </summary>
internal static class KeptBytes
{
    /// <summary>A small object with one or two fields (a string or number value, a list or map wrapper).</summary>
    public const int SmallObject = 32;

    /// <summary>
    /// A resource: its node (some fifteen fields and the graph's index entries), its name and its label
    /// (<c>type::name</c>). Charged per resource, so a file of tiny resources (a URN and a type each) or of long names
    /// cannot keep many times its size either.
    /// </summary>
    public static long Resource(int typeLength, int nameLength) => 200 + String(nameLength) + String(typeLength + nameLength + 2);

    /// <summary>A .NET string of <paramref name="chars"/> UTF-16 characters: header, length, characters, padding.</summary>
    public static long String(int chars) => (22 + 2L * chars + 7) & ~7L;

    /// <summary>An array of <paramref name="items"/> slots of <paramref name="slotBytes"/> bytes each.</summary>
    public static long Array(int items, int slotBytes) => 24 + (long)items * slotBytes;
}
