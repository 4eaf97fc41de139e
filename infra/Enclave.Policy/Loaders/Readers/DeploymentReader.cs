using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Streams deployed state: a <c>pulumi stack export</c> (<c>{"version", "deployment"}</c>), the file-backend
/// checkpoint (<c>{"version", "checkpoint": {"stack", "config", "latest"}}</c>) or a bare deployment
/// (<c>{"manifest", "resources"}</c>, e.g. <c>jq .deployment</c> of an export). Schema versions 3 and 4 are read:
/// version 4 is version 3 plus a list of <c>features</c> the file needs its reader to understand (current Pulumi
/// writes it when a stack uses one), and a feature the gate does not know is refused, as Pulumi refuses it, rather
/// than misread. Older versions are refused. Resources marked <c>delete</c> (replaced, awaiting deletion) and
/// <c>external</c> reads are not part of the stack's own graph.
/// </summary>
internal static class DeploymentReader
{
    public const int OldestVersion = 3;
    public const int NewestVersion = 4;

    /// <summary>The version-4 features whose meaning the gate reads correctly (all add fields or value kinds it handles).</summary>
    public static readonly ImmutableArray<string> KnownFeatures = ["hooks", "outputDependencies", "refreshBeforeUpdate", "views"];

    private const int Version = 0, Deployment = 1, Checkpoint = 2, Features = 3, Manifest = 4, Resources = 5;
    private static readonly FieldSet RootFields = new("version", "deployment", "checkpoint", "features", "manifest", "resources");
    private const int Stack = 0, Config = 1, Latest = 2;
    private static readonly FieldSet CheckpointFields = new("stack", "config", "latest");
    private static readonly FieldSet DeploymentFields = new("manifest", "resources", "pending_operations");
    private static readonly FieldSet PendingFields = new("resource", "type");

