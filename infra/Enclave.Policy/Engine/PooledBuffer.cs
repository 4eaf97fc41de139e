using System.Buffers;
using System.Runtime.CompilerServices;

namespace Enclave.Policy.Engine;

/// <summary>
/// A growable array rented from the shared pool. A run over a large stack gathers and sorts hundreds of thousands
/// of findings; fresh arrays of that size go to the large-object heap each time, and filling that heap is what
/// triggers full garbage collections. Renting reuses them from run to run. Dispose returns the array (cleared: it
/// may hold references).
/// </summary>
internal sealed class PooledBuffer<T>(int capacity = 1024) : IDisposable
{
    public T[] Items { get; private set; } = ArrayPool<T>.Shared.Rent(capacity);

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == Items.Length) Grow(Count + 1);
        Items[Count++] = item;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Items.Length * 2));
        Items.AsSpan(0, Count).CopyTo(bigger);
        Return();
        Items = bigger;
    }

    // Only the slots written are cleared: a rented array may be far larger than what was used (the pool rounds up to
    // a power of two), and clearing all of it on every return was tens of megabytes written per 100k run.
    private void Return()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Items.AsSpan(0, Count).Clear();
        ArrayPool<T>.Shared.Return(Items);
    }

    public void Dispose()
    {
        Return();
        Items = [];
        Count = 0;
    }
}
