using System.Text.Json;
using Enclave.Cli;
using Enclave.Cli.Common;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;
using Enclave.PolicyPack.Protocol;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>One non-passing verdict: a rule on a resource, failed or undetermined, blocking the gate or not.</summary>
public sealed record RuleVerdict(string Rule, string Urn, string Status, bool Blocking)
{
    public override string ToString() => $"{Rule} {Status}{(Blocking ? " (blocking)" : "")} {Urn}";
}

/// <summary>
/// What a judge said about a stack, in a form both judges fill: the non-passing verdicts, and the rules that had
/// anything to judge (a rule with no finding at all had nothing; one with only passes did).
/// </summary>
public sealed record StackVerdicts(IReadOnlySet<RuleVerdict> Findings, IReadOnlySet<string> Applicable)
{
    public IEnumerable<RuleVerdict> Blocking => Findings.Where(f => f.Blocking);

    /// <summary>The rule-by-rule differences (empty when both judges agree), for an assertion message.</summary>
    public IReadOnlyList<string> DifferencesFrom(StackVerdicts other, string mine, string theirs)
    {
        var list = new List<string>();
        list.AddRange(Findings.Except(other.Findings).Select(v => $"only {mine}: {v}"));
        list.AddRange(other.Findings.Except(Findings).Select(v => $"only {theirs}: {v}"));
        list.AddRange(Applicable.Except(other.Applicable).Select(r => $"{r}: applicable for {mine} only"));
        list.AddRange(other.Applicable.Except(Applicable).Select(r => $"{r}: applicable for {theirs} only"));
        return list.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The pack's verdicts: every diagnostic of every answer; applicability from the stack analysis.</summary>
    public static StackVerdicts FromPack(IEnumerable<AnalyzeResponse> resourceAnswers, AnalyzeResponse stackAnswer, IEnumerable<string> ruleIds)
    {
        var findings = resourceAnswers.Append(stackAnswer).SelectMany(r => r.Diagnostics)
            .Select(d => new RuleVerdict(d.PolicyName, d.Urn, d.Message.StartsWith("undetermined: ", StringComparison.Ordinal) ? "undetermined" : "fail",
                d.EnforcementLevel == EnforcementLevel.Mandatory))
            .ToHashSet();
        var notApplicable = stackAnswer.NotApplicable.Select(n => n.PolicyName).ToHashSet(StringComparer.Ordinal);
        return new StackVerdicts(findings, ruleIds.Where(r => !notApplicable.Contains(r)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>`enclave check STACK --format json`, run in-process on the repository (the program offline).</summary>
    public static Task<StackVerdicts> EnclaveCheckAsync(string stack) =>
        CheckAsync(["check", stack, "--format", "json", "--repo", PackProcess.RepoRoot]);

    /// <summary>`enclave check --plan FILE --stack STACK --format json [--waivers FILE]` on a graph written as an enclave plan.</summary>
    public static async Task<StackVerdicts> EnclaveCheckAsync(ResourceGraph graph, string? waivers = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"enclave-pack-{Guid.NewGuid():N}.plan.json");
        await File.WriteAllTextAsync(file, PlanJsonWriter.Write(PlanDocument.Create(graph, PolicySummary.Empty)));
        try
        {
            string[] args = ["check", "--plan", file, "--stack", graph.Stack, "--format", "json", "--repo", PackProcess.RepoRoot];
            return await CheckAsync(waivers is null ? args : [.. args, "--waivers", waivers]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>`enclave check --preview-json FILE --stack STACK --format json` on a graph written as a preview creating it.</summary>
    public static async Task<StackVerdicts> EnclaveCheckPreviewAsync(ResourceGraph graph, IReadOnlyDictionary<string, string> config)
    {
        var file = Path.Combine(Path.GetTempPath(), $"enclave-pack-{Guid.NewGuid():N}.preview.json");
        // A preview that creates the graph: the same values the pack judges, unknowns as the sentinel, secrets "[secret]".
        await File.WriteAllTextAsync(file, PreviewJson.Write(graph.Resources.Select(PreviewStep.Create),
            config.Where(c => c.Key == "oci:region")));
        try
        {
            return await CheckAsync(["check", "--preview-json", file, "--stack", graph.Stack, "--format", "json", "--repo", PackProcess.RepoRoot]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<StackVerdicts> CheckAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, CliServices.Default, stdout, stderr);
        if (code is not (0 or 1)) throw new InvalidOperationException($"enclave {string.Join(' ', args)} exited {code}: {stderr}");
        using var json = JsonDocument.Parse(stdout.ToString());
        var findings = new HashSet<RuleVerdict>();
        var applicable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in json.RootElement.GetProperty("stacks")[0].GetProperty("findings").EnumerateArray())
        {
            var rule = f.GetProperty("ruleId").GetString()!;
            applicable.Add(rule);
            var status = f.GetProperty("status").GetString()!;
            if (status is "fail" or "undetermined")
                findings.Add(new RuleVerdict(rule, f.GetProperty("urn").GetString()!, status, f.GetProperty("blocking").GetBoolean()));
        }
        return new StackVerdicts(findings, applicable);
    }
}
