using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// The stack's IAM as the IAM engine sees it: compartments, policies, groups and dynamic groups of the graph as an
/// <see cref="IamModel"/>, with its evaluator. Built once per graph and tenancy (every IAM rule shares it).
/// Unknown values become nulls, which the evaluator treats conservatively.
/// </summary>
public sealed class IamView
{
    private static readonly ConditionalWeakTable<ResourceGraph, IamView> Cache = new();

    private IamView(ResourceGraph graph, string? tenancyId)
    {
        TenancyId = tenancyId;
        var tenancyKey = tenancyId ?? "tenancy";
        _graph = graph;
        var compartments = graph.OfType(OciTypes.Compartment).ToList();
        _compartmentUrns = compartments.Select(c => c.Urn).ToHashSet(StringComparer.Ordinal);
        Model = new IamModel(new CompartmentInfo(tenancyKey, tenancyId, "root", null))
        {
            Compartments = compartments.Select(c => new CompartmentInfo(c.Urn, c.Id.AsString(), c.Input("name").AsString(), KeyOf(c, "compartmentId"))).ToList(),
            Policies = graph.OfType(OciTypes.Policy).Select(p => new IamPolicy(
                p.Input("name").AsString() ?? p.Name, KeyOf(p, "compartmentId"), Statements(p.Input("statements")), p.Urn)).ToList(),
            Groups = graph.OfType(OciTypes.Group).Select(g => new IamGroup(g.Input("name").AsString(), null, g.Id.AsString())).ToList(),
            DynamicGroups = graph.OfType("oci:Identity/dynamicGroup:DynamicGroup")
                .Select(d => new IamDynamicGroup(d.Input("name").AsString(), d.Input("matchingRule").AsString(), null, d.Id.AsString())).ToList(),
        };
        Evaluator = new AccessEvaluator(Model);
        PolicyResources = PolicyResource.All(graph.OfType(OciTypes.Policy), Evaluator.Policies.Statements);
    }

    private readonly ResourceGraph _graph;
    private readonly HashSet<string> _compartmentUrns;

    public string? TenancyId { get; }
    public IamModel Model { get; }
    public AccessEvaluator Evaluator { get; }
    /// <summary>The Policy resources, in graph order, with their statements.</summary>
    public IReadOnlyList<PolicyResource> PolicyResources { get; }
    public PolicySet Policies => Evaluator.Policies;

    private (PolicyContext Policy, DataAccess.DataAccessJudge Judge)? _judge;

    /// <summary>The data-access judge of this view's graph under <paramref name="context"/>'s policy (made once per policy).</summary>
    public DataAccess.DataAccessJudge JudgeFor(RuleContext context)
    {
        if (_judge is { } j && ReferenceEquals(j.Policy, context.Policy)) return j.Judge;
        var judge = new DataAccess.DataAccessJudge(_graph, context.Policy);
        _judge = (context.Policy, judge);
        return judge;
    }

    public static IamView For(RuleContext context)
    {
        var view = Cache.GetValue(context.Graph, g => new IamView(g, context.Policy.TenancyId));
        return view.TenancyId == context.Policy.TenancyId ? view : new IamView(context.Graph, context.Policy.TenancyId);
    }

    /// <summary>
    /// The model key of the compartment a resource's <paramref name="key"/> input names: the OCID when known, else
    /// the URN of the stack compartment it came from; null when unknown. A log has no compartment of its own: its
    /// log group's is used.
    /// </summary>
    public string? CompartmentKeyOf(ResourceNode node, string key = "compartmentId")
    {
        // What the program set; a log's compartmentId is computed (its group's), so in a preview it is read from the group.
        var value = node.Input(key);
        if (value.IsNull && node.Type == OciTypes.Log)
            return LogGroupOf(node) is { } group ? CompartmentKeyOf(group) : null;
        if (value.AsString() is { Length: > 0 } s) return s;
        if (value is ResourceRefValue r) return r.Urn;
        return node.PropertyDependencies.TryGetValue(key, out var deps) ? deps.FirstOrDefault(_compartmentUrns.Contains) : null;
    }

    private string? KeyOf(ResourceNode node, string key) => CompartmentKeyOf(node, key);

    private Dictionary<ResourceNode, int>? _logGroupOrder;
    private Dictionary<string, List<ResourceNode>>? _logGroupsById;

    /// <summary>
    /// The first log group (in graph order) that the log's <c>logGroupId</c> certainly names. Only the groups with the
    /// OCID it names, the group it refers to and the groups its input was built from can be named
    /// (<see cref="References.Identifies"/>), so those are asked, not every group of the graph: a large tenancy has a
    /// log group per workload, and as many logs again.
    /// </summary>
    private ResourceNode? LogGroupOf(ResourceNode log)
    {
        if (_logGroupOrder is null)
        {
            _logGroupOrder = new(ReferenceEqualityComparer.Instance);
            _logGroupsById = new(StringComparer.Ordinal);
            foreach (var g in _graph.OfType(OciTypes.LogGroup))
            {
                _logGroupOrder[g] = _logGroupOrder.Count;
                // Stryker disable once Statement : the test binds the id the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
                if (g.Id.AsString() is not { } gid) continue;
                if (!_logGroupsById.TryGetValue(gid, out var same)) _logGroupsById[gid] = same = [];
                same.Add(g);
            }
        }
        var value = log.Input("logGroupId");
        var candidates = new List<ResourceNode>();
        if (value is ResourceRefValue r && _graph.ByUrn(r.Urn) is { } named) candidates.Add(named);
        if (value.AsString() is { } id && _logGroupsById!.TryGetValue(id, out var byId)) candidates.AddRange(byId);
        if (log.PropertyDependencies.TryGetValue("logGroupId", out var deps))
            foreach (var urn in deps)
                if (_graph.ByUrn(urn) is { } dep) candidates.Add(dep);
        ResourceNode? first = null;
        foreach (var g in candidates)
            if (_logGroupOrder.TryGetValue(g, out var i) && (first is null || i < _logGroupOrder[first]) &&
                References.Identifies(_graph, log, "logGroupId", value, g) == Truth.True)
                first = g;
        return first;
    }

    private static IReadOnlyList<string?>? Statements(PropertyValue value) =>
        value switch
        {
            ListValue l => l.Items.Select(i => i.AsString()).ToList(),
            NullValue => [],
            _ => null,  // unknown or secret: the whole list is unknown
        };
}
