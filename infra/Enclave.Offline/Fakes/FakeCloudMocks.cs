using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Enclave.Offline.Fakes;

/// <summary>One resource as the mock engine saw it: type, name, inputs by wire name (plain), the fake id given, its region.</summary>
public sealed record FakeResource(string Type, string Name, string Id, ImmutableDictionary<string, object> Inputs, string? Region);

/// <summary>
/// <see cref="IMocks"/> backed by <see cref="FakeCloud"/>: every new resource gets a deterministic fake id and its
/// inputs back, plus the computed outputs the program reads (<see cref="ComputedOutputs"/>); invokes are answered by
/// the fake cloud in the region of the invoke's provider. It records what it saw for the offline runner: resources by
/// (type, name) and every fake secret value it handed out.
/// </summary>
public sealed class FakeCloudMocks : IMocks
{
    private readonly ConcurrentDictionary<(string Type, string Name), FakeResource> _resources = new();
    private readonly ConcurrentDictionary<string, string> _providerRegions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lookups = new(StringComparer.Ordinal);

    /// <param name="cloud">Answers invokes and names the tenancy.</param>
    /// <param name="defaultRegion">Region of resources without an explicit provider (<c>oci:region</c>).</param>
    public FakeCloudMocks(FakeCloud cloud, string defaultRegion)
    {
        Cloud = cloud;
        DefaultRegion = defaultRegion;
    }

    public FakeCloud Cloud { get; }
    public string DefaultRegion { get; }

    /// <summary>Resources registered so far, by type and logical name.</summary>
    public IReadOnlyDictionary<(string Type, string Name), FakeResource> Resources => _resources;

    /// <summary>Every fake secret value handed out (random passwords and strings).</summary>
    public IReadOnlyCollection<string> SecretValues => _secrets.Keys.ToImmutableSortedSet(StringComparer.Ordinal);

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var type = args.Type ?? "";
        var name = args.Name ?? "";
        var inputs = args.Inputs ?? ImmutableDictionary<string, object>.Empty;
        var region = type.StartsWith("pulumi:providers:oci", StringComparison.Ordinal)
            ? inputs.GetValueOrDefault("region") as string ?? DefaultRegion
            : type.StartsWith("oci:", StringComparison.Ordinal) ? RegionOf(args.Provider) : null;

        var id = string.IsNullOrEmpty(args.Id) ? FakeResourceIds.For(type, name, region, inputs, Cloud) : args.Id;
        if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && region is not null) _providerRegions[id] = region;

        var state = new Dictionary<string, object>(inputs, StringComparer.Ordinal);
        foreach (var (key, value) in ComputedOutputs.For(type, name, region, inputs, s => _secrets.TryAdd(s, 0)))
            state[key] = value;

        var resource = new FakeResource(type, name, id, inputs, region);
        if (!_resources.TryAdd((type, name), resource))
            throw new InvalidOperationException(
                $"two resources of type {type} are named '{name}'; the offline runner needs unique names per type");
        return Task.FromResult<(string?, object)>((id, state));
    }

    /// <summary>
    /// The identifiers the fake cloud answered invokes with (service, recipe and domain OCIDs, the namespace), each with
    /// the invoke token: a real preview reads real ones, so reports show these as lookups, never as the stand-ins.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Lookups => _lookups.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public Task<object> CallAsync(MockCallArgs args)
    {
        var token = args.Token ?? "";
        var answer = Cloud.Invoke(token, args.Args, RegionOf(args.Provider));
        var echoed = new HashSet<string>(StringComparer.Ordinal) { Cloud.TenancyOcid };
        foreach (var value in args.Args?.Values ?? []) Strings(null, value, (_, s) => echoed.Add(s));
        Strings(null, answer, (key, s) =>
        {
            if (!echoed.Contains(s) && key is not null && IsIdentifierKey(key)) _lookups.TryAdd(s, token);
        });
        return Task.FromResult(answer);
    }

    /// <summary>Answer fields that hold an identifier the cloud decides (an OCID, the namespace), not a name or a label.</summary>
    private static bool IsIdentifierKey(string key) =>
        key is "id" or "namespace" || key.EndsWith("Id", StringComparison.Ordinal);

    private static void Strings(string? key, object? value, Action<string?, string> visit)
    {
        switch (value)
        {
            case string s: visit(key, s); break;
            case System.Collections.IDictionary d:
                foreach (System.Collections.DictionaryEntry e in d) Strings(e.Key as string, e.Value, visit);
                break;
            case System.Collections.IEnumerable e:
                foreach (var item in e) Strings(key, item, visit);
                break;
        }
    }

    /// <summary>The region of a provider reference (<c>urn::id</c>); the default region when none is given.</summary>
    public string RegionOf(string? providerReference)
    {
        if (string.IsNullOrEmpty(providerReference)) return DefaultRegion;
        var separator = providerReference.LastIndexOf("::", StringComparison.Ordinal);
        var id = separator >= 0 ? providerReference[(separator + 2)..] : providerReference;
        return _providerRegions.TryGetValue(id, out var region) ? region : DefaultRegion;
    }
}
