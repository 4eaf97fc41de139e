using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Spectre.Console;

namespace Enclave.Cli.Commands;

/// <summary>`enclave rules [--format text|json|markdown] [--output FILE]`: the rule catalogue.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown);
        var output = CommonOptions.Output();
        var command = new Command("rules", "List the isolation rules: id, title, severity, enforcement, CIS mapping") { format, output };
        command.SetAction((parseResult, _) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            return CliErrors.RunAsync(parseResult.InvocationConfiguration.Error, () =>
            {
                var rules = RuleCatalogue.All.Select(r => r.Info).ToList();
                var chosen = CommonOptions.ParseFormat(parseResult.GetValue(format));
                OutputTarget.Write(parseResult.GetValue(output), stdout, w => Render(rules, chosen, w));
                return Task.FromResult(ExitCodes.Ok);
            });
        });
        return command;
    }

    public static void Render(IReadOnlyList<RuleInfo> rules, ReportFormat format, TextWriter w)
    {
        switch (format)
        {
            case ReportFormat.Json:
                using (var stream = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    {
                        json.WriteStartObject();
                        json.WriteNumber("schemaVersion", JsonReportWriter.SchemaVersion);
                        json.WriteStartArray("rules");
                        foreach (var rule in rules) JsonReportWriter.WriteRule(json, rule);
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }
                    w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }
                break;
            case ReportFormat.Markdown:
                MarkdownReportWriter.WriteCatalogue(rules, w);
                break;
            default:
                var console = Terminal.For(w);
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("Id").AddColumn("Severity").AddColumn("Enforcement").AddColumn("CIS v3.0").AddColumn("Title");
                foreach (var r in rules)
                    table.AddRow(new Text(r.Id), new Text(ReportNames.Lower(r.Severity)), new Text(ReportNames.Lower(r.Enforcement)),
                        new Text(r.Cis ?? ""), new Text(r.Title));
                console.Write(table);
                console.WriteLine($"{rules.Count} rules");
                break;
        }
    }
}
