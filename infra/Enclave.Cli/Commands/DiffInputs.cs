using Enclave.Cli.Common;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Commands;

/// <summary>One side of a diff: the resources, their policy verdict, where they came from, and caveats to show.</summary>
public sealed record DiffSide(ResourceGraph Graph, PolicySummary Policy, string Label, string? Warning = null);

/// <summary>
/// Turns a BASE or HEAD argument into a <see cref="DiffSide"/>. Every side is judged here by the current rule
/// catalogue with the isolation context of <c>--stack</c> (or of the stack the file names, when the repository has
/// it): a plan document (or <c>git:REF</c>, which plans that revision) is re-judged like a preview or stack export,
/// and the verdict it carries is only cross-checked, so a stale or hand-edited plan cannot hide a violation.
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

    /// <param name="prior">The other side, already read: a state reuses its values where they are the same
    /// (<see cref="ArtifactLoader.LoadArtifact"/>), so two large states are held about once.</param>
    public async Task<DiffSide> ResolveAsync(string spec, CancellationToken cancel, ResourceGraph? prior = null)
    {
        if (DiffGitRevision.IsGitSpec(spec))
        {
            if (stack is null) throw CliException.Usage($"{spec}: planning a git revision needs --stack STACK");
            var (plan, label) = await git.PlanAsync(Root, spec, stack, cancel);
            return Judge(plan, spec, label);
        }

        // One reader for every file kind (the shared opener: a regular file or '-'): the same limits and the same
        // one-line errors (file:line:column); a missing file, a directory or a FIFO is refused there.
        var artifact = ArtifactLoader.LoadArtifact(spec, prior: prior);
        if (artifact.Plan is { } stored) return Judge(stored, spec, spec);
        var graph = artifact.Graph;
        Repository.RequireArtifactStack(spec, graph.Stack);
        // A side whose URNs name no stack (a fresh stack's export) was judged under the default context while the
        // other side had its stack's, and the diff said "base is stack / and head is …/dev": name it, as check does.
        if (graph.Stack.Length == 0)
            graph = stack is not null ? Repository.NameEmpty(graph, Root, stack)
                : throw CliException.Usage($"{spec} holds no resources to name its stack; pass --stack NAME");
        return new DiffSide(graph, PolicyVerdicts.Evaluate(graph, ContextFor(graph.Stack), today: services.Today()), spec);
    }

    /// <summary>Re-runs the rules on a plan's resources; the plan's own verdict only raises a warning when it differs.</summary>
    private DiffSide Judge(PlanDocument plan, string source, string label)
    {
        var graph = plan.ToGraph(source);
        var judged = PolicyVerdicts.Evaluate(graph, ContextFor(plan.Stack), today: services.Today());
        return new DiffSide(graph, judged, label, PolicyCrossCheck.Compare(label, plan.Policy, judged));
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
}
