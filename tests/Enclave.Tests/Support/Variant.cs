using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Enclave.Tests.Support;

/// <summary>
/// A test-only deviation from the real program run, used to prove an assertion helper reports a broken rule:
/// an edited copy of the stack config, a mock engine that records a flipped input, registrations added to the
/// observed graph, a different set of subscribed regions or another answer to an invoke in the fake cloud.
/// </summary>
public sealed record Variant
{
    public Func<ImmutableSortedDictionary<string, string>, ImmutableSortedDictionary<string, string>>? EditConfig { get; init; }
    public Func<Registered, Registered>? Mutate { get; init; }
    public IReadOnlyList<Registered> Extra { get; init; } = [];
    public Func<IReadOnlyList<string>, IEnumerable<string>>? EditSubscriptions { get; init; }

    /// <summary>Edits the fake cloud's answer to an invoke (token, answer): a tenancy that differs from the fake's.</summary>
    public Func<string, object, object>? EditAnswer { get; init; }

    /// <summary>Records <paramref name="path"/> = <paramref name="value"/> on every resource of <paramref name="type"/>
    /// (optionally only those whose logical name contains <paramref name="nameContains"/>).</summary>
    public static Variant Flip(string type, string path, object? value, string? nameContains = null) => new()
    {
        Mutate = r => r.Type == type && (nameContains is null || r.Name.Contains(nameContains, StringComparison.Ordinal))
            ? r.With(path, value) : r,
    };

    /// <summary>Records a changed copy of every resource of <paramref name="type"/>.</summary>
    public static Variant Change(string type, Func<Registered, Registered> change) => new()
    {
        Mutate = r => r.Type == type ? change(r) : r,
    };

    /// <summary>Runs with a copy of the stack config whose structured key <paramref name="key"/> is edited.</summary>
    public static Variant ConfigObject(string key, Action<JsonObject> edit) => new()
    {
        EditConfig = config =>
        {
            var node = JsonNode.Parse(config[key])!.AsObject();
            edit(node);
            return config.SetItem(key, node.ToJsonString());
        },
    };

    /// <summary>Runs with a copy of the stack config where scalar key <paramref name="key"/> is replaced.</summary>
    public static Variant ConfigValue(string key, string value) => new()
    {
        EditConfig = config => config.SetItem(key, value),
    };
}
