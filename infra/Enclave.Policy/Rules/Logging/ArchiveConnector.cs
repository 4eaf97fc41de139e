using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// A Service Connector read as a log archive. A connector reads only logs of its own region and writes only to a
/// bucket of its own region, so what it archives is judged against its region: its target must be a CMK-encrypted,
/// versioned or locked bucket of this stack there, and every log or log group it lists must be there too.
/// </summary>
public sealed class ArchiveConnector
{
    /// <summary>The root-level audit log group covering every compartment (OBP-SIEM). <c>_Audit</c> covers only the
    /// compartment it is read in: on the tenancy that is the root compartment alone, not the enclave's.</summary>
    public const string AuditGroup = "_Audit_Include_Subcompartment";

    private static readonly string[] LogTypes = [OciTypes.Log, OciTypes.LogGroup];

    private readonly ResourceGraph _graph;

    private ArchiveConnector(ResourceGraph graph, ResourceNode node, IReadOnlyList<ResourceNode> buckets)
    {
        _graph = graph;
        Node = node;
        Sources = node.Input("source")["logSources"];
        ToArchive = ShipsToArchive(buckets);
    }

    public static IReadOnlyList<ArchiveConnector> All(ResourceGraph graph)
    {
        var buckets = graph.OfType(OciTypes.Bucket).ToList();
        return [.. graph.OfType(OciTypes.Connector).Select(c => new ArchiveConnector(graph, c, buckets))];
    }

    public ResourceNode Node { get; }

    /// <summary>The connector's region (its provider's), null when not known.</summary>
    public string? Region => Node.Region;

    /// <summary><c>source.logSources</c>: a list of {compartmentId, logGroupId, logId}.</summary>
    public PropertyValue Sources { get; }

    /// <summary>Does it move logs into an archive bucket of this stack in its own region?</summary>
    public Truth ToArchive { get; }

    /// <summary>Does it read the audit log group <see cref="AuditGroup"/> on the tenancy (its region's audit log)?</summary>
    public Truth ShipsAudit(PolicyContext policy) => AnySource(s => IsAuditGroup(s["logGroupId"]).And(OnTenancy(s["compartmentId"], policy)));

    /// <summary>Does it read <paramref name="log"/> (of <paramref name="group"/> when that is known)?</summary>
    public Truth Ships(ResourceNode log, ResourceNode? group) => AnySource(s =>
        (group is null ? Truth.Unknown : References.Identifies(_graph, Node, "source", s["logGroupId"], group))
        .And(s["logId"].IsNull ? Truth.True : References.Identifies(_graph, Node, "source", s["logId"], log)));

    /// <summary>
    /// Every log and log group it lists, and its target bucket, are in its region (a connector reads and writes only
    /// there: a source elsewhere is silently not shipped).
    /// </summary>
    public Assessment RegionChecks()
    {
        var a = new Assessment();
        var where = Region ?? "its region (not known until deploy)";
        if (!Sources.IsKnown) a.Require(Truth.Unknown, "its log sources are in its region");
        foreach (var (label, region) in SourceRegions())
            a.Require(Regions.Same(region, Region), $"log source {label} ({region ?? "region not known until deploy"}) is in {where}");

        var target = Node.Input("target");
        var kind = target["kind"].EqualsString("objectStorage", StringComparison.OrdinalIgnoreCase);
        if (kind != Truth.False && !target["bucket"].IsNull)
        {
            var bucket = target["bucket"];
            var buckets = _graph.OfType(OciTypes.Bucket)
                .Select(b => (Bucket: b, Named: References.Identifies(_graph, Node, "target", bucket, b, [OciTypes.Bucket], b.Input("name"))))
                .Where(x => x.Named != Truth.False).ToList();
            var inStack = buckets.Count == 0 ? bucket.IsKnown ? Truth.False : Truth.Unknown : Truth.True;
            a.Require(kind.Not().Or(inStack.And(buckets.All(x => x.Named.Not().Or(Regions.Same(x.Bucket.Region, Region))))),
                $"its target bucket {bucket} is a bucket of this stack in {where}");
        }
        return a;
    }

