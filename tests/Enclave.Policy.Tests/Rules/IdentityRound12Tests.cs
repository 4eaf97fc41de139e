using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The legitimate counterparts of round 12's cases (<see cref="IdentityRound12Cases.Passing"/>): a fix that judges a
/// compartment path from the policy's compartment, or both identifiers of a member, must still pass the enclave's own
/// way of writing the same grant or membership, in every form the gate reads.
/// </summary>
public class IdentityRound12Tests
{
    public static TheoryData<RuleCase, GraphPath> PassingCases()
    {
        var data = new TheoryData<RuleCase, GraphPath>();
        foreach (var c in IdentityRound12Cases.Passing)
        foreach (var p in RuleRunner.AllPaths) data.Add(c, p);
        return data;
    }

    [Theory]
    [MemberData(nameof(PassingCases))]
    public void The_legitimate_counterpart_passes(RuleCase c, GraphPath path)
    {
        var g = CompliantEnclave.Build();
        c.Mutate(g);
        var report = RuleRunner.Run(g, path, c.RuleId);
        var urn = c.Resource is null ? report.Findings.First(f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal)).Urn : g.Urn(c.Resource);
        var statuses = report.Findings.Where(f => f.Urn == urn).Select(f => f.Status).ToList();
        Assert.True(statuses.Count > 0 && statuses.All(s => s == FindingStatus.Pass),
            $"expected only passes on {urn}\n{RuleRunner.Describe(report)}");
    }
}
