using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Inputs;
using Enclave.Policy.Loaders.Json;
using Enclave.Policy.Loaders.Readers;
using Enclave.Policy.Review.Plan;

namespace Enclave.Policy.Loaders;

/// <summary>What a file turned out to be, with its graph and (for a preview or event log) its steps.</summary>
public sealed record LoadedArtifact(ArtifactKind Kind, ResourceGraph Graph, PreviewDocument? Preview)
{
    /// <summary>The plan document, when the file is an <c>enclave plan --format json</c> (its stored verdict included).</summary>
    public PlanDocument? Plan { get; init; }
}

/// <summary>
/// Entry point for the gate's file inputs: tells whether a file is a preview, a stack export, a checkpoint, an engine
/// event log or one of our own plan documents (<see cref="FormatSniffer"/>) and streams its resource graph out of it
/// (<see cref="JsonSource"/>: no whole-document tree, so memory follows the graph, not the file). Every input goes
/// through the same hardened reading, so a truncated plan and a truncated preview fail with the same message. Every
/// failure is an <see cref="ArtifactLoadException"/> with file, position (line and column, or the JSON path) and
/// what was expected.
/// </summary>
public static class ArtifactLoader
{
    /// <summary>Loads the resource graph of any supported artifact (a preview gives the "after" graph).</summary>
    public static ResourceGraph Load(string path) => LoadArtifact(path).Graph;

    /// <summary>Loads and identifies an artifact; with <paramref name="expected"/> set, a file of another kind is refused.</summary>
    /// <param name="prior">A graph loaded before (a diff's base, read by this loader from a state): a stack export's or
    /// checkpoint's resources reuse its values where they read exactly the same, so the two are held once
    /// (<see cref="PriorValues"/>). What the graph says is the same either way.</param>
    public static LoadedArtifact LoadArtifact(string path, ArtifactKind? expected = null, LoadLimits? limits = null, ResourceGraph? prior = null)
    {
        limits ??= LoadLimits.Default;
        return Load(OpenFile(path, limits), path, expected, limits, prior);
    }

    /// <summary>Same as <see cref="LoadArtifact"/> for JSON already in memory; <paramref name="source"/> names it in errors.</summary>
    public static LoadedArtifact Parse(ReadOnlyMemory<byte> json, string source, ArtifactKind? expected = null, LoadLimits? limits = null,
        ResourceGraph? prior = null)
    {
        limits ??= LoadLimits.Default;
        return Load(new CappedStream(new MemoryStream(json.ToArray(), writable: false), source, InputKind.Artifact, limits.MaxFileBytes),
            source, expected, limits, prior);
    }

