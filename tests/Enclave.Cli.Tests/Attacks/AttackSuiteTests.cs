using Enclave.Cli.Tests.Attacks.Framework;
using Enclave.Cli.Tests.Plan;

namespace Enclave.Cli.Tests.Attacks;

/// <summary>
/// The adversarial suite: single changes to the deployed prod stack, each judged as a `pulumi stack export` and as a
/// `pulumi preview --json` by `enclave check` in-process. Every attack must exit 1 with a violation of its rule naming
/// the changed resource; every legitimate change must exit 0. Cases live one class per file beside this one.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class AttackSuiteTests
{
    public static TheoryData<string, Form> Attacks => AttackCatalogue.Rows(c => c.IsAttack);
    public static TheoryData<string, Form> LegitimateChanges => AttackCatalogue.Rows(c => !c.IsAttack);

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task The_attack_is_blocked_by_its_rule_on_the_changed_resource(string attack, Form form)
    {
        var c = AttackCatalogue.Get(attack);
        var outcome = await AttackRunner.RunAsync(c, form);

        Assert.True(outcome.Code == c.ExpectedExit, $"{attack} ({form}): expected exit {c.ExpectedExit}; {outcome.Describe()}");
        if (c.RejectedWith is { } refusal)
        {
            Assert.Contains(refusal, outcome.Stderr);
            Assert.Single(outcome.Stderr.Trim().Split('\n'));  // one line, never a stack trace
            return;
        }
        var target = c.Edit(new Prod(await ProdBaseline.GetAsync()));
        Assert.True(outcome.Findings.Any(f => f.RuleId == c.Rule && f.Urn == target && f.Status is "fail"),
            $"{attack} ({form}): no {c.Rule} violation on {target}; {outcome.Describe()}");
    }

    [Theory]
    [MemberData(nameof(LegitimateChanges))]
    public async Task The_legitimate_change_passes_the_gate(string change, Form form)
    {
        var c = AttackCatalogue.Get(change);
        var outcome = await AttackRunner.RunAsync(c, form);

        Assert.True(outcome.Code == c.ExpectedExit, $"{change} ({form}): expected exit {c.ExpectedExit}; {outcome.Describe()}");
    }

    [Theory]
    [InlineData(Form.Export)]
    [InlineData(Form.Preview)]
    public async Task The_unchanged_baseline_passes_with_nothing_failed_or_undetermined(Form form)
    {
        var outcome = await AttackRunner.CheckAsync(Artifacts.Write(new Prod(await ProdBaseline.GetAsync()), form), form);

        Assert.True(outcome.Code == 0, outcome.Describe());
        var open = outcome.Findings.Where(f => f.Status is "fail" or "undetermined").Select(f => $"{f.Status} {f.RuleId} {f.Urn}: {f.Message}");
        Assert.Empty(open);
    }

    private const int MinimumAttacks = 150;
    private const int MinimumLegitimate = 20;

    [Fact]
    public void The_suite_holds_enough_attacks_and_legitimate_changes()
    {
        var cases = AttackCatalogue.All.Values.ToList();
        // Issue 10 part 8 asks for at least 150 attacks and 20 legitimate changes once every workstream has added its
        // classes; the floor rises as the classes land, so that a class deleted by mistake shows here.
        Assert.True(cases.Count(c => !c.IsAttack) >= MinimumLegitimate, $"{cases.Count(c => !c.IsAttack)} legitimate changes");
        Assert.True(cases.Count(c => c.IsAttack) >= MinimumAttacks, $"{cases.Count(c => c.IsAttack)} attacks");
    }
}
