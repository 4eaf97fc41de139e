using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Escaping;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Topology;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave plan STACK [--format text|json|markdown|mermaid] [--against FILE|git:REF] [--output FILE] [--repo DIR]`:
/// runs the program offline with the stack's configuration (preview semantics, no cloud account) and prints what
/// `pulumi preview --diff` would: the component tree with operations and key inputs, Pulumi's `Resources:` block and
/// the policy verdict. Against a base (a plan, preview or state file, or a git revision) it shows the updates,
/// replacements and deletes. Exit 0 when every mandatory rule passes, 1 on a mandatory violation, 2 on an unknown
/// stack or invalid configuration.
/// </summary>
public static class PlanCommand
{
    private static readonly string[] Formats = ["text", "json", "markdown", "mermaid"];

    public sealed record PlanRequest(string Stack, string Format, string? Output, string? Repo, string? Against = null,
        bool RefTypes = false, UndeterminedMode Undetermined = UndeterminedMode.Block);

    public static Command Create(CliServices services, DiffGitRevision.RevisionPlanner? planner = null)
    {
        var stack = new Argument<string>("STACK") { Description = "Stack to plan (stacks/Pulumi.<STACK>.yaml)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json (the plan document), markdown, mermaid (the firewall as a diagram)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = CommonOptions.Output();
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var against = new Option<string?>("--against")
        {
            Description = "Show what changes relative to a base: a plan, preview or state file, or git:REF (the stack at that revision)",
        };
        var refTypes = new Option<bool>("--ref-types") { Description = "Name each referenced resource with its type (oci:Core/subnet:Subnet::network-data.id)" };
        var undetermined = CommonOptions.Undetermined();

        var command = new Command("plan", "Plan a stack offline: what `pulumi up` would do, with its policy verdict")
        {
            stack, format, output, repo, against, refTypes, undetermined,
        };
        command.SetAction((parseResult, cancel) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            return CliErrors.RunAsync(stderr, () => RunAsync(new PlanRequest(parseResult.GetValue(stack)!,
                parseResult.GetValue(format) ?? "text", parseResult.GetValue(output), parseResult.GetValue(repo),
                parseResult.GetValue(against), parseResult.GetValue(refTypes),
                CommonOptions.ParseUndetermined(parseResult.GetValue(undetermined))), services, planner, stdout, stderr, cancel));
        });
        return command;
    }

    public static Task<int> RunAsync(string stack, string format, string? output, string? repo, CliServices services,
        TextWriter stdout, TextWriter stderr, CancellationToken cancel, UndeterminedMode undetermined = UndeterminedMode.Block) =>
        RunAsync(new PlanRequest(stack, format, output, repo, Undetermined: undetermined), services, null, stdout, stderr, cancel);

    public static async Task<int> RunAsync(PlanRequest request, CliServices services, DiffGitRevision.RevisionPlanner? planner,
        TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (request.Against is not null && request.Format == "json")
            throw CliException.Usage("--against shows changes in text, markdown or mermaid; the json plan document is always the whole plan (compare two with `enclave diff`)");
        var root = Repository.FindRoot(request.Repo);
        // A bad --output (also one naming the base or the stack inventory) fails now, not after the plan is built (the write judges again).
        OutputTarget.Precheck(request.Output, request.Against, Repository.Inventory(root));
        var plan = await BuildAsync(services, root, request.Stack, cancel, request.Undetermined, stderr);

        ReviewDiff? diff = null;
        ResourceGraph? basis = null;
        if (request.Against is { } spec)
        {
            var inputs = new DiffInputs(services, request.Repo, request.Stack, new DiffGitRevision(services, planner));
            var side = await SlowWork.RunAsync(stderr, $"planning {spec}", () => inputs.ResolveAsync(spec, cancel));
            basis = side.Graph;
            diff = DiffEngine.Compare(side.Graph, plan.ToGraph(), new DiffOptions(side.Label, $"stack {request.Stack}", side.Policy, plan.Policy));
            if (side.Warning is not null) diff = diff with { Notes = [side.Warning, .. diff.Notes] };
        }

        var toTerminal = request.Output is null or "-";
        if (request.Format == "json") OutputTarget.Write(request.Output, stdout, w => PlanJsonWriter.Write(plan, w)); // streamed
        else
            OutputTarget.Write(request.Output, stdout, w => w.Write(Render(plan, request.Format, diff, basis, request.RefTypes,
                color: toTerminal && Terminal.ColorWanted(stdout), width: toTerminal ? Terminal.Width(stdout) : 80, services, root)));
        if (!toTerminal && !Terminal.Quiet)
            stderr.WriteLine(SafeText.Escape($"enclave plan: {plan.Stack}: {plan.Resources.Length} resources, policy {(plan.Policy.Passes ? "pass" : "fail")} (plan: {request.Output})", SafeText.LineLength));
        return plan.Policy.Passes ? ExitCodes.Ok : ExitCodes.Violations;
    }

    /// <summary>The plan of <paramref name="stack"/>: the program run offline and judged by the rule catalogue.</summary>
    public static async Task<PlanDocument> BuildAsync(CliServices services, string root, string stack, CancellationToken cancel,
        UndeterminedMode undetermined = UndeterminedMode.Block, TextWriter? progress = null)
    {
        Repository.RequireStack(services.Stacks, root, stack);
        var (graph, policy) = progress is null
            ? await services.Stacks.RunOfflineAsync(root, stack, cancel)
            : await SlowWork.RunAsync(progress, $"running the program offline for {stack}", () => services.Stacks.RunOfflineAsync(root, stack, cancel));
        return PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, policy, today: services.Today(), undetermined: undetermined));
    }

    public static string Render(PlanDocument plan, string format) => format switch
    {
        "json" => PlanJsonWriter.Write(plan),
        "markdown" => PlanMarkdownRenderer.Render(PlanView.Build(plan)),
        _ => PlanTextRenderer.Render(plan),
    };

    private static string Render(PlanDocument plan, string format, ReviewDiff? diff, ResourceGraph? basis, bool refTypes, bool color, int width,
        CliServices services, string root)
    {
        if (format == "json") return PlanJsonWriter.Write(plan);
        var view = PlanView.Build(plan, diff, basis, refTypes);
        var topology = format is "markdown" or "mermaid" ? Firewall(plan, basis, diff, services, root) : null;
        return format switch
        {
            "markdown" => PlanMarkdownRenderer.Render(view, topology),
            "mermaid" => MermaidRenderer.Render(topology!),
            _ => PlanTextRenderer.Render(view, new PlanTextOptions(color, width, refTypes)),
        };
    }

    /// <summary>The firewall picture of the plan, and, against a base, of the base too, with what changed marked.</summary>
    private static TopologyDiagram Firewall(PlanDocument plan, ResourceGraph? basis, ReviewDiff? diff, CliServices services, string root)
    {
        var policy = services.Stacks.LoadPolicy(root, plan.Stack);
        var head = FirewallTopology.Build(plan.ToGraph(), policy);
        return basis is null ? TopologyDiagram.Of(head) : TopologyDiagram.Compare(FirewallTopology.Build(basis, policy), head, diff);
    }
}
