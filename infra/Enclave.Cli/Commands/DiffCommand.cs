using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Render;
using Enclave.Policy.Review.Topology;
using Enclave.Escaping;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave diff BASE HEAD [--stack STACK] [--format markdown|text|json] [--output FILE] [--expect-no-changes]` and
/// `enclave diff --preview-json FILE` (or `--event-log FILE`): the review of a change, destructive and rule-breaking changes first.
/// BASE and HEAD are plan JSON files, `pulumi preview --json` or `pulumi stack export` files, or <c>git:REF</c>.
/// Markdown and text on stdout fit a pull-request comment (<see cref="CommentBudget.DefaultLimit"/> characters);
/// <c>--output</c> receives the complete report. Exit 0, or 4 with --expect-no-changes when anything changes;
/// 2 for usage and configuration errors, 3 for unreadable inputs.
/// </summary>
public static class DiffCommand
{
    /// <summary>`--expect-no-changes` found changes (Pulumi's own CLI uses 7 for this).</summary>
    public const int ChangesFound = 4;

    private static readonly string[] Formats = ["markdown", "text", "json"];

    public sealed record DiffRequest(
        string? Base, string? Head, string? PreviewJson, string? Stack, string Format, string? Output,
        bool ExpectNoChanges, int CommentLimit, string? Repo)
    {
        /// <summary>`--event-log FILE`: review the engine event log of a preview (instead of BASE and HEAD).</summary>
        public string? EventLog { get; init; }
    }

    public static Command Create(CliServices services, DiffGitRevision.RevisionPlanner? planner = null)
    {
        var @base = new Argument<string?>("BASE") { Description = "Before: plan JSON, preview JSON, stack export, git:REF, or - (standard input)", Arity = ArgumentArity.ZeroOrOne };
        var head = new Argument<string?>("HEAD") { Description = "After: plan JSON, preview JSON, stack export, git:REF, or - (standard input)", Arity = ArgumentArity.ZeroOrOne };
        var preview = new Option<string?>("--preview-json") { Description = "Review one `pulumi preview --json` file (instead of BASE and HEAD)" };
        var eventLog = new Option<string?>("--event-log") { Description = "Review the engine event log of `pulumi preview --event-log FILE` (instead of BASE and HEAD)" };
        var stack = new Option<string?>("--stack") { Description = "Stack to plan for git:REF, and whose configuration judges preview/export files" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: markdown, text, json", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the complete report to FILE (stdout keeps the comment-sized one)" };
        var expectNoChanges = new Option<bool>("--expect-no-changes") { Description = "Exit 4 when any resource changes" };
        var limit = new Option<int>("--comment-limit")
        {
            Description = "Longest Markdown/text report on stdout, in characters",
            DefaultValueFactory = _ => CommentBudget.DefaultLimit,
        };
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };

        var command = new Command("diff", "Review a change: counts, destructive changes, rule impact, then every property change")
        {
            @base, head, preview, eventLog, stack, format, output, expectNoChanges, limit, repo,
        };
        command.SetAction((parseResult, cancel) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            return CliErrors.RunAsync(stderr, () => RunAsync(new DiffRequest(
                parseResult.GetValue(@base), parseResult.GetValue(head), parseResult.GetValue(preview), parseResult.GetValue(stack),
                parseResult.GetValue(format) ?? "markdown", parseResult.GetValue(output), parseResult.GetValue(expectNoChanges),
                parseResult.GetValue(limit), parseResult.GetValue(repo)) { EventLog = parseResult.GetValue(eventLog) },
                services, planner, stdout, stderr, cancel));
        });
        return command;
    }

    public static async Task<int> RunAsync(DiffRequest request, CliServices services, DiffGitRevision.RevisionPlanner? planner,
        TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (request.CommentLimit < 1_000) throw CliException.Usage($"--comment-limit {request.CommentLimit}: expected at least 1000 characters");
        if (request.PreviewJson is not null && request.EventLog is not null)
            throw CliException.Usage("--preview-json and --event-log are alternatives; review one preview per run");
        // A bad --output (also one naming a side, or the stack inventory a side's stack is looked up in) fails now, not after
        // both sides are read (the write judges again). Two files compare outside a repository too: no root, no inventory.
        string? inventory;
        try { inventory = Repository.Inventory(Repository.FindRoot(request.Repo)); }
        catch (CliException) { inventory = null; }
        OutputTarget.Precheck(request.Output, request.Base, request.Head, request.PreviewJson, request.EventLog, inventory);
        var (diff, topology) = (request.PreviewJson ?? request.EventLog) is not null
            ? Preview(request, services)
            : await CompareAsync(request, services, planner, stderr, cancel);

        var fullReport = request.Output is null or "-" ? null : request.Output;
        if (request.Format == "json")
        {
            OutputTarget.Write(request.Output, stdout, w => DiffJsonWriter.Write(diff, w));
        }
        else
        {
            if (fullReport is not null) OutputTarget.Write(fullReport, stdout, w => w.Write(Render(diff, request.Format, null, null, topology)));
            OutputTarget.Write(null, stdout, w => w.Write(Render(diff, request.Format, request.CommentLimit, fullReport, topology)));
        }
        if (!Terminal.Quiet) stderr.WriteLine(SafeText.Escape($"enclave diff: {Summary(diff)}{(fullReport is null ? "" : $" (full report: {fullReport})")}", SafeText.LineLength));
        return request.ExpectNoChanges && diff.HasChanges ? ChangesFound : ExitCodes.Ok;
    }

    private static async Task<(ReviewDiff, TopologyDiagram?)> CompareAsync(DiffRequest request, CliServices services, DiffGitRevision.RevisionPlanner? planner,
        TextWriter stderr, CancellationToken cancel)
    {
        if (request.Base is null || request.Head is null)
            throw CliException.Usage("expected BASE and HEAD (plan JSON, preview JSON, stack export or git:REF), or --preview-json FILE");
        var inputs = new DiffInputs(services, request.Repo, request.Stack, new DiffGitRevision(services, planner));
        inputs.CheckStack();
        var (baseSpec, headSpec) = (request.Base, request.Head);
        var before = await SlowWork.RunAsync(stderr, $"reading {baseSpec}", () => inputs.ResolveAsync(baseSpec, cancel));
        var after = await SlowWork.RunAsync(stderr, $"reading {headSpec}", () => inputs.ResolveAsync(headSpec, cancel, before.Graph));
        var diff = DiffEngine.Compare(before.Graph, after.Graph, new DiffOptions(before.Label, after.Label, before.Policy, after.Policy));
        string[] warnings = [.. new[] { before.Warning, after.Warning }.OfType<string>()];
        // Only the Markdown report draws the firewall: JSON and text never pay for two access tables and diagrams.
        var topology = request.Format != "markdown" ? null : TopologyDiagram.Compare(
            FirewallTopology.Build(before.Graph, inputs.ContextFor(before.Graph.Stack)),
            FirewallTopology.Build(after.Graph, inputs.ContextFor(after.Graph.Stack)), diff);
        return (warnings.Length == 0 ? diff : diff with { Notes = [.. warnings, .. diff.Notes] }, topology);
    }

    private static (ReviewDiff, TopologyDiagram?) Preview(DiffRequest request, CliServices services)
    {
        var flag = request.PreviewJson is not null ? "--preview-json" : "--event-log";
        var file = (request.PreviewJson ?? request.EventLog)!;
        if (request.Base is not null || request.Head is not null)
            throw CliException.Usage($"{flag} reviews one file; give either BASE and HEAD or {flag} FILE, not both");
        var preview = ArtifactLoader.LoadArtifact(file, request.PreviewJson is not null ? ArtifactKind.Preview : ArtifactKind.EventLog).Preview!;
        var context = new DiffInputs(services, request.Repo, request.Stack, new DiffGitRevision(services)).ContextFor(preview.Stack);
        var today = services.Today();
        var (before, after) = (PreviewReview.BeforeGraph(preview), PreviewReview.AfterGraph(preview));
        var diff = PreviewReview.Build(preview, new DiffOptions("current state", file,
            PolicyVerdicts.Evaluate(before, context, today: today), PolicyVerdicts.Evaluate(after, context, today: today)));
        return (diff, request.Format != "markdown" ? null
            : TopologyDiagram.Compare(FirewallTopology.Build(before, context), FirewallTopology.Build(after, context), diff));
    }

    public static string Render(ReviewDiff diff, string format, int? limit, string? fullReport, TopologyDiagram? topology = null) => format switch
    {
        "text" => DiffTextRenderer.Render(diff, limit, fullReport),
        "json" => DiffJsonWriter.Write(diff),
        _ => DiffMarkdownRenderer.Render(diff, limit, fullReport, topology),
    };

    private static string Summary(ReviewDiff diff)
    {
        if (!diff.HasChanges) return "no resource changes";
        var ops = new[] { ChangeOp.Create, ChangeOp.Update, ChangeOp.Replace, ChangeOp.Delete }
            .Where(op => diff.Count(op) > 0).Select(op => $"{diff.Count(op)} {DiffWords.Name(op)}");
        var failing = diff.Count(ImpactKind.NewlyFailing);
        return string.Join(", ", ops) + (failing > 0 ? $"; {failing} rule findings newly failing" : "");
    }
}
