using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads <c>pulumi preview --json</c> (PreviewDigest). The "after" graph takes each surviving step's new state; a
/// step without one (trimmed output) keeps its old inputs with the changed keys marked unknown, so rules answer
/// "undetermined" instead of judging stale values.
/// </summary>
public static class PreviewLoader
{
    public static PreviewDocument Load(string path, LoadLimits? limits = null)
    {
        using var doc = JsonInput.ReadFile(path, limits ?? LoadLimits.Default);
        return JsonInput.Read(path, () => Read(doc.RootElement, path));
    }

    public static PreviewDocument Parse(ReadOnlyMemory<byte> json, string source, LoadLimits? limits = null)
    {
        using var doc = JsonInput.Parse(json, source, limits ?? LoadLimits.Default);
        return JsonInput.Read(source, () => Read(doc.RootElement, source));
    }

    internal static PreviewDocument Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a preview object, found {ResourceStateReader.Describe(root)}", jsonPath: "$");
        if (!root.TryGetProperty("steps", out var stepsEl) || stepsEl.ValueKind != JsonValueKind.Array)
            throw new ArtifactLoadException(source, "expected \"steps\": a list of preview steps", jsonPath: "$.steps");

        var steps = new List<PreviewStep>();
        var i = 0;
        foreach (var s in stepsEl.EnumerateArray()) steps.Add(ReadStep(s, source, $"$.steps[{i++}]"));

        var identities = steps.Select(s => UrnParts.TryParse(s.Urn)!.Value).Select(p => (p.Stack, p.Project)).Distinct().ToList();
        if (identities.Count > 1)
            throw new ArtifactLoadException(source,
                $"steps belong to several stacks ({string.Join(", ", identities.Select(x => x.Stack))}); expected one stack's preview");

