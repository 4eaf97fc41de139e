using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Policy.Waivers;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>What one `enclave check` of an edited prod artifact gave.</summary>
public sealed record CheckOutcome(int Code, string Stdout, string Stderr, IReadOnlyList<ReportedRow> Findings)
{
    /// <summary>Blocking findings, one per line, for failure messages.</summary>
    public string Describe() =>
        $"exit {Code}; stderr: {Stderr.Trim()}\nblocking:\n  " +
        string.Join("\n  ", Findings.Where(f => f.Blocking).Select(f => $"{f.Status} {f.RuleId} {f.Urn}: {f.Message}"));
}

/// <summary>A finding as the JSON report gives it.</summary>
public sealed record ReportedRow(string RuleId, string Status, bool Blocking, string Urn, string Message);

/// <summary>
/// Runs `enclave check` in-process, as a user would: the edited artifact written to a file, the real repository's
/// prod stack config judging it, the JSON report read back.
/// </summary>
public static class AttackRunner
{
    /// <summary>The date the gate judges waivers against.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static async Task<CheckOutcome> RunAsync(AttackCase c, Form form)
    {
        var baseline = await ProdBaseline.GetAsync();
        var prod = new Prod(baseline);
        c.Edit(prod);
        return await CheckAsync(Artifacts.Write(prod, form), form, c.Waivers, c.Arguments);
    }

    public static async Task<CheckOutcome> CheckAsync(string artifact, Form form, string? waivers = null, IReadOnlyList<string>? arguments = null)
    {
        var dir = Directory.CreateTempSubdirectory("enclave-attack-").FullName;
        try
        {
            var file = Path.Combine(dir, form == Form.Export ? "prod-export.json" : "prod-preview.json");
            await File.WriteAllTextAsync(file, artifact);
            List<string> args = ["check", form == Form.Export ? "--state" : "--preview-json", file, "--stack", ProdBaseline.Stack,
                "--format", "json", "--repo", ProdBaseline.RepoRoot];
            if (waivers is not null)
            {
                var path = Path.Combine(dir, "waivers.yaml");
                await File.WriteAllTextAsync(path, waivers);
                args.AddRange(["--waivers", path]);
            }
            args.AddRange(arguments ?? []);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await CliApp.RunAsync([.. args], new CliServices(new OfflineStackSource(), () => Today), stdout, stderr);
            return new CheckOutcome(code, stdout.ToString(), stderr.ToString(), Rows(stdout.ToString()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<ReportedRow> Rows(string json)
    {
        if (!json.TrimStart().StartsWith('{')) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("stacks").EnumerateArray()
            .SelectMany(s => s.GetProperty("findings").EnumerateArray())
            .Select(f => new ReportedRow(f.GetProperty("ruleId").GetString()!, f.GetProperty("status").GetString()!,
                f.GetProperty("blocking").GetBoolean(), f.GetProperty("urn").GetString()!, f.GetProperty("message").GetString()!))
            .ToList();
    }
}
