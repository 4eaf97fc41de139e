using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// Hand-written resource graphs. Inputs refer to other resources with <see cref="Ref"/> ("ref:NAME", the target's
/// id) and <see cref="NameOf"/> ("name:NAME", the target's <c>name</c> input); <see cref="Build"/> resolves them
/// either to known ids (state, or a preview of an existing stack) or, with <c>idsKnown: false</c>, to unknown
/// values whose property dependencies name the target (a preview creating everything).
/// </summary>
public sealed class GraphBuilder
{
    public const string Project = "us-data-enclave";

    private readonly List<Spec> _specs = [];

    public GraphBuilder(string stack = "dev") => Stack = stack;

    public string Stack { get; }

    public sealed class Spec(string type, string name, Dictionary<string, object?> inputs)
    {
        public string Type { get; set; } = type;
        public string Name { get; } = name;
        public Dictionary<string, object?> Inputs { get; } = inputs;
        public Dictionary<string, object?> Outputs { get; } = [];
        public bool Protect { get; set; }
        public string? Provider { get; set; } = "default";

        /// <summary>
        /// Already deployed: its id stays known even in a graph built with <c>idsKnown: false</c> (a preview of a change
        /// to a running enclave, whose compartments exist), and references to it resolve to that id.
        /// </summary>
        public bool Existing { get; set; }
    }

    public static string Ref(string name) => "ref:" + name;
    public static string NameOf(string name) => "name:" + name;
    /// <summary>An output of another resource ("out:NAME:KEY"), e.g. a VCN's defaultSecurityListId.</summary>
    public static string OutputOf(string name, string key) => $"out:{name}:{key}";
    /// <summary>A value unknown until deploy, with no dependency to explain it.</summary>
    public static readonly object Unknown = new UnknownMarker();
    /// <summary>A secret value.</summary>
    public static readonly object Secret = new SecretMarker();
    private sealed record UnknownMarker;
    private sealed record SecretMarker;

    public Spec Add(string type, string name, object? inputs = null, bool protect = false)
    {
        var spec = new Spec(type, name, ToDictionary(inputs)) { Protect = protect };
        _specs.RemoveAll(s => s.Name == name);
        _specs.Add(spec);
        return spec;
    }

    public Spec this[string name] => _specs.Single(s => s.Name == name);

    public bool Has(string name) => _specs.Any(s => s.Name == name);

    public void Remove(string name) => _specs.RemoveAll(s => s.Name == name);

    public IEnumerable<Spec> Specs => _specs;

    public static string UrnOf(string stack, string type, string name) =>
        type == "pulumi:pulumi:Stack" ? $"urn:pulumi:{stack}::{Project}::{type}::{name}"
        : type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? $"urn:pulumi:{stack}::{Project}::{type}::{name}"
        : $"urn:pulumi:{stack}::{Project}::pulumi:pulumi:Stack${type}::{name}";

    public string Urn(string name) => UrnOf(Stack, this[name].Type, name);

    public static string IdOf(Spec spec) => $"ocid1.{spec.Type.Split(':')[^1].ToLowerInvariant()}.oc1.iad.{spec.Name}";

    public ResourceGraph Build(bool idsKnown = true, GraphOrigin origin = GraphOrigin.State) =>
        new(Stack, Project, origin, Nodes(idsKnown), "test");