        return new PreviewDocument(
            source,
            identities.Count == 1 ? identities[0].Stack : "",
            identities.Count == 1 ? identities[0].Project : "",
            ReadConfig(root, source),
            steps.OrderBy(s => s.Urn, StringComparer.Ordinal).ThenBy(s => s.Op).ToImmutableArray(),
            ReadDiagnostics(root, source),
            ReadSummary(root));
    }

    /// <summary>The resources as they will be after the update.</summary>
    public static ResourceGraph ToGraph(PreviewDocument preview)
    {
        var after = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var step in preview.Steps.Where(s => s.ExistsAfter))
        {
            var node = step.New ?? Reconstruct(step);
            if (node is not null) after[step.Urn] = node;
        }
        var resolved = RegionResolver.Resolve(after.Values.ToList(), preview.ConfigRegion);
        return new ResourceGraph(preview.Stack, preview.Project, GraphOrigin.Preview, resolved, preview.Source);
    }

    /// <summary>A surviving step without new state: old inputs, with every changed key unknown.</summary>
    private static ResourceNode? Reconstruct(PreviewStep step)
    {
        var parts = UrnParts.TryParse(step.Urn)!.Value;
        var old = step.Old ?? ResourceNode.Create(step.Urn, step.Type, parts.Name) with { Provider = step.Provider };
        var changed = step.DiffReasons.Concat(step.ReplaceReasons).ToHashSet(StringComparer.Ordinal);
        var inputs = old.Inputs.Fields.ToBuilder();
        foreach (var key in changed) inputs[key] = PropertyValue.Unknown;
        var id = step.Op is StepOp.Same or StepOp.Update or StepOp.Refresh ? old.Id : PropertyValue.Unknown;
        if (step.Old is null && step.Op is not StepOp.Same)
        {
            // Nothing is known about this resource's inputs: every rule reading it must be undetermined.
            return old with { Id = PropertyValue.Unknown, Inputs = new MapValue(inputs.ToImmutable()), Outputs = MapValue.Empty, InputsUnknown = true };
        }
        return old with { Id = id, Inputs = new MapValue(inputs.ToImmutable()), Outputs = MapValue.Empty };
    }

    private static PreviewStep ReadStep(JsonElement s, string source, string path)
    {
        if (s.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a step object, found {ResourceStateReader.Describe(s)}", jsonPath: path);
        var opName = ResourceStateReader.OptionalString(s, "op", source, path)
            ?? throw new ArtifactLoadException(source, "step without \"op\"", jsonPath: path);
        var urn = ResourceStateReader.OptionalString(s, "urn", source, path)
            ?? throw new ArtifactLoadException(source, "step without \"urn\"", jsonPath: path);
        var parts = UrnParts.TryParse(urn)
            ?? throw new ArtifactLoadException(source, $"\"{urn}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)", jsonPath: path + ".urn");
        var old = State(s, "oldState", urn, source, path);
        var @new = State(s, "newState", urn, source, path);
        return new PreviewStep(
            PreviewStep.ParseOp(opName), opName, urn,
            @new?.Type ?? old?.Type ?? parts.Type,
            ResourceStateReader.OptionalString(s, "provider", source, path) ?? @new?.Provider ?? old?.Provider,
            old, @new,
            ResourceStateReader.StringList(s, "diffReasons", source, path),
            ResourceStateReader.StringList(s, "replaceReasons", source, path),
            DetailedDiff(s, source, path));
    }

    private static ResourceNode? State(JsonElement s, string key, string urn, string source, string path)
    {
        if (!s.TryGetProperty(key, out var st) || st.ValueKind == JsonValueKind.Null) return null;
        return ResourceStateReader.Read(st, previewSecrets: true, source, $"{path}.{key}", urn);
    }

    private static ImmutableSortedDictionary<string, PropertyDiff>? DetailedDiff(JsonElement s, string source, string path)
    {
        if (!s.TryGetProperty("detailedDiff", out var dd) || dd.ValueKind == JsonValueKind.Null) return null;
        if (dd.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, "\"detailedDiff\" must be an object", jsonPath: path + ".detailedDiff");
        var result = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        foreach (var p in dd.EnumerateObject())
        {
            var entryPath = $"{path}.detailedDiff[\"{p.Name}\"]";
            if (p.Value.ValueKind != JsonValueKind.Object)
                throw new ArtifactLoadException(source, "a detailedDiff entry must be {kind, inputDiff}", jsonPath: entryPath);
            var kindText = ResourceStateReader.OptionalString(p.Value, "kind", source, entryPath);
            var kind = PreviewStep.ParseKind(kindText) ?? throw new ArtifactLoadException(source,
                $"unknown diff kind \"{kindText}\"; expected add, add-replace, delete, delete-replace, update or update-replace",
                jsonPath: entryPath + ".kind");
            var inputDiff = p.Value.TryGetProperty("inputDiff", out var id) && id.ValueKind == JsonValueKind.True;
            result[p.Name] = new PropertyDiff(kind, inputDiff);
        }
        return result.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, PropertyValue> ReadConfig(JsonElement root, string source)
    {
        if (!root.TryGetProperty("config", out var c) || c.ValueKind != JsonValueKind.Object)
            return ImmutableSortedDictionary.Create<string, PropertyValue>(StringComparer.Ordinal);
        return PulumiValues.ReadMap(c, previewSecrets: true, source, "$.config").Fields;
    }

    private static ImmutableArray<PreviewDiagnostic> ReadDiagnostics(JsonElement root, string source)
    {
        if (!root.TryGetProperty("diagnostics", out var d) || d.ValueKind != JsonValueKind.Array) return [];
        var list = ImmutableArray.CreateBuilder<PreviewDiagnostic>();
        foreach (var item in d.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            string? Str(string key) => item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            list.Add(new PreviewDiagnostic(Str("urn"), Str("severity") ?? "info", Str("message") ?? ""));
        }
        return list.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, int> ReadSummary(JsonElement root)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("changeSummary", out var cs) && cs.ValueKind == JsonValueKind.Object)
            foreach (var p in cs.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n)) result[p.Name] = n;
        return result.ToImmutable();
    }
}
