using System.CommandLine;
using Enclave.Cli.Common;
using Enclave.Policy.Graph;
using Enclave.Policy.Inputs;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;
using Enclave.Policy.Review.Render;
using Spectre.Console;
using Enclave.Escaping;

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
            // A bad --output (also one naming an input of this run) fails now, not after the access walk (the write judges again).
            OutputTarget.Precheck(parseResult.GetValue(output), previewFile, logFile, stateFile, Repository.Inventory(root));
            Repository.RequireStack(services.Stacks, root, name);
            ResourceGraph graph;
            Enclave.Policy.PolicyContext policy;
            // The row and work budgets are read before any work, so a bad setting is exit 2 and not a half-done run.
            var maxRows = AccessRowBudget.MaxRows;
            var maxEvaluations = AccessWorkBudget.MaxEvaluations;
            var source = previewFile ?? logFile ?? stateFile;
            if (source is { } file)
            {
                var kind = previewFile is not null ? ArtifactKind.Preview : logFile is not null ? ArtifactKind.EventLog : ArtifactKind.StackExport;
                graph = (await SlowWork.RunAsync(parseResult.InvocationConfiguration.Error, $"reading {file}",
                    () => Task.Run(() => ArtifactLoader.LoadArtifact(file, kind), cancel))).Graph;
                Repository.RequireArtifactStack(file, graph.Stack);
                if (graph.Stack.Length > 0 && graph.Stack != name)
                    throw CliException.Usage($"{file} is a {graph.Stack} artifact, not {name}");
                graph = Repository.NameEmpty(graph, root, name);
                policy = services.Stacks.LoadPolicy(root, name);
            }
            else (graph, policy) = await SlowWork.RunAsync(parseResult.InvocationConfiguration.Error, $"running the program offline for {name}",
                () => services.Stacks.RunOfflineAsync(root, name, cancel));
            DataAccessReport report;
            // Over budget is an input that cannot be read as a table: exit 3 naming the file (the stack config when
            // the program ran offline), before anything is written to --output.
            try { report = DataAccessReport.Build(graph, policy, maxRows, maxEvaluations); }
            catch (AccessBudgetException e)
            {
                throw new InputFileException(source ?? Path.Combine("stacks", $"Pulumi.{name}.yaml"), e.Problem, e);
            }
            var chosen = CommonOptions.ParseFormat(parseResult.GetValue(format));
            OutputTarget.Write(parseResult.GetValue(output), parseResult.InvocationConfiguration.Output, w => Render(report, chosen, w));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static void Render(DataAccessReport report, ReportFormat format, TextWriter w) => Render(report, format, w, Terminal.ColorWanted(w));

    /// <summary>As <see cref="Render(DataAccessReport, ReportFormat, TextWriter)"/> with colour (and table width) chosen by the caller (tests render both).</summary>
    public static void Render(DataAccessReport report, ReportFormat format, TextWriter w, bool color, int? width = null)
    {
        // Names, principals and statements come from the IAM policies under review: escaped before they are printed.
        static string E(string? s) => SafeText.Escape(s);
        switch (format)
        {
            case ReportFormat.Json:
                DataAccessJsonWriter.Write(report, w);
                break;
            case ReportFormat.Markdown:
                w.WriteLine($"## Data access: {MarkdownReportWriter.Cell(report.Stack)}");
                w.WriteLine();
                w.WriteLine("| Resource | Type | Access | Principal | Effect | Certainty | Verdict | Statement |");
                w.WriteLine("|---|---|---|---|---|---|---|---|");
                foreach (var r in report.Rows)
                    w.WriteLine($"| {Markdown.Code(r.ResourceLabel)} | {MarkdownReportWriter.Cell(r.IamType)} | {MarkdownReportWriter.Cell(r.Access)} | {MarkdownReportWriter.Cell(r.Principal)} | {MarkdownReportWriter.Cell(r.Effect)} | {MarkdownReportWriter.Cell(r.Certainty)} | {MarkdownReportWriter.Cell(Verdict(r))} | {Markdown.Code(r.StatementText)} |");
                break;
            default:
                if (!color)
                {
                    // Not a terminal (CI log, file, pipe): one access path per line, never wrapped, so it greps; a
                    // header row names the tab-separated columns.
                    w.WriteLine(string.Join('\t', Columns));
                    foreach (var r in report.Rows)
                        w.WriteLine($"{E(r.ResourceLabel)}\t{E(r.IamType)}\t{E(r.Access)}\t{E(r.Principal)}\t{E(r.Effect)}\t{E(r.Certainty)}\t{E(Verdict(r))}\t{E(r.Statement)}: {E(r.StatementText)}");
                    w.WriteLine(Summary(report));
                    foreach (var v in report.Violations) w.WriteLine($"violation: {E(v.ResourceLabel)} {E(v.IamType)} {E(v.Access)}: {E(v.Why)}");
                    foreach (var d in report.Diagnostics) w.WriteLine($"note: {E(d)}");
                    break;
                }
                var console = Terminal.For(w, color: true, width);
                var table = new Table().Border(TableBorder.Simple);
                foreach (var column in Columns) table.AddColumn(column);
                foreach (var r in report.Rows)
                    table.AddRow(new Text(E(r.ResourceLabel)), new Text(E(r.IamType)), new Text(E(r.Access)), new Text(E(r.Principal)), new Text(E(r.Effect)),
                        new Text(E(r.Certainty)), new Text(E(Verdict(r))), new Text($"{E(r.Statement)}: {E(r.StatementText)}"));
                console.Write(table);
                console.WriteLine(Summary(report));
                foreach (var v in report.Violations) console.WriteLine($"violation: {E(v.ResourceLabel)} {E(v.IamType)} {E(v.Access)}: {E(v.Why)}");
                foreach (var d in report.Diagnostics) console.WriteLine($"note: {E(d)}");
                break;
        }
    }

    /// <summary>The columns of the text table, in order (the header row of plain output too).</summary>
    public static readonly string[] Columns = ["Resource", "Type", "Access", "Principal", "Effect", "Certainty", "Verdict", "Statement"];

    private static string Verdict(AccessRow r) => r.Verdict.Length == 0 ? "-" : r.Verdict;

    private static string Summary(DataAccessReport report) =>
        $"{report.Rows.Length} access path(s) to {report.Rows.Select(r => r.Urn).Distinct().Count()} data-bearing resource(s), " +
        $"{report.Violations.Count()} not on the allow-list";
}
