using Enclave.Offline;
using Enclave.Policy.Engine;
using Enclave.Tests.Configuration;

namespace Enclave.Tests.Offline;

/// <summary>
/// The README's promise, held by the isolation test project itself: every shipped stack, planned offline, passes the
/// policy gate with no failed and no undetermined finding. The gate is an independent reader of the program's output
/// (its own IAM parser and evaluator, network model and rule catalogue), so a control the program drops or weakens
/// fails here even where no hand-written isolation test looks (the mutation run counts on it: docs/testing.md).
/// </summary>
[Collection(OfflineCollection.Name)]
public sealed class GateTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory, MemberData(nameof(Stacks))]
    public async Task Shipped_stack_passes_the_gate_with_nothing_failed_or_undetermined(string stack)
    {
        var plan = await OfflinePlans.Of(stack);

        var report = PolicyEvaluator.Evaluate(plan.Graph, plan.Policy, today: DateOnly.FromDateTime(OfflinePlanner.ReferenceTime.UtcDateTime));

        var blocking = report.Findings.Where(f => f.Status is FindingStatus.Fail or FindingStatus.Undetermined)
            .Select(f => $"{f.Status} {f.RuleId} {f.Urn}: {f.Finding.Message}").ToList();
        Assert.True(blocking.Count == 0, "blocking findings:\n" + string.Join("\n", blocking));
        // Every rule judged something in this stack's graph (a rule that silently saw nothing would prove nothing).
        Assert.True(report.Findings.Length > report.Rules.Length, $"{report.Findings.Length} findings for {report.Rules.Length} rules");
    }
}
