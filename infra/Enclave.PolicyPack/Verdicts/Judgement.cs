using Enclave.Policy;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Verdicts;

/// <summary>
/// Runs the configured rules through the gate's own evaluator (<see cref="PolicyEvaluator"/>) and turns the report
/// into the engine's answer. Rules of scope <see cref="RuleScope.Resource"/> judge each resource when the engine shows
/// it (<c>Analyze</c>); rules of scope <see cref="RuleScope.Stack"/> judge the stack at the end (<c>AnalyzeStack</c>),
/// where resource rules also judge any resource the engine never showed alone. Each finding is reported once.
/// A rule that judged nothing is listed as not applicable, so the engine (and the conformance tests) can tell a
/// rule that passed from one that had nothing to judge. Waivers suppress as in `enclave check` (see WaiverSetting).
/// </summary>
internal static class Judgement
{
    /// <param name="resourceRules">The rules of scope <see cref="RuleScope.Resource"/> to run.</param>
    public static AnalyzeResponse Resource(ResourceGraph graph, string urn, PolicyContext policy, IReadOnlyList<IRule> resourceRules,
        WaiverSet waivers)
    {
        var report = PolicyEvaluator.Evaluate(graph, policy, waivers, rules: resourceRules);
        return Respond(report, resourceRules, f => f.Urn == urn, f => f.Urn == urn);
    }

    /// <param name="analyzed">URNs the engine showed through <c>Analyze</c> in this run (their resource rules have spoken).</param>
    public static AnalyzeResponse Stack(ResourceGraph graph, PolicyContext policy, IReadOnlyList<IRule> rules, IReadOnlySet<string> analyzed,
        WaiverSet waivers)
    {
        var report = PolicyEvaluator.Evaluate(graph, policy, waivers, rules: rules);
        // Not applicable here: a rule with nothing to judge in the whole stack (one that judged a resource at its
        // registration is applicable, though its findings were reported then).
        return Respond(report, rules, f => f.Rule.Scope == RuleScope.Stack || !analyzed.Contains(f.Urn), _ => true);
    }

    /// <param name="here">Findings this answer reports.</param>
    /// <param name="judged">Findings that make their rule applicable to what this answer covers.</param>
    private static AnalyzeResponse Respond(PolicyReport report, IReadOnlyList<IRule> rules, Func<ReportedFinding, bool> here,
        Func<ReportedFinding, bool> judged)
    {
        var gate = new ReportSet([report]);
        var response = new AnalyzeResponse();
        var applicable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            if (judged(finding)) applicable.Add(finding.RuleId);
            if (here(finding) && Diagnostics.Reported(finding)) response.Diagnostics.Add(Diagnostics.For(finding, gate));
        }
        foreach (var rule in rules)
            if (!applicable.Contains(rule.Info.Id))
                response.NotApplicable.Add(new PolicyNotApplicable { PolicyName = rule.Info.Id, Reason = "nothing here for this rule to judge" });
        return response;
    }
}
