using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;
using Spectre.Console;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave access STACK [--preview-json FILE | --event-log FILE | --state FILE] [--format text|json|markdown] [--output FILE]`: for
/// each data-bearing resource, which principals may read or manage it and through which statement.
/// </summary>
public static class AccessCommand
{
    public static Command Create(CliServices services)
    {
        var stack = new Argument<string>("STACK") { Description = "Stack whose IAM to tabulate" };
        var preview = new Option<string?>("--preview-json") { Description = "Use the output of `pulumi preview --json` instead of an offline run" };
        var state = new Option<string?>("--state") { Description = "Use a `pulumi stack export` or checkpoint instead of an offline run" };
        var eventLog = new Option<string?>("--event-log") { Description = "Use the engine event log of `pulumi preview|up --event-log FILE` instead of an offline run" };
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown);
        var output = CommonOptions.Output();
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var command = new Command("access", "Who may read or manage each data-bearing resource, and through which statement")
        {
            stack, preview, eventLog, state, format, output, repo,
        };
        command.SetAction((parseResult, cancel) => CliErrors.RunAsync(parseResult.InvocationConfiguration.Error, async () =>
        {
            var name = parseResult.GetValue(stack)!;
            var (previewFile, logFile, stateFile) = (parseResult.GetValue(preview), parseResult.GetValue(eventLog), parseResult.GetValue(state));
            if (new[] { previewFile, logFile, stateFile }.Count(f => f is not null) > 1)
                throw CliException.Usage("--preview-json, --event-log and --state are alternatives");
            var root = Repository.FindRoot(parseResult.GetValue(repo));
            Repository.RequireStack(services.Stacks, root, name);
            ResourceGraph graph;
            Enclave.Policy.PolicyContext policy;
            if ((previewFile ?? logFile ?? stateFile) is { } file)
            {
                var kind = previewFile is not null ? ArtifactKind.Preview : logFile is not null ? ArtifactKind.EventLog : ArtifactKind.StackExport;
                graph = ArtifactLoader.LoadArtifact(file, kind).Graph;
                if (graph.Stack.Length > 0 && graph.Stack != name)
                    throw CliException.Usage($"{file} is a {graph.Stack} artifact, not {name}");
                policy = services.Stacks.LoadPolicy(root, name);
            }
            else (graph, policy) = await services.Stacks.RunOfflineAsync(root, name, cancel);
            var report = DataAccessReport.Build(graph, policy);
            var chosen = CommonOptions.ParseFormat(parseResult.GetValue(format));
            OutputTarget.Write(parseResult.GetValue(output), parseResult.InvocationConfiguration.Output, w => Render(report, chosen, w));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static void Render(DataAccessReport report, ReportFormat format, TextWriter w)
    {
        switch (format)
        {
            case ReportFormat.Json:
                DataAccessJsonWriter.Write(report, w);
                break;
            case ReportFormat.Markdown:
                w.WriteLine($"## Data access: {report.Stack}");
                w.WriteLine();
                w.WriteLine("| Resource | Type | Access | Principal | Effect | Certainty | Verdict | Statement |");
                w.WriteLine("|---|---|---|---|---|---|---|---|");
                foreach (var r in report.Rows)
                    w.WriteLine($"| `{MarkdownReportWriter.Cell(r.ResourceLabel)}` | {r.IamType} | {r.Access} | {MarkdownReportWriter.Cell(r.Principal)} | {r.Effect} | {r.Certainty} | {Verdict(r)} | `{MarkdownReportWriter.Cell(r.StatementText)}` |");
                break;
            default:
                if (!Terminal.ColorWanted(w))
                {
                    // Not a terminal (CI log, file, pipe): one access path per line, never wrapped, so it greps.
                    foreach (var r in report.Rows)
                        w.WriteLine($"{r.ResourceLabel}\t{r.IamType}\t{r.Access}\t{r.Principal}\t{r.Effect}\t{r.Certainty}\t{Verdict(r)}\t{r.Statement}: {r.StatementText}");
                    w.WriteLine(Summary(report));
                    foreach (var v in report.Violations) w.WriteLine($"violation: {v.ResourceLabel} {v.IamType} {v.Access}: {v.Why}");
                    foreach (var d in report.Diagnostics) w.WriteLine($"note: {d}");
                    break;
                }
                var console = Terminal.For(w);
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("Resource").AddColumn("Type").AddColumn("Access").AddColumn("Principal").AddColumn("Effect").AddColumn("Certainty").AddColumn("Verdict").AddColumn("Statement");
                foreach (var r in report.Rows)
                    table.AddRow(new Text(r.ResourceLabel), new Text(r.IamType), new Text(r.Access), new Text(r.Principal), new Text(r.Effect),
                        new Text(r.Certainty), new Text(Verdict(r)), new Text($"{r.Statement}: {r.StatementText}"));
                console.Write(table);
                console.WriteLine(Summary(report));
                foreach (var v in report.Violations) console.WriteLine($"violation: {v.ResourceLabel} {v.IamType} {v.Access}: {v.Why}");
                foreach (var d in report.Diagnostics) console.WriteLine($"note: {d}");
                break;
        }
    }

    private static string Verdict(AccessRow r) => r.Verdict.Length == 0 ? "-" : r.Verdict;

    private static string Summary(DataAccessReport report) =>
        $"{report.Rows.Length} access path(s) to {report.Rows.Select(r => r.Urn).Distinct().Count()} data-bearing resource(s), " +
        $"{report.Violations.Count()} not on the allow-list";
}