    /// <summary>
    /// The logs and log groups it lists, with their regions: stack resources (named by id or reference, or, while ids
    /// are unknown, the logs and groups its sources were built from) and foreign ones by the region in their OCID.
    /// A value that names nothing traceable yields an unknown region. The audit groups are per region by definition.
    /// </summary>
    private IEnumerable<(string Label, string? Region)> SourceRegions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fromDependencies = Node.PropertyDependencies.TryGetValue("source", out var deps)
            ? deps.Select(_graph.ByUrn).OfType<ResourceNode>().Where(n => LogTypes.Contains(n.Type)).ToList()
            : [];
        foreach (var node in fromDependencies)
            if (seen.Add(node.Urn)) yield return (node.Label, node.Region);

        foreach (var source in Sources.AsList())
        foreach (var value in new[] { source["logGroupId"], source["logId"] })
        {
            switch (value)
            {
                case NullValue:
                case StringValue s when s.Value.StartsWith("_Audit", StringComparison.OrdinalIgnoreCase):
                    break;
                case StringValue s when _graph.ById(s.Value) is { } node && LogTypes.Contains(node.Type):
                    if (seen.Add(node.Urn)) yield return (node.Label, node.Region);
                    break;
                case StringValue s:
                    if (seen.Add(s.Value))
                        yield return (s.Value, Regions.FromOcid(s.Value) is { } r && !r.StartsWith('(') ? r : null);
                    break;
                case ResourceRefValue r when _graph.ByUrn(r.Urn) is { } node:
                    if (seen.Add(node.Urn)) yield return (node.Label, node.Region);
                    break;
                case UnknownValue when fromDependencies.Count > 0:
                    break;  // one of the logs or groups it was built from, all judged above
                default:
                    if (seen.Add("?")) yield return ("(a source not known until deploy)", null);
                    break;
            }
        }
    }

    /// <summary>
    /// Is the log source the audit group? The group is named by a literal; an unknown value in sources built from
    /// other resources is one of their ids (only resource outputs are unknown), so it is not the audit group.
    /// </summary>
    private Truth IsAuditGroup(PropertyValue logGroupId) =>
        logGroupId is UnknownValue && PropertyWalk.FromResource(Node, "source")
            ? Truth.False
            : logGroupId.EqualsString(AuditGroup, StringComparison.OrdinalIgnoreCase);

    /// <summary>Is the source's compartment the tenancy (the root)? Without a configured tenancy, any tenancy OCID.</summary>
    private Truth OnTenancy(PropertyValue compartmentId, PolicyContext policy)
    {
        if (compartmentId is UnknownValue && PropertyWalk.FromResource(Node, "source")) return Truth.False;
        return policy.TenancyId is { Length: > 0 } tenancy
            ? compartmentId.EqualsString(tenancy)
            : compartmentId.Test(v => v.AsString()?.StartsWith("ocid1.tenancy.", StringComparison.Ordinal) == true);
    }

    private Truth AnySource(Func<PropertyValue, Truth> predicate) =>
        Sources.IsKnown ? Sources.AsList().Any(predicate) : Truth.Unknown;

    /// <summary>Does it deliver to a bucket of this stack, in its own region, that is CMK-encrypted and versioned or locked?</summary>
    private Truth ShipsToArchive(IReadOnlyList<ResourceNode> buckets)
    {
        var target = Node.Input("target");
        var kind = Node.Input("source")["kind"].EqualsString("logging", StringComparison.OrdinalIgnoreCase)
            .And(target["kind"].EqualsString("objectStorage", StringComparison.OrdinalIgnoreCase));
        var state = Node.Input("state");
        var active = state.IsNull ? Truth.True : state.EqualsString("ACTIVE", StringComparison.OrdinalIgnoreCase);
        var archive = buckets.Any(b =>
            References.Identifies(_graph, Node, "target", target["bucket"], b, [OciTypes.Bucket], b.Input("name"))
                .And(Regions.Same(b.Region, Region))
                .And(Scope.Present(b, "kmsKeyId", b.Input("kmsKeyId")))
                .And(b.Input("versioning").EqualsString("Enabled", StringComparison.OrdinalIgnoreCase)
                    .Or(b.Input("retentionRules").IsKnown ? TruthLogic.Of(b.Input("retentionRules").AsList().Length > 0) : Truth.Unknown)));
        return kind.And(active).And(archive);
    }
}
