using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// Defined tags grant: a statement anywhere in the tenancy may hold <c>where target.resource.tag.Ns.Key = 'v'</c>, and
/// whoever controls namespace <c>Ns</c> decides who may apply or change its tags. The gate sees only the stack's own
/// statements, so a tag from a namespace the stack does not declare (the parent company's) on an enclave resource
/// (set in <c>definedTags</c>, or stamped on every new resource of a compartment by a tag default) is a door the
/// parent company's own tag-based policies may open. An allow-list: every defined tag of a stack resource, and every tag
/// a tag default applies, belongs to a tag namespace of this stack; a tag default's tag is a tag of this stack in
/// one of its namespaces. Freeform tags grant nothing (policies cannot name them).
/// </summary>
public sealed class TagsFromStackNamespaces : SinkRuleBase
{
    private const string TagDefinition = "tagDefinitionId";
    private const string Namespace = "tagNamespaceId";

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-091", "Enclave resources carry only defined tags of the stack's own tag namespaces", Severity.Critical, Enforcement.Mandatory,
        "Tag-based statements (target.resource.tag…) grant on whatever carries the tag, and the namespace's owner decides who applies it: a tag of the parent company's namespace on an enclave resource, or a tag default stamping it on every new resource of an enclave compartment, lets the parent's own tag-based policies reach the data.",
        "Use only tags of the stack's own tag namespaces in definedTags and in tag defaults (tagDefinitionId by reference to a tag the stack declares in its namespace); never a tag of a namespace defined outside the stack.");  // Stack scope: it reads the stack's network sources (tags), so a resource alone cannot be judged.

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var graph = context.Graph;
        var namespaces = References.Set(graph.OfType(OciTypes.TagNamespace));
        var names = new KnownStrings();
        foreach (var ns in namespaces) names.Add(ns.Input("name").AsString());
        var tags = graph.OfType(OciTypes.Tag).Select(t => (Tag: t, Own: OwnNamespace(graph, t, namespaces)))
            .Where(t => t.Own != Truth.False).ToList();
        var judged = false;
        var keys = new TagKeys(names);
        // One assessment for every resource (the sink copies what a message needs: Assessment.Clear).
        var a = new Assessment();
        foreach (var node in graph.Resources)
        {
            if (!node.Custom) continue;
            a.Clear();
            if (node.IsType(OciTypes.TagDefault)) JudgeDefault(a, graph, node, tags);
            var defined = node.Input("definedTags");
            if (defined.IsSecret) a.Require(Truth.False, "its defined tags are readable", whenViolated: "its defined tags are secret: no one can tell whose tag-based policies reach it");
            else if (!defined.IsKnown) a.Require(Truth.Unknown, "its defined tags are known (only at deploy)");
            else if (defined is MapValue map)
                foreach (var (key, _) in map.Entries)
                {
                    var tag = keys.Of(key);
                    a.Require(tag.Outcome, tag.Requirement, whenViolated: tag.Violation);
                }
            if (a.IsEmpty) continue;
            judged = true;
            sink.Judge(node.Urn, node.Label, a);
        }
        if (!judged) sink.Pass(Scope.StackUrn(graph), "no tag default or defined tag to judge");
    }

    /// <summary>
    /// A defined tag's key judged once: its outcome and both texts depend on the key alone, and every resource of a
    /// state carries the same few keys (OCI stamps Oracle-Tags.CreatedBy/CreatedOn on each). Formatted per resource,
    /// they were 160 MB of strings for a 100k-resource state, nearly half of what all rules allocated. At most
    /// <see cref="MaxKept"/> keys of at most <see cref="MaxKeptLength"/> characters are kept (their texts are kept even
    /// when no finding names them): a state of distinct or huge keys costs what it did, no more.
    /// </summary>
    private sealed class TagKeys(KnownStrings names)
    {
        private const int MaxKept = 4096, MaxKeptLength = 256;
        private readonly Dictionary<string, Judged> _judged = new(StringComparer.Ordinal);

        public readonly record struct Judged(Truth Outcome, string Requirement, string Violation);

        public Judged Of(string key)
        {
            if (_judged.TryGetValue(key, out var judged)) return judged;
            var ns = key.IndexOf('.') is > 0 and var dot ? key[..dot] : key;
            judged = new Judged(names.Contains(ns), $"defined tag {key} is of the stack's tag namespace {ns}",
                $"carries defined tag {key} of namespace {ns}, which this stack does not declare: that namespace's owner decides who applies it, and tag-based policies outside the stack grant on it");
            if (_judged.Count < MaxKept && key.Length <= MaxKeptLength) _judged[key] = judged;
            return judged;
        }
    }

    private static void JudgeDefault(Assessment a, ResourceGraph graph, ResourceNode node, List<(ResourceNode Tag, Truth Own)> tags)
    {
        var id = node.Input(TagDefinition);
        if (id.IsSecret) { a.Require(Truth.False, "its tag is readable", whenViolated: "applies a tag named by a secret id: no one can tell whose"); return; }
        // Computed with no lineage: filled in at deploy by the change's author, so none of the stack's tags.
        var own = Truth.False;
        if (id is not UnknownValue || node.PropertyDependencies.ContainsKey(TagDefinition))
            foreach (var (tag, inOwnNamespace) in tags)
                own = own.Or(References.Identifies(graph, node, TagDefinition, id, tag).And(inOwnNamespace));
        a.Require(own, "applies a tag of this stack, in one of its tag namespaces",
            whenViolated: $"stamps tag {Shown(id)} on every new resource of its compartment, and it is no tag this stack declares in its own namespaces: the namespace's owner (the parent company's, say) decides who applies it, and tag-based policies outside the stack grant on it");
    }

    /// <summary>Is the tag in a tag namespace of the stack?</summary>
    private static Truth OwnNamespace(ResourceGraph graph, ResourceNode tag, NodeSet namespaces)
    {
        var id = tag.Input(Namespace);
        if (id is UnknownValue && !tag.PropertyDependencies.ContainsKey(Namespace)) return Truth.False;
        return References.IdentifiesAny(graph, tag, Namespace, id, namespaces);
    }

    private static string Shown(PropertyValue id) => id.AsString() ?? (id is ResourceRefValue r ? r.Urn : "(computed)");
}
