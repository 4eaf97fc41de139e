using Pulumi;

namespace Enclave.Offline.Planning;

/// <summary>One resource as its constructor saw it: the resource, its args and its options (before registration).</summary>
internal sealed record ObservedResource(Resource Resource, ResourceArgs Args, ResourceOptions Options);

/// <summary>Collects what <see cref="ResourceObserver"/> reports, in construction order (parents before children).</summary>
internal sealed class ObservationLog
{
    private readonly List<ObservedResource> _items = [];

    public void Add(ResourceTransformationArgs args)
    {
        lock (_items) _items.Add(new ObservedResource(args.Resource, args.Args, args.Options));
    }

    public IReadOnlyList<ObservedResource> Snapshot()
    {
        lock (_items) return _items.ToList();
    }
}