    /// <summary>The resolved nodes (also what the JSON writers serialise).</summary>
    public IReadOnlyList<ResourceNode> Nodes(bool idsKnown)
    {
        var nodes = new List<ResourceNode>();
        foreach (var spec in _specs)
        {
            var deps = new Dictionary<string, List<string>>();
            var inputs = new MapValue(spec.Inputs.ToImmutableSortedDictionary(kv => kv.Key,
                kv => Resolve(kv.Value, kv.Key, deps, idsKnown), StringComparer.Ordinal));
            var outputs = new MapValue(spec.Outputs.ToImmutableSortedDictionary(kv => kv.Key,
                kv => Resolve(kv.Value, kv.Key, new Dictionary<string, List<string>>(), idsKnown), StringComparer.Ordinal));
            var custom = spec.Type != "pulumi:pulumi:Stack";
            var providerUrn = spec.Provider is { } p && custom && !spec.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
                ? $"{UrnOf(Stack, "pulumi:providers:oci", p)}::{(idsKnown ? "prov-" + p : "04da6b54-80e4-46f7-96ec-b56ff0331ba9")}" : null;
            nodes.Add(new ResourceNode(
                UrnOf(Stack, spec.Type, spec.Name), spec.Type, spec.Name, custom,
                custom ? idsKnown || spec.Existing ? PropertyValue.Of(IdOf(spec)) : PropertyValue.Unknown : PropertyValue.Null,
                spec.Type == "pulumi:pulumi:Stack" ? null : UrnOf(Stack, "pulumi:pulumi:Stack", $"{Project}-{Stack}"),
                deps.Values.SelectMany(v => v).Distinct().ToImmutableArray(),
                deps.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Distinct().ToImmutableArray(), StringComparer.Ordinal),
                providerUrn, null, spec.Protect, inputs, outputs));
        }
        return Enclave.Policy.Loaders.RegionResolver.Resolve(nodes, "us-ashburn-1");
    }

    private PropertyValue Resolve(object? value, string topKey, Dictionary<string, List<string>> deps, bool idsKnown)
    {
        switch (value)
        {
            case null: return PropertyValue.Null;
            case PropertyValue pv: return pv;
            case UnknownMarker: return PropertyValue.Unknown;
            case SecretMarker: return PropertyValue.Secret;
            case bool b: return PropertyValue.Of(b);
            case int i: return PropertyValue.Of(i);
            case double d: return PropertyValue.Of(d);
            case string s when s.StartsWith("ref:", StringComparison.Ordinal):
            {
                var target = this[s[4..]];
                AddDep(deps, topKey, UrnOf(Stack, target.Type, target.Name));
                return idsKnown || target.Existing ? PropertyValue.Of(IdOf(target)) : PropertyValue.Unknown;
            }
            case string s when s.StartsWith("out:", StringComparison.Ordinal):
            {
                var parts = s.Split(':');
                var target = this[parts[1]];
                AddDep(deps, topKey, UrnOf(Stack, target.Type, target.Name));
                return idsKnown ? PropertyValue.Of((string)target.Outputs[parts[2]]!) : PropertyValue.Unknown;
            }
            case string s when s.StartsWith("name:", StringComparison.Ordinal):
            {
                var target = this[s[5..]];
                AddDep(deps, topKey, UrnOf(Stack, target.Type, target.Name));
                return PropertyValue.Of(target.Inputs["name"] as string ?? target.Name);
            }
            case string s: return PropertyValue.Of(s);
            case System.Collections.IDictionary dict:
                return new MapValue(dict.Keys.Cast<string>().ToImmutableSortedDictionary(k => k,
                    k => Resolve(dict[k], topKey, deps, idsKnown), StringComparer.Ordinal));
            case System.Collections.IEnumerable list:
                return new ListValue(list.Cast<object?>().Select(x => Resolve(x, topKey, deps, idsKnown)).ToImmutableArray());
            default:
                return new MapValue(ToDictionary(value).ToImmutableSortedDictionary(kv => kv.Key,
                    kv => Resolve(kv.Value, topKey, deps, idsKnown), StringComparer.Ordinal));
        }
    }

    private static void AddDep(Dictionary<string, List<string>> deps, string key, string urn)
    {
        if (!deps.TryGetValue(key, out var list)) deps[key] = list = [];
        list.Add(urn);
    }

    /// <summary>Anonymous objects and dictionaries become input maps (property names as written).</summary>
    public static Dictionary<string, object?> ToDictionary(object? inputs) => inputs switch
    {
        null => [],
        Dictionary<string, object?> d => new Dictionary<string, object?>(d),
        _ => inputs.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(inputs)),
    };
}
