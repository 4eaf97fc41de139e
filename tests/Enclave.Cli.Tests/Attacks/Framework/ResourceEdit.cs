using System.Globalization;
using System.Text.Json.Nodes;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>
/// One resource of a <see cref="Prod"/> copy, changed in place. Paths are dotted with list indexes
/// (<c>ingressSecurityRules[0].source</c>); a change to an input is made to the output of the same path too when the
/// state has it, as a deployed change would. Values: string, bool, number, <see cref="JsonNode"/>,
/// <see cref="Value.Secret"/> or <see cref="Value.Unknown"/>.
/// </summary>
public sealed class ResourceEdit
{
    internal ResourceEdit(Prod prod, JsonObject json)
    {
        Prod = prod;
        Json = json;
    }

    public Prod Prod { get; }
    public JsonObject Json { get; }
    public string Urn => Json["urn"]!.GetValue<string>();
    public string Type => Prod.TypeOf(Json);
    public string Name => Prod.NameOf(Json);
    public JsonObject Inputs => (JsonObject)Json["inputs"]!;

    public JsonNode? Get(string path) => Navigate(Inputs, path, create: false) is var (parent, key, index) ? Child(parent, key, index) : null;

    public ResourceEdit Set(string path, object? value)
    {
        foreach (var side in Sides(path))
        {
            var (parent, key, index) = Navigate(side, path, create: true) ?? throw new ArgumentException($"{Name}: cannot reach {path}");
            var node = Value.ToNode(value);
            if (key is not null) ((JsonObject)parent)[key] = node;
            else
            {
                var list = (JsonArray)parent;
                if (index!.Value == list.Count) list.Add(node); else list[index.Value] = node;
            }
        }
        return this;
    }

    public ResourceEdit Remove(string path)
    {
        foreach (var side in Sides(path))
            if (Navigate(side, path, create: false) is var (parent, key, index))
            {
                if (key is not null) ((JsonObject)parent).Remove(key);
                else ((JsonArray)parent).RemoveAt(index!.Value);
            }
        return this;
    }

    /// <summary>Appends to the list at <paramref name="path"/> (e.g. a policy statement, a route rule).</summary>
    public ResourceEdit Append(string path, object? value)
    {
        var count = Get(path) is JsonArray a ? a.Count : 0;
        if (Get(path) is null) Set(path, new JsonArray());
        return Set($"{path}[{count}]", value);
    }

    /// <summary>
    /// Replaces the resource (a change to an input that forces a new one, or a `replaceOnChanges`): the preview shows a
    /// replacement (<see cref="Prod.ShowReplacementSteps"/>), the deployed state the successor's new id.
    /// </summary>
    public ResourceEdit Replace()
    {
        Prod.Replaced.Add(Urn);
        if (Json["id"] is JsonValue id && id.TryGetValue<string>(out var old)) Json["id"] = old + "-replacement";
        return this;
    }

    public ResourceEdit Secret(string path) => Set(path, Framework.Value.Secret);

    public ResourceEdit Unknown(string path) => Set(path, Framework.Value.Unknown);

    /// <summary>Forgets where input <paramref name="key"/> came from (its property dependencies), as a hand-edited state would.</summary>
    public ResourceEdit WithoutLineage(string key)
    {
        (Json["propertyDependencies"] as JsonObject)?.Remove(key);
        return this;
    }

    /// <summary>Points the resource at another provider (a provider reference <c>urn::id</c>).</summary>
    public ResourceEdit UseProvider(ResourceEdit provider)
    {
        Json["provider"] = $"{provider.Urn}::{provider.Json["id"]!.GetValue<string>()}";
        return this;
    }

    // The inputs always; the outputs when they hold the path's top-level key (a deployed resource echoes its inputs).
    private IEnumerable<JsonObject> Sides(string path)
    {
        yield return Inputs;
        var top = Segments(path).First().Key!;
        if (Json["outputs"] is JsonObject outputs && outputs.ContainsKey(top)) yield return outputs;
    }

    private static JsonNode? Child(JsonNode parent, string? key, int? index) =>
        key is not null ? ((JsonObject)parent)[key] : index < ((JsonArray)parent).Count ? ((JsonArray)parent)[index!.Value] : null;

    /// <summary>The container of the path's last segment and that segment; null when an intermediate is missing.</summary>
    private static (JsonNode Parent, string? Key, int? Index)? Navigate(JsonObject root, string path, bool create)
    {
        var segments = Segments(path).ToList();
        JsonNode current = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var (key, index) = segments[i];
            var next = Child(current, key, index);
            if (next is null || (next is not JsonObject && next is not JsonArray))
            {
                if (!create) return null;
                next = segments[i + 1].Index is null ? new JsonObject() : new JsonArray();
                if (key is not null) ((JsonObject)current)[key] = next;
                else ((JsonArray)current).Add(next);
            }
            current = next;
        }
        var last = segments[^1];
        return (current, last.Key, last.Index);
    }

    private static IEnumerable<(string? Key, int? Index)> Segments(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0) { yield return (part, null); continue; }
            if (bracket > 0) yield return (part[..bracket], null);
            foreach (var index in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                yield return (null, int.Parse(index.TrimEnd(']'), CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Values an edit can set that plain JSON cannot say.</summary>
public static class Value
{
    public static readonly object Secret = new SecretMarker();
    public static readonly object Unknown = new UnknownMarker();

    /// <summary>A JSON list of strings.</summary>
    public static JsonArray List(params string[] items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    internal static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        SecretMarker => StateJson.Secret(),
        UnknownMarker => StateJson.Unknown(),
        JsonNode n => n.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => throw new ArgumentException($"cannot set a {value.GetType().Name}"),
    };

    private sealed class SecretMarker;
    private sealed class UnknownMarker;
}