    /// <summary>Reads an artifact from <paramref name="stream"/> (which it disposes), capped at the size limit as it streams.</summary>
    public static LoadedArtifact Load(Stream stream, string source, ArtifactKind? expected = null, LoadLimits? limits = null,
        ResourceGraph? prior = null)
    {
        limits ??= LoadLimits.Default;
        if (stream is not CappedStream) stream = new CappedStream(stream, source, InputKind.Artifact, limits.MaxFileBytes);
        JsonSource? json = null;
        try
        {
            json = JsonSource.Open(stream, source, limits, expecting: expected is { } named ? Expected(named) : null);
            var kind = FormatSniffer.Sniff(json);
            if (expected is { } want && !Compatible(want, kind))
                throw new ArtifactLoadException(source, $"expected {Expected(want)} but the file is {Describe(kind)}");
            // Engine events are a sequence of top-level objects: read with a reader that takes several.
            if (kind == ArtifactKind.EventLog) json.ReadAsSequence();
            // Only a graph this loader read from a state: its maps are all ordinal, as the ones read here (a plan's
            // may carry another key comparer, whose lookups a shared instance would bring along).
            if (prior?.Origin == GraphOrigin.State) json.Prior = prior;
            var owned = json;
            json = null;
            var loaded = Read(owned, kind);
            CheckDensity(loaded.Graph.Resources.Length, stream.Position, source, limits);
            loaded.Graph.InputBytes = stream.Position; // bounds what the rules' findings may keep (FindingBudget)
            return loaded;
        }
        catch (InputFileException e)
        {
            // The opener's stream refuses bytes past the size cap and binary content as they arrive.
            throw new ArtifactLoadException(e.Path, e.Problem, inner: e);
        }
        catch (JsonException e)
        {
            throw new ArtifactLoadException(source, JsonErrors.Explain(e, limits), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
        finally
        {
            json?.Dispose();
        }
    }

    /// <summary>
    /// Refuses, before any rule runs, a file of many tiny resources: each costs the rules and the report the same
    /// whatever its size in the file (<see cref="LoadLimits.MinBytesPerResource"/>).
    /// </summary>
    private static void CheckDensity(int resources, long bytes, string source, LoadLimits limits)
    {
        if (resources <= limits.DenseResourcesFrom || bytes >= (long)resources * limits.MinBytesPerResource) return;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        throw new ArtifactLoadException(source, $"{resources.ToString("N0", invariant)} resources in {Inputs.InputLimits.Describe(bytes)}, " +
            $"{(bytes / resources).ToString(invariant)} bytes each on average; past {limits.DenseResourcesFrom.ToString("N0", invariant)} " +
            $"resources a file must spend at least {limits.MinBytesPerResource.ToString(invariant)} on each (real Pulumi artifacts spend 450 " +
            "or more, and every resource costs the rules and the report about 1.5 KB of memory however small it is written)");
    }

    private static LoadedArtifact Read(JsonSource json, ArtifactKind kind)
    {
        using var owned = json;
        var c = new JsonCursor(json);
        switch (kind)
        {
            case ArtifactKind.Plan:
                var plan = PlanReader.Read(ref c);
                End(ref c);
                return new LoadedArtifact(kind, plan.ToGraph(json.Name), null) { Plan = plan };
            case ArtifactKind.Preview:
            case ArtifactKind.EventLog:
                var preview = kind == ArtifactKind.Preview ? PreviewReader.Read(ref c) : EventLogReader.Read(ref c);
                if (kind == ArtifactKind.Preview) End(ref c);
                return new LoadedArtifact(kind, PreviewLoader.ToGraph(preview), preview);
            default:
                var graph = DeploymentReader.Read(ref c, out var stateKind);
                End(ref c);
                return new LoadedArtifact(stateKind, graph, null);
        }
    }

    /// <summary>
    /// The file through the shared opener (<see cref="InputFile"/>): a regular file or <c>-</c> for standard input,
    /// capped at the size limit as it streams, anything else refused before it is opened.
    /// </summary>
    private static Stream OpenFile(string path, LoadLimits limits)
    {
        try { return InputFile.Open(path, InputKind.Artifact, limits.MaxFileBytes); }
        catch (InputFileException e) { throw new ArtifactLoadException(e.Path, e.Problem, inner: e); }
    }

    /// <summary>
    /// Each input flag reads one format: a preview is only a preview, an event log only an event log (their steps
    /// differ in what they prove: a preview file is the engine's summary, an event log the run itself), a plan only a
    /// plan. State (<c>--state</c>) is a stack export or a file-backend checkpoint, the two ways Pulumi stores what
    /// is deployed; a plan is what the program declares, so judging it as deployed state would report drift that was
    /// never looked at. (Diff sides pass no expectation: any format is a side.)
    /// </summary>
    private static bool Compatible(ArtifactKind want, ArtifactKind actual) =>
        want == actual || (IsState(want) && IsState(actual));

    private static bool IsState(ArtifactKind kind) => kind is ArtifactKind.StackExport or ArtifactKind.Checkpoint;

    /// <summary>What a flag reads, in words: state is either of Pulumi's two ways to store it.</summary>
    private static string Expected(ArtifactKind kind) => IsState(kind) ? "a `pulumi stack export` or a checkpoint" : Describe(kind);

    private static string Describe(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Preview => "`pulumi preview --json` output",
        ArtifactKind.EventLog => "an engine event log (`--event-log`)",
        ArtifactKind.StackExport => "a `pulumi stack export`",
        ArtifactKind.Plan => "an enclave plan (`enclave plan --format json`)",
        _ => "a state checkpoint",
    };

    /// <summary>After the document, only whitespace (the reader refuses anything else).</summary>
    private static void End(ref JsonCursor c)
    {
        if (c.Read()) throw c.Source.Error("more JSON after the end of the document");
    }
}
