using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Enclave.Cli.Common;
using Enclave.Configuration;
using Enclave.Escaping;
using Enclave.Offline.Planning;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave stacks [--format text|json]`: the repository's stacks with their deployment region, vault type and
/// standby region, read from each validated configuration (no program run). A stack whose configuration is invalid is
/// listed with its problem and makes the command exit 2, so a broken stack file is never silently skipped.
/// </summary>
public static class StacksCommand
{
    /// <summary>The JSON document: the rows under a schema version.</summary>
    internal sealed record StacksDocument(int SchemaVersion, List<Row> Stacks);

    internal sealed record Row(string Stack, string? Region, string? Vault, string? Standby, string? Problem)
    {
        /// <summary>The exit code of the problem (3 for an unreadable stack file, as `check` gives; else 2).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public int Code { get; init; } = ExitCodes.Ok;
    }

    public static Command Create(CliServices services)
    {
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json);
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var command = new Command("stacks", "List the stacks: deployment region, vault type, standby region") { format, repo };
        command.SetAction((parseResult, _) => CliErrors.RunAsync(parseResult.InvocationConfiguration.Error, () =>
        {
            var root = Repository.FindRoot(parseResult.GetValue(repo));
            var rows = services.Stacks.ListStacks(root).Select(stack => Read(root, stack)).ToList();
            var stdout = parseResult.InvocationConfiguration.Output;
            OutputTarget.Write(null, stdout, w =>
            {
                if (CommonOptions.ParseFormat(parseResult.GetValue(format)) == ReportFormat.Json)
                    w.WriteLine(JsonSerializer.Serialize(new StacksDocument(1, rows), (JsonTypeInfo<StacksDocument>)CliJson.Options.GetTypeInfo(typeof(StacksDocument))));
                else Text(rows, w);
            });
            return Task.FromResult(rows.Select(r => r.Code).DefaultIfEmpty(ExitCodes.Ok).Max());
        }));
        return command;
    }

    private static Row Read(string root, string stack)
    {
        try
        {
            var s = StackContext.LoadSettings(root, stack);
            return new Row(stack, s.DeploymentRegion, s.Vault.Type == VaultType.VirtualPrivate ? "VIRTUAL_PRIVATE" : "DEFAULT",
                s.Database.StandbyRegion, null);
        }
        catch (Exception e) when (CliErrors.Describe(e).Code is ExitCodes.UsageOrConfig or ExitCodes.InputUnreadable)
        {
            var (code, message) = CliErrors.Describe(e);
            return new Row(stack, null, null, null, message) { Code = code };
        }
    }

    private static void Text(List<Row> rows, TextWriter w)
    {
        string[] header = ["STACK", "REGION", "VAULT", "STANDBY"];
        var cells = rows.Select(r => new[] { SafeText.Escape(r.Stack, 40), r.Region ?? "-", r.Vault ?? "-", r.Problem is null ? r.Standby ?? "none" : "-" }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        w.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var c in cells) w.WriteLine(string.Join("  ", c.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        foreach (var r in rows.Where(r => r.Problem is not null))
            w.WriteLine($"{SafeText.Escape(r.Stack, 40)}: invalid configuration: {SafeText.Escape(r.Problem, SafeText.LineLength)}");
    }
}
