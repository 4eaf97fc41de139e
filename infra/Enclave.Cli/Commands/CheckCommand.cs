using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;
using Enclave.Policy.Waivers;
using Enclave.Escaping;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave check [STACK...] [--preview-json FILE | --event-log FILE | --state FILE | --plan FILE] [--stack NAME] [--format …] [--output FILE]
/// [--fail-on SEVERITY] [--soft-fail] [--waivers FILE]`: the policy gate. Without an input file every named stack
/// (or every stack in stacks/) is run offline. A plan file (`enclave plan --format json`) is accepted by --plan and
/// by --state, and is re-judged by the current rules (its stored verdict is not trusted). Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliServices services)
    {
        var stacks = new Argument<string[]>("STACK") { Description = "Stacks to check (default: every stack in stacks/)", Arity = ArgumentArity.ZeroOrMore };
        var preview = new Option<string?>("--preview-json") { Description = "Check the output of `pulumi preview --json` (the state after the update); - reads standard input" };
        var eventLog = new Option<string?>("--event-log") { Description = "Check the engine event log of `pulumi preview|up --event-log FILE` (the state after the run); - reads standard input" };
        var state = new Option<string?>("--state") { Description = "Check a `pulumi stack export`, a state checkpoint (what is deployed) or an enclave plan JSON; - reads standard input" };
        var plan = new Option<string?>("--plan") { Description = "Check a plan JSON written by `enclave plan --format json` (re-judged by the current rules)" };
        var stack = new Option<string?>("--stack") { Description = "Stack whose configuration judges the file (default: the stack in its URNs)" };
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Junit, ReportFormat.Markdown);
        var output = CommonOptions.Output();
        var failOn = CommonOptions.FailOn();
        var softFail = new Option<bool>("--soft-fail") { Description = "Report violations but exit 0 (input and usage errors still fail)" };
        var waivers = new Option<string?>("--waivers") { Description = "YAML file of waivers: rule, urn (glob), reason, expires; - reads standard input" };
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var undetermined = CommonOptions.Undetermined();
        var waiverMaxDays = new Option<int?>("--waiver-max-days")
        {
            Description = $"Longest waiver lifetime accepted, in days from today (1 to {WaiverLimits.MaxLifetimeDays}; default {WaiverLimits.MaxLifetimeDays})",
        };

        var rule = new Option<string[]>("--rule")
        {
            Description = "Run only this rule (repeatable, e.g. --rule ENC-NET-005); the verdict and exit code then cover only these rules",
            AllowMultipleArgumentsPerToken = false,
        };
        var severity = new Option<string?>("--severity") { Description = "Run only rules of this severity or higher: low, medium, high, critical" };

        var command = new Command("check", "Judge stacks, a preview or deployed state against the isolation rules")
        {
            stacks, preview, eventLog, state, plan, stack, format, output, failOn, softFail, waivers, repo, undetermined, waiverMaxDays, rule, severity,
        };
        command.SetAction((parseResult, cancel) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            return CliErrors.RunAsync(stderr, async () =>
            {
                var request = new CheckRequest(
                    parseResult.GetValue(stacks) ?? [], parseResult.GetValue(preview), parseResult.GetValue(state),
                    parseResult.GetValue(stack), CommonOptions.ParseFormat(parseResult.GetValue(format)),
                    parseResult.GetValue(output), CommonOptions.ParseSeverity(parseResult.GetValue(failOn)),
                    parseResult.GetValue(softFail), parseResult.GetValue(waivers), parseResult.GetValue(repo))
                {
                    Plan = parseResult.GetValue(plan),
                    EventLog = parseResult.GetValue(eventLog),
                    Undetermined = CommonOptions.ParseUndetermined(parseResult.GetValue(undetermined)),
                    WaiverMaxDays = parseResult.GetValue(waiverMaxDays),
                    Rules = parseResult.GetValue(rule) ?? [],
                    MinimumSeverity = parseResult.GetValue(severity) is { } level ? ParseLevel(level) : null,
                };
                return await RunAsync(request, services, stdout, stderr, cancel);
            });
        });
        return command;
    }

    public sealed record CheckRequest(
        string[] Stacks, string? PreviewJson, string? State, string? Stack, ReportFormat Format, string? Output,
        Policy.Rules.Severity? FailOn, bool SoftFail, string? Waivers, string? Repo)
    {
        /// <summary>`--plan FILE`: an enclave plan JSON (also accepted by --state).</summary>
        public string? Plan { get; init; }

        /// <summary>`--event-log FILE`: the engine event log of a preview or update.</summary>
        public string? EventLog { get; init; }

        /// <summary>`--undetermined`: whether undecided findings of mandatory rules fail closed (<see cref="FailClosed"/>).</summary>
        public UndeterminedMode Undetermined { get; init; } = UndeterminedMode.Block;

        /// <summary>`--waiver-max-days`: a lower waiver lifetime limit than <see cref="WaiverLimits.MaxLifetimeDays"/>.</summary>
        public int? WaiverMaxDays { get; init; }

        /// <summary>`--rule`: run only these rules (none: all).</summary>
        public string[] Rules { get; init; } = [];

        /// <summary>`--severity`: run only rules at or above this severity.</summary>
        public Policy.Rules.Severity? MinimumSeverity { get; init; }
    }

    private static Policy.Rules.Severity ParseLevel(string value) =>
        Enum.TryParse<Policy.Rules.Severity>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(value, out _) ? s
        : throw CliException.Usage($"--severity {value}: expected low, medium, high or critical");

    /// <summary>The rules a filtered run evaluates; null for all. An unknown id is a usage error that suggests the closest one.</summary>
    private static IReadOnlyList<Policy.Rules.IRule>? SelectRules(CheckRequest request)
    {
        if (request.Rules.Length == 0 && request.MinimumSeverity is null) return null;
        var all = Policy.Rules.RuleCatalogue.All;
        foreach (var id in request.Rules)
            if (Policy.Rules.RuleCatalogue.Find(id) is null)
            {
                var close = Enclave.Escaping.Spelling.Closest(id, all.Select(r => r.Info.Id));
                throw CliException.Usage($"--rule {id}: no such rule{(close is null ? "" : $" (did you mean {close}?)")}; `enclave rules` lists them");
            }
        var selected = all.Where(r => (request.Rules.Length == 0 || request.Rules.Any(id => string.Equals(id, r.Info.Id, StringComparison.OrdinalIgnoreCase)))
                                      && (request.MinimumSeverity is null || r.Info.Severity >= request.MinimumSeverity)).ToList();
        if (selected.Count == 0) throw CliException.Usage("--rule and --severity together select no rule");
        return selected;
    }

    public static async Task<int> RunAsync(CheckRequest request, CliServices services, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (request.Stacks.FirstOrDefault(s => s.StartsWith('-')) is { } option)
            throw CliException.Usage($"unknown option {option}; see 'enclave check --help'");
        if (new[] { request.PreviewJson, request.EventLog, request.State, request.Plan }.Count(f => f is not null) > 1)
            throw CliException.Usage("--preview-json, --event-log, --state and --plan are alternatives; check one artifact per run");
        var file = request.PreviewJson ?? request.EventLog ?? request.State ?? request.Plan;
        if (file is not null && request.Stacks.Length > 1)
            throw CliException.Usage("an input file holds one stack; name it with --stack, not several STACK arguments");
        if (request.Stack is not null && request.Stacks.Length > 0 && file is null)
            throw CliException.Usage("--stack names the stack of an input file; without one, list stacks as arguments");

        var root = Repository.FindRoot(request.Repo);
        // A bad --output (also one naming an input of this run) fails now, not after a check of minutes (the write judges again).
        OutputTarget.Precheck(request.Output, file, request.Waivers, Repository.Inventory(root));
        var today = services.Today();
        if (request.WaiverMaxDays is < 1 or > WaiverLimits.MaxLifetimeDays)
            throw CliException.Usage($"--waiver-max-days {request.WaiverMaxDays}: expected 1 to {WaiverLimits.MaxLifetimeDays} (a waiver never lasts longer than {WaiverLimits.MaxLifetimeDays} days)");
        var limits = new WaiverLimits(today, request.WaiverMaxDays ?? WaiverLimits.MaxLifetimeDays);
        var waivers = request.Waivers is null ? WaiverSet.Empty : WaiverLoader.Load(request.Waivers, limits);
        var rules = SelectRules(request);
        if (rules is not null && !Terminal.Quiet)
            stderr.WriteLine(SafeText.Escape($"enclave check: filtered run: {rules.Count} of {Policy.Rules.RuleCatalogue.All.Length} rules ({string.Join(", ", rules.Select(r => r.Info.Id))}); the verdict covers only these", SafeText.LineLength));
        var reports = new List<PolicyReport>();
        if (file is not null)
        {
            var kind = request.PreviewJson is not null ? ArtifactKind.Preview
                : request.EventLog is not null ? ArtifactKind.EventLog
                : request.Plan is not null ? ArtifactKind.Plan
                : ArtifactKind.StackExport;
            var artifact = await SlowWork.RunAsync(stderr, $"reading {file}", () => Task.Run(() => ArtifactLoader.LoadArtifact(file, kind), cancel));
            Repository.RequireArtifactStack(file, artifact.Graph.Stack);
            var named = request.Stack ?? request.Stacks.FirstOrDefault();
            var stackName = named ?? artifact.Graph.Stack;
            if (string.IsNullOrEmpty(stackName))
                throw CliException.Usage($"{file} holds no resources to name its stack; pass --stack NAME");
            if (named is not null && artifact.Graph.Stack.Length > 0 && artifact.Graph.Stack != named)
                throw CliException.Usage($"{file} is a {artifact.Graph.Stack} artifact but --stack says {(Enclave.Offline.Stacks.StackConfigFile.IsStackName(named) ? named : Repository.Shown(named))}");
            Repository.RequireStack(services.Stacks, root, stackName);
            var policy = services.Stacks.LoadPolicy(root, stackName);
            reports.Add(PolicyEvaluator.Evaluate(Repository.NameEmpty(artifact.Graph, root, stackName), policy, waivers, today, rules, request.Undetermined));
        }
        else
        {
            var names = request.Stacks.Length > 0 ? request.Stacks.Distinct().ToList() : services.Stacks.ListStacks(root).ToList();
            if (names.Count == 0) throw CliException.Usage($"no stacks to check: no stacks/Pulumi.<stack>.yaml in {root}");
            foreach (var name in names) Repository.RequireStack(services.Stacks, root, name);
            foreach (var name in names)
            {
                var (graph, policy) = await SlowWork.RunAsync(stderr, $"running the program offline for {name}",
                    () => services.Stacks.RunOfflineAsync(root, name, cancel));
                reports.Add(PolicyEvaluator.Evaluate(graph, policy, waivers, today, rules, request.Undetermined));
            }
        }

        // Every stack is judged before anything is written: an error above leaves no report behind.
        var set = new ReportSet([.. reports], request.FailOn, request.SoftFail) { Undetermined = request.Undetermined };
        var writer = CommonOptions.MachineWriter(request.Format);
        OutputTarget.Write(request.Output, stdout, w =>
        {
            if (writer is null) TextReport.Write(set, w); else writer.Write(set, w);
        });
        var toFile = request.Output is not (null or "-");
        if ((writer is not null || toFile) && !Terminal.Quiet)
            stderr.WriteLine(SafeText.Escape($"enclave check: {TextReport.Verdict(set)}{(toFile ? $" (report: {request.Output})" : "")}", SafeText.LineLength));
        return set.Passed ? ExitCodes.Ok : ExitCodes.Violations;
    }
}