    public static ResourceGraph Read(ref JsonCursor c, out ArtifactKind kind)
    {
        c.Next();
        c.IsObject("a state object", nullable: false);
        var seen = new FieldSet.Seen();
        long? version = null;
        var features = ImmutableArray<string>.Empty;
        var bare = false;
        (string? Stack, string? Region) checkpoint = default;
        GraphIntegrity? graph = null;
        kind = ArtifactKind.StackExport;
        while (c.NextProperty())
        {
            var field = c.Field(RootFields, ref seen, out var key);
            switch (field)
            {
                case Version: version = c.Integer("the schema version number"); break;
                case Features: features = ResourceStateReader.StringList(ref c, "a list of feature names"); break;
                case Deployment:
                    if (c.IsObject("a deployment object")) graph = ReadDeployment(ref c, "$.deployment");
                    break;
                case Checkpoint:
                    kind = ArtifactKind.Checkpoint;
                    if (c.IsObject("a checkpoint object")) checkpoint = ReadCheckpoint(ref c, out graph);
                    break;
                case Manifest: bare = true; c.Skip(); break;
                case Resources:
                    bare = true;
                    graph = new GraphIntegrity("resource", i => $"$.resources[{i}]");
                    ReadResources(ref c, graph);
                    break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }

        if (bare && (seen.Has(Deployment) || seen.Has(Checkpoint)))
            throw c.Source.Error("a state file holds either a \"deployment\", a \"checkpoint\" or a bare deployment's \"resources\", not several");
        if (seen.Has(Deployment) && seen.Has(Checkpoint))
            throw c.Source.Error("a state file holds either a \"deployment\" or a \"checkpoint\", not both");
        if (bare && !seen.Has(Manifest))
            throw c.Source.Error("a bare deployment needs its \"manifest\" (expected a stack export {\"version\": 3, \"deployment\": …})");
        if (!bare) CheckVersion(ref c, version, features, kind == ArtifactKind.Checkpoint ? "checkpoint" : "deployment");
        else if (!features.IsEmpty) CheckFeatures(ref c, features);

        graph ??= new GraphIntegrity("resource", i => $"$.resources[{i}]");
        graph.CheckParents(c.Source.Name);
        var (stack, project) = graph.Identity;
        if (stack.Length == 0) stack = ShortStackName(checkpoint.Stack) ?? "";
        return new ResourceGraph(stack, project, GraphOrigin.State, RegionResolver.ResolveInPlace(graph.Nodes, checkpoint.Region), c.Source.Name)
        {
            Unjudged = [.. graph.Unjudged],
        };
    }

    private static void CheckVersion(ref JsonCursor c, long? version, ImmutableArray<string> features, string what)
    {
        c.Path.Push("version");
        var supported = $"supported: {OldestVersion} and {NewestVersion}";
        if (version is null) throw c.Source.Error($"{what} without \"version\"; expected version {OldestVersion} or {NewestVersion}");
        if (version > NewestVersion)
            throw c.Source.Error($"{what} version {version} is newer than this tool understands; {supported}");
        if (version < OldestVersion)
            throw c.Source.Error($"{what} version {version} is no longer supported; {supported} (re-export with a current pulumi CLI)");
        c.Path.Pop();
        CheckFeatures(ref c, features);
    }

    private static void CheckFeatures(ref JsonCursor c, ImmutableArray<string> features)
    {
        foreach (var feature in features)
            if (!KnownFeatures.Contains(feature, StringComparer.Ordinal))
            {
                c.Path.Push("features");
                throw c.Source.Error($"the state needs the feature \"{feature}\", which this tool does not understand " +
                                     $"(it reads {string.Join(", ", KnownFeatures)}); refused rather than misread");
            }
    }

    private static (string? Stack, string? Region) ReadCheckpoint(ref JsonCursor c, out GraphIntegrity? graph)
    {
        var seen = new FieldSet.Seen();
        string? stack = null, region = null;
        graph = null;
        while (c.NextProperty())
        {
            var field = c.Field(CheckpointFields, ref seen, out var key);
            switch (field)
            {
                case Stack: stack = c.OptionalText("the stack name string"); break;
                case Config:
                    var config = PulumiValueReader.ReadMap(ref c, previewSecrets: false, "an object of configuration values");
                    region = config.TryGetValue("oci:region", out var r) ? r.AsString() : null;
                    break;
                case Latest:
                    // Null: a stack that was never updated (or was destroyed).
                    if (c.IsObject("a deployment object")) graph = ReadDeployment(ref c, "$.checkpoint.latest");
                    break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
        return (stack, region);
    }

    private static GraphIntegrity ReadDeployment(ref JsonCursor c, string path)
    {
        var graph = new GraphIntegrity("resource", i => $"{path}.resources[{i}]");
        var seen = new FieldSet.Seen();
        while (c.NextProperty())
        {
            var field = c.Field(DeploymentFields, ref seen, out var key);
            if (field == 1) ReadResources(ref c, graph);
            else if (field == 2) ReadPendingOperations(ref c, graph);
            else c.Skip();
            c.Path.Pop();
        }
        return graph;
    }

    private static void ReadResources(ref JsonCursor c, GraphIntegrity graph)
    {
        if (!c.IsList("a list of resources")) return;
        c.Path.Push(0);
        for (var i = 0; c.NextItem(); i++)
        {
            c.Path.SetIndex(i);
            var state = ResourceStateReader.Read(ref c, StateFlavor.State);
            if (state.Delete || state.External) graph.CheckStack(state.Node.Urn, ref c);
            else graph.Add(state.Node, i, ref c);
            // A replaced resource awaiting deletion still exists in the cloud; no rule sees it (ENC-GOV-031).
            if (state.Delete && state.Node.Custom)
                graph.Unjudged.Add(new UnjudgedResource(state.Node.Urn, state.Node.Type,
                    "replaced but not yet deleted (\"delete\": true): it still exists in the cloud, outside the judged graph"));
            // A resource the program reads (Resource.Get) exists in the cloud just the same, in a shape no rule judges.
            else if (state.External && state.Node.Custom)
                graph.Unjudged.Add(new UnjudgedResource(state.Node.Urn, state.Node.Type,
                    "read, not managed (\"external\": true): it exists in the cloud, outside the judged graph"));
        }
        c.Path.Pop();
    }

    /// <summary>
    /// <c>pending_operations</c>: operations an interrupted update started and never recorded the end of. The resource
    /// of each may exist in the cloud in any shape (ENC-GOV-031); its stack must still be the state's.
    /// </summary>
    private static void ReadPendingOperations(ref JsonCursor c, GraphIntegrity graph)
    {
        if (!c.IsList("a list of pending operations")) return;
        c.Path.Push(0);
        for (var i = 0; c.NextItem(); i++)
        {
            c.Path.SetIndex(i);
            c.IsObject("a pending operation object", nullable: false);
            var seen = new FieldSet.Seen();
            ResourceNode? node = null;
            string? type = null;
            while (c.NextProperty())
            {
                var field = c.Field(PendingFields, ref seen, out var key);
                if (field == 0) node = ResourceStateReader.Read(ref c, StateFlavor.State).Node;
                else if (field == 1) type = c.OptionalText("an operation type string");
                else c.Skip();
                c.Path.Pop();
            }
            if (node is null) throw c.Source.Error("a pending operation without its \"resource\"");
            graph.CheckStack(node.Urn, ref c);
            graph.Unjudged.Add(new UnjudgedResource(node.Urn, node.Type,
                $"an interrupted \"{type ?? "unknown"}\" operation (pending_operations): the resource may exist in the cloud in a shape the state does not record"));
        }
        c.Path.Pop();
    }

    /// <summary>Checkpoints name the stack <c>org/project/stack</c> or just <c>stack</c>.</summary>
    private static string? ShortStackName(string? name) => name?.Split('/')[^1];
}
