using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads deployed state: <c>pulumi stack export</c> (<c>{"version": 3, "deployment": …}</c>), the file-backend
/// checkpoint (<c>{"version": 3, "checkpoint": {"stack", "config", "latest"}}</c>), or a bare deployment object.
/// Only version 3 is accepted (the current schema; older ones are refused rather than misread). Resources marked
/// <c>delete</c> (replaced, awaiting deletion) and <c>external</c> reads are not part of the stack's own graph.
/// </summary>
public static class StateLoader
{
    public const int SupportedVersion = 3;

    public static ResourceGraph Load(string path, LoadLimits? limits = null)
    {
        using var doc = JsonInput.ReadFile(path, limits ?? LoadLimits.Default);
        return JsonInput.Read(path, () => Read(doc.RootElement, path, out _));
    }

    public static ResourceGraph Parse(ReadOnlyMemory<byte> json, string source, LoadLimits? limits = null)
    {
        using var doc = JsonInput.Parse(json, source, limits ?? LoadLimits.Default);
        return JsonInput.Read(source, () => Read(doc.RootElement, source, out _));
    }

    internal static ResourceGraph Read(JsonElement root, string source, out ArtifactKind kind)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a state object, found {ResourceStateReader.Describe(root)}", jsonPath: "$");

        if (root.TryGetProperty("checkpoint", out var checkpoint))
        {
            kind = ArtifactKind.Checkpoint;
            CheckVersion(root, source, "checkpoint");
            if (checkpoint.ValueKind != JsonValueKind.Object)
                throw new ArtifactLoadException(source, "\"checkpoint\" must be an object", jsonPath: "$.checkpoint");
            var stackName = ResourceStateReader.OptionalString(checkpoint, "stack", source, "$.checkpoint");
            var region = ConfigRegion(checkpoint);
            if (!checkpoint.TryGetProperty("latest", out var latest) || latest.ValueKind == JsonValueKind.Null)
                return Empty(stackName, source);  // a stack that was never updated (or was destroyed)
            return ReadDeployment(latest, source, "$.checkpoint.latest", region, stackName);
        }
        if (root.TryGetProperty("deployment", out var deployment))
        {
            kind = ArtifactKind.StackExport;
            CheckVersion(root, source, "deployment");
            return ReadDeployment(deployment, source, "$.deployment", null, null);
        }
        if (root.TryGetProperty("resources", out _) && root.TryGetProperty("manifest", out _))
        {
            kind = ArtifactKind.StackExport;  // a bare DeploymentV3 (e.g. `jq .deployment` of an export)
            return ReadDeployment(root, source, "$", null, null);
        }
        throw new ArtifactLoadException(source,
            "expected a stack export {\"version\": 3, \"deployment\": …} or a checkpoint {\"version\": 3, \"checkpoint\": …}", jsonPath: "$");
    }

    private static void CheckVersion(JsonElement root, string source, string what)
    {
        if (!root.TryGetProperty("version", out var v))
            throw new ArtifactLoadException(source, $"{what} without \"version\"; expected version {SupportedVersion}", jsonPath: "$.version");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
            throw new ArtifactLoadException(source, $"\"version\" must be the number {SupportedVersion}, found {ResourceStateReader.Describe(v)}", jsonPath: "$.version");
        if (version != SupportedVersion)
            throw new ArtifactLoadException(source,
                version > SupportedVersion
                    ? $"{what} version {version} is newer than this tool understands; supported: {SupportedVersion}"
                    : $"{what} version {version} is no longer supported; supported: {SupportedVersion} (re-export with a current pulumi CLI)",
                jsonPath: "$.version");
    }

    private static ResourceGraph ReadDeployment(JsonElement deployment, string source, string path, string? configRegion, string? stackName)
    {
        if (deployment.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a deployment object, found {ResourceStateReader.Describe(deployment)}", jsonPath: path);
        var nodes = new List<ResourceNode>();
        if (deployment.TryGetProperty("resources", out var resources) && resources.ValueKind != JsonValueKind.Null)
        {
            if (resources.ValueKind != JsonValueKind.Array)
                throw new ArtifactLoadException(source, "\"resources\" must be a list", jsonPath: path + ".resources");
            var i = 0;
            foreach (var r in resources.EnumerateArray())
            {
                var itemPath = $"{path}.resources[{i++}]";
                var node = ResourceStateReader.Read(r, previewSecrets: false, source, itemPath);
                if (Flag(r, "delete") || Flag(r, "external")) continue;
                nodes.Add(node);
            }
        }
        var identities = nodes.Select(n => UrnParts.TryParse(n.Urn)!.Value).Select(p => (p.Stack, p.Project)).Distinct().ToList();
        if (identities.Count > 1)
            throw new ArtifactLoadException(source,
                $"resources belong to several stacks ({string.Join(", ", identities.Select(x => x.Stack))}); expected one stack", jsonPath: path);
        var stack = identities.Count == 1 ? identities[0].Stack : ShortStackName(stackName) ?? "";
        var project = identities.Count == 1 ? identities[0].Project : "";
        return new ResourceGraph(stack, project, GraphOrigin.State, RegionResolver.Resolve(nodes, configRegion), source);
    }

    private static ResourceGraph Empty(string? stackName, string source) =>
        new(ShortStackName(stackName) ?? "", "", GraphOrigin.State, [], source);

    /// <summary>Checkpoints name the stack <c>org/project/stack</c> or just <c>stack</c>.</summary>
    private static string? ShortStackName(string? name) => name?.Split('/')[^1];

    private static bool Flag(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? ConfigRegion(JsonElement checkpoint) =>
        checkpoint.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object &&
        c.TryGetProperty("oci:region", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
}
