using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Commands;

/// <summary>One side of a diff: the resources, their policy verdict, and where they came from.</summary>
public sealed record DiffSide(ResourceGraph Graph, PolicySummary Policy, string Label);

/// <summary>
/// Turns a BASE or HEAD argument into a <see cref="DiffSide"/>. A plan document (or <c>git:REF</c>, which plans
/// that revision) carries the verdict its own program and rules gave; a preview or stack export is judged here,
/// with the configuration of <c>--stack</c> (or of the stack named in its URNs, when the repository has it).
/// The repository is only looked for when needed: two files can be compared anywhere.
/// </summary>
public sealed class DiffInputs(CliServices services, string? repo, string? stack, DiffGitRevision git)
{
    private string? _root;

    /// <summary>The repository root (Pulumi.yaml); a usage error outside a repository.</summary>
    private string Root => _root ??= Repository.FindRoot(repo);

    /// <summary>Refuses an unknown --stack before any input is read.</summary>
    public void CheckStack()
    {
        if (stack is not null) Repository.RequireStack(services.Stacks, Root, stack);
    }

    public async Task<DiffSide> ResolveAsync(string spec, CancellationToken cancel)
    {
        if (DiffGitRevision.IsGitSpec(spec))
        {
            if (stack is null) throw CliException.Usage($"{spec}: planning a git revision needs --stack STACK");
            var (plan, label) = await git.PlanAsync(Root, spec, stack, cancel);
            return new DiffSide(plan.ToGraph(spec), plan.Policy, label);
        }

        if (Directory.Exists(spec)) throw CliException.Input($"{spec}: is a directory; expected a plan JSON, a preview JSON, a stack export or git:REF");
        if (!File.Exists(spec))
            throw CliException.Input($"{spec}: file not found (expected a plan JSON from `enclave plan --format json`, `pulumi preview --json` output, a `pulumi stack export`, or git:REF)");
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(spec, cancel); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"{spec}: cannot read the file ({e.Message})");
        }

        if (IsPlanDocument(bytes))
        {
            try
            {
                var plan = PlanJsonReader.Read(System.Text.Encoding.UTF8.GetString(WithoutBom(bytes)), spec);
                return new DiffSide(plan.ToGraph(spec), plan.Policy, spec);
            }
            catch (ReviewInputException e) { throw CliException.Input(e.Message); }
        }
        var graph = ArtifactLoader.Parse(bytes, spec).Graph;
        return new DiffSide(graph, PolicyVerdicts.Evaluate(graph, ContextFor(graph.Stack), today: services.Today()), spec);
    }

    /// <summary>The isolation context judging an artifact: --stack's, else its own stack's when known here, else defaults.</summary>
    public PolicyContext ContextFor(string artifactStack)
    {
        if (stack is not null)
        {
            Repository.RequireStack(services.Stacks, Root, stack);
            return services.Stacks.LoadPolicy(Root, stack);
        }
        string root;
        try { root = Root; }
        catch (CliException) when (repo is null) { return new PolicyContext(); } // outside a repository: default context
        return artifactStack.Length > 0 && services.Stacks.ListStacks(root).Contains(artifactStack, StringComparer.Ordinal)
            ? services.Stacks.LoadPolicy(root, artifactStack)
            : new PolicyContext();
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    /// <summary>
    /// Reads only the top-level keys to see whether the file is an <c>enclave-plan</c>; malformed JSON answers no
    /// and the artifact loader then reports it with its position.
    /// </summary>
    public static bool IsPlanDocument(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(WithoutBom(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKind = reader.ValueTextEquals("kind"u8);
                if (!reader.Read()) return false;
                if (isKind) return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(PlanDocument.Kind);
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
