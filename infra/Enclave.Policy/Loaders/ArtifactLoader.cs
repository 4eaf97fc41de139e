using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Review;
using Enclave.Policy.Review.Plan;

namespace Enclave.Policy.Loaders;

/// <summary>What a file turned out to be, with its graph and (for a preview) its steps.</summary>
public sealed record LoadedArtifact(ArtifactKind Kind, ResourceGraph Graph, PreviewDocument? Preview)
{
    /// <summary>The plan document, when the file is an <c>enclave plan --format json</c> (its stored verdict included).</summary>
    public PlanDocument? Plan { get; init; }
}

/// <summary>
/// Entry point for the gate's file inputs: detects whether a JSON file is a preview, a stack export, a checkpoint
/// or one of our own plan documents, and loads its resource graph. Every file goes through the same hardened
/// reading (<see cref="JsonInput"/>), so a truncated plan and a truncated preview fail with the same message. Every failure is an <see cref="ArtifactLoadException"/> with file, position and
/// what was expected.
/// </summary>
public static class ArtifactLoader
{
    /// <summary>Loads the resource graph of any supported artifact (a preview gives the "after" graph).</summary>
    public static ResourceGraph Load(string path) => LoadArtifact(path).Graph;

    /// <summary>Loads and identifies an artifact; with <paramref name="expected"/> set, a file of another kind is refused.</summary>
    public static LoadedArtifact LoadArtifact(string path, ArtifactKind? expected = null, LoadLimits? limits = null)
    {
        using var doc = JsonInput.ReadFile(path, limits ?? LoadLimits.Default);
        return JsonInput.Read(path, () => Read(doc.RootElement, path, expected));
    }

    /// <summary>Same as <see cref="LoadArtifact"/> for JSON already in memory; <paramref name="source"/> names it in errors.</summary>
    public static LoadedArtifact Parse(ReadOnlyMemory<byte> json, string source, ArtifactKind? expected = null, LoadLimits? limits = null)
    {
        using var doc = JsonInput.Parse(json, source, limits ?? LoadLimits.Default);
        return JsonInput.Read(source, () => Read(doc.RootElement, source, expected));
    }

    private static LoadedArtifact Read(JsonElement root, string source, ArtifactKind? expected)
    {
        var kind = Detect(root, source);
        if (expected is { } want && !Compatible(want, kind))
            throw new ArtifactLoadException(source, $"expected {Describe(want)} but the file is {Describe(kind)}");
        if (kind == ArtifactKind.Plan)
        {
            var plan = ReadPlan(root, source);
            return new LoadedArtifact(kind, plan.ToGraph(source), null) { Plan = plan };
        }
        if (kind == ArtifactKind.Preview)
        {
            var preview = PreviewLoader.Read(root, source);
            return new LoadedArtifact(kind, PreviewLoader.ToGraph(preview), preview);
        }
        var graph = StateLoader.Read(root, source, out var stateKind);
        return new LoadedArtifact(stateKind, graph, null);
    }

    /// <summary>Reads a plan document, its shape errors in the loaders' one-line form (file, then what was expected where).</summary>
    private static PlanDocument ReadPlan(JsonElement root, string source)
    {
        try { return PlanJsonReader.Read(root, source); }
        catch (ReviewInputException e)
        {
            var prefix = source + ": ";
            var problem = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            throw new ArtifactLoadException(source, problem, inner: e);
        }
    }

    /// <summary>Identifies the format from its top-level keys.</summary>
    public static ArtifactKind Detect(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArtifactLoadException(source, $"expected a JSON object at the top level, found {ResourceStateReader.Describe(root)}", jsonPath: "$");
        if (PlanJsonReader.IsPlan(root)) return ArtifactKind.Plan;
        if (root.TryGetProperty("steps", out _)) return ArtifactKind.Preview;
        if (root.TryGetProperty("checkpoint", out _)) return ArtifactKind.Checkpoint;
        if (root.TryGetProperty("deployment", out _)) return ArtifactKind.StackExport;
        if (root.TryGetProperty("resources", out _) && root.TryGetProperty("manifest", out _)) return ArtifactKind.StackExport;
        if (root.TryGetProperty("plan", out _))
            throw new ArtifactLoadException(source, "update plans (preview --save-plan) are not supported; use `pulumi preview --json` output", jsonPath: "$");
        if (!root.EnumerateObject().Any())
            throw new ArtifactLoadException(source, "empty JSON object; pulumi writes {} when the preview failed (check its exit code and errors)", jsonPath: "$");
        throw new ArtifactLoadException(source,
            "unrecognised JSON; expected `pulumi preview --json` output (with \"steps\"), a `pulumi stack export` ({\"version\": 3, \"deployment\": …}), a checkpoint ({\"version\": 3, \"checkpoint\": …}) or an enclave plan ({\"kind\": \"enclave-plan\", …})",
            jsonPath: "$");
    }

    /// <summary>
    /// A preview is only a preview. Exports, checkpoints and plans all hold a stack's full resource set, so any of
    /// them answers a request for state (a plan is what the program declares, an export what is deployed).
    /// </summary>
    private static bool Compatible(ArtifactKind want, ArtifactKind actual) =>
        want == actual || (want != ArtifactKind.Preview && actual != ArtifactKind.Preview && want != ArtifactKind.Plan);

    private static string Describe(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Preview => "`pulumi preview --json` output",
        ArtifactKind.StackExport => "a `pulumi stack export`",
        ArtifactKind.Plan => "an enclave plan (`enclave plan --format json`)",
        _ => "a state checkpoint",
    };
}
