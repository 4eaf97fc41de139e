namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// One growable array shared by every level of a recursive read: a map or list being read pushes its items above
/// those of the values that contain it, copies them out once complete (to an array of the exact size) and pops
/// back. Reading millions of small maps and lists then allocates nothing but their final arrays.
/// </summary>
internal sealed class ScratchStack<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    public void Push(T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    /// <summary>The items pushed since <paramref name="start"/>.</summary>
    public Span<T> From(int start) => _items.AsSpan(start, Count - start);

    /// <summary>Pops back to <paramref name="start"/>, clearing the references it held.</summary>
    public void Truncate(int start)
    {
        Array.Clear(_items, start, Count - start);
        Count = start;
    }
}
