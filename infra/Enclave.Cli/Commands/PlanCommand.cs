using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Policy.Engine;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave plan STACK [--format text|json|markdown] [--output FILE] [--repo DIR]`: runs the program offline with
/// the stack's configuration (preview semantics, no cloud account) and prints the component tree with key inputs
/// and the policy verdict. Exit 0 when every mandatory rule passes, 1 on a mandatory violation, 2 on an unknown
/// stack or invalid configuration.
/// </summary>
public static class PlanCommand
{
    private static readonly string[] Formats = ["text", "json", "markdown"];

    public static Command Create(CliServices services)
    {
        var stack = new Argument<string>("STACK") { Description = "Stack to plan (stacks/Pulumi.<STACK>.yaml)" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json (the plan document), markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = CommonOptions.Output();
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var undetermined = CommonOptions.Undetermined();

        var command = new Command("plan", "Plan a stack offline: what `pulumi up` would create, with its policy verdict")
        {
            stack, format, output, repo, undetermined,
        };
        command.SetAction((parseResult, cancel) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            return CliErrors.RunAsync(stderr, () => RunAsync(parseResult.GetValue(stack)!, parseResult.GetValue(format) ?? "text",
                parseResult.GetValue(output), parseResult.GetValue(repo), services, stdout, stderr, cancel,
                CommonOptions.ParseUndetermined(parseResult.GetValue(undetermined))));
        });
        return command;
    }

    public static async Task<int> RunAsync(string stack, string format, string? output, string? repo, CliServices services,
        TextWriter stdout, TextWriter stderr, CancellationToken cancel, UndeterminedMode undetermined = UndeterminedMode.Block)
    {
        var root = Repository.FindRoot(repo);
        var plan = await BuildAsync(services, root, stack, cancel, undetermined);
        OutputTarget.Write(output, stdout, w => w.Write(Render(plan, format)));
        if (output is not null)
            stderr.WriteLine($"enclave plan: {plan.Stack}: {plan.Resources.Length} resources, policy {(plan.Policy.Passes ? "pass" : "fail")} (plan: {output})");
        return plan.Policy.Passes ? ExitCodes.Ok : ExitCodes.Violations;
    }

    /// <summary>The plan of <paramref name="stack"/>: the program run offline and judged by the rule catalogue.</summary>
    public static async Task<PlanDocument> BuildAsync(CliServices services, string root, string stack, CancellationToken cancel,
        UndeterminedMode undetermined = UndeterminedMode.Block)
    {
        Repository.RequireStack(services.Stacks, root, stack);
        var (graph, policy) = await services.Stacks.RunOfflineAsync(root, stack, cancel);
        return PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, policy, today: services.Today(), undetermined: undetermined));
    }

    public static string Render(PlanDocument plan, string format) => format switch
    {
        "json" => PlanJsonWriter.Write(plan),
        "markdown" => PlanMarkdownRenderer.Render(plan),
        _ => PlanTextRenderer.Render(plan),
    };
}
