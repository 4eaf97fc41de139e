using System.Collections;

namespace Enclave.Policy.Network;

/// <summary>
/// A list computed on first use. A target's security lists, route tables and NSGs only matter when its VCN has a door
/// (most have none), so the model reads them only then: on 100k resources that is most of the analysis saved.
/// Like the <see cref="NetworkModel"/> it reads, it is not thread-safe: the analysis forces it while it runs.
/// </summary>
internal sealed class Deferred<T>(Func<IReadOnlyList<T>> compute) : IReadOnlyList<T>
{
    private IReadOnlyList<T>? _items;

    private IReadOnlyList<T> Items => _items ??= compute();

    public T this[int index] => Items[index];

    public int Count => Items.Count;

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
