using Enclave.Offline.Stacks;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// The analyzer requests the engine builds for a stack (pulumi/pulumi <c>analyzer_plugin.go</c>): <c>ConfigureStack</c>
/// with the stack's config (<c>namespace:key</c> → string) and secret keys; <c>Analyze</c> per registered resource with its
/// inputs, options (protect, parent…) and provider (type, URN, name, its inputs); <c>AnalyzeStack</c> with every
/// resource's outputs plus parent, dependencies and property dependencies (empty ones left out). Resources without an
/// explicit provider get the engine's default provider (<c>pulumi:providers:PKG::default_X_Y_Z</c>, configured from
/// the stack config), which is listed in <c>AnalyzeStack</c> like every provider but never analyzed alone.
/// </summary>
public sealed class EngineRequests
{
    private static readonly Dictionary<string, string> PluginVersions = new(StringComparer.Ordinal)
    {
        ["oci"] = "4.20.0",
        ["random"] = "4.21.1",
    };

    private readonly ResourceGraph _graph;
    private readonly StackConfig _config;
    private readonly EngineValues _values;
    private readonly Dictionary<string, ResourceNode> _defaultProviders = new(StringComparer.Ordinal);

    public EngineRequests(ResourceGraph graph, StackConfig config)
    {
        _graph = graph;
        _config = config;
        _values = new EngineValues(graph);
        foreach (var node in graph.Resources.Where(n => n.Custom && n.Provider is null && !IsProvider(n)))
        {
            var package = node.Type.Split(':')[0];
            var version = PluginVersions.GetValueOrDefault(package, "1.0.0");
            var name = "default_" + version.Replace('.', '_');
            var urn = $"urn:pulumi:{graph.Stack}::{graph.Project}::pulumi:providers:{package}::{name}";
            if (_defaultProviders.ContainsKey(package)) continue;
            var inputs = PropertyValue.Map(("version", PropertyValue.Of(version)));
            if (package == "oci" && config.Values.TryGetValue("oci:region", out var region))
                inputs = PropertyValue.Map(("region", PropertyValue.Of(region)), ("version", PropertyValue.Of(version)));
            _defaultProviders[package] = ResourceNode.Create(urn, $"pulumi:providers:{package}", name, custom: true, inputs: inputs,
                id: PropertyValue.Of($"{package}-default-provider-id")) with { Outputs = inputs };
        }
    }

    /// <summary>The resources the program registers, in the order the engine would show them (parents first).</summary>
    public IEnumerable<ResourceNode> Registered => _graph.Resources.OrderBy(Depth).ThenBy(n => n.Urn, StringComparer.Ordinal);

    public AnalyzerStackConfigureRequest ConfigureStack(bool dryRun = true)
    {
        var request = new AnalyzerStackConfigureRequest
        {
            Stack = _graph.Stack,
            Project = _graph.Project,
            Organization = "organization",
            DryRun = dryRun,
        };
        request.Config.Add(_config.Values);
        request.ConfigSecretKeys.Add(_config.SecretKeys);
        return request;
    }

    public AnalyzeRequest Analyze(ResourceNode node) => new()
    {
        Urn = node.Urn,
        Type = node.Type,
        Name = node.Name,
        Properties = _values.Struct(node.Inputs),
        Options = Options(node, parentInOptions: true),
        Provider = ProviderOf(node),
    };

    public AnalyzeStackRequest AnalyzeStack()
    {
        var request = new AnalyzeStackRequest();
        foreach (var node in _graph.Resources.Concat(_defaultProviders.Values))
        {
            var resource = new AnalyzerResource
            {
                Urn = node.Urn,
                Type = node.Type,
                Name = node.Name,
                Properties = _values.Struct(Outputs(node)),
                Options = Options(node, parentInOptions: false),
                Provider = ProviderOf(node),
                Parent = node.Parent ?? "",
            };
            resource.Dependencies.Add(node.Dependencies);
            foreach (var (key, urns) in node.PropertyDependencies)
                if (!urns.IsEmpty) resource.PropertyDependencies[key] = new AnalyzerPropertyDependencies { Urns = { urns } };
            request.Resources.Add(resource);
        }
        return request;
    }

    /// <summary>
    /// A resource's outputs as the engine holds them after a preview step: the inputs the program set, what the
    /// provider computed (unknown until deploy), and the provider id as <c>id</c> when known.
    /// </summary>
    private static MapValue Outputs(ResourceNode node)
    {
        var fields = node.Outputs.Fields.ToBuilder();
        foreach (var (key, value) in node.Inputs.Entries) fields[key] = value;
        if (node.Custom && node.Id is StringValue id && !fields.ContainsKey("id")) fields["id"] = id;
        return new MapValue(fields.ToImmutable());
    }

    private static AnalyzerResourceOptions Options(ResourceNode node, bool parentInOptions) => new()
    {
        Protect = node.Protect,
        CustomTimeouts = new AnalyzerResourceOptions.Types.CustomTimeouts(),
        Parent = parentInOptions ? node.Parent ?? "" : "",
    };

    private AnalyzerProviderResource? ProviderOf(ResourceNode node)
    {
        if (!node.Custom || IsProvider(node)) return null;
        ResourceNode? provider = null;
        if (node.Provider is { } reference) provider = _graph.ByUrn(UrnParts.SplitProviderReference(reference).Urn);
        else _defaultProviders.TryGetValue(node.Type.Split(':')[0], out provider);
        if (provider is null) return null;
        var inputs = provider.Inputs.Fields.ToBuilder();
        if (provider.Id is StringValue id) inputs["id"] = id;
        return new AnalyzerProviderResource
        {
            Urn = provider.Urn,
            Type = provider.Type,
            Name = provider.Name,
            Properties = _values.Struct(new MapValue(inputs.ToImmutable())),
        };
    }

    private static bool IsProvider(ResourceNode node) => node.Type.StartsWith(RegionResolver.ProviderTypePrefix, StringComparison.Ordinal);

    private int Depth(ResourceNode node)
    {
        var depth = 0;
        for (var p = node.Parent; p is not null && depth < 100; p = _graph.ByUrn(p)?.Parent) depth++;
        return depth;
    }
}
