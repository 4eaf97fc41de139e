using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>The IAM rules report a statement repeated in one policy once per occurrence, under its own index.</summary>
public sealed class IamRepeatedStatementTests
{
    [Fact]
    public void A_repeated_bad_statement_is_named_at_each_index()
    {
        const string manageAll = "allow group enclave-operators to manage all-resources in tenancy";
        var g = CompliantEnclave.Build();
        var statements = (string[])g["root-policy"].Inputs["statements"]!;
        g.With("root-policy", "statements", statements.Append(manageAll).Append(manageAll).ToArray());
        var finding = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-005").Findings.Single(f => f.Urn == g.Urn("root-policy"));
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains($"statement {statements.Length} \"{manageAll}\"", finding.Finding.Message);
        Assert.Contains($"statement {statements.Length + 1} \"{manageAll}\"", finding.Finding.Message);
    }

    [Fact]
    public void Each_policy_lists_its_statements_in_its_own_order_when_another_policy_has_them_the_other_way_round()
    {
        const string a = "allow group enclave-operators to manage all-resources in tenancy";
        const string b = "allow group enclave-storage-admins to manage all-resources in tenancy";
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.Policy, "a-extra-policy", new { compartmentId = CompliantEnclave.Tenancy, name = "a", description = "a", statements = new[] { a, b } });
        g.Add(OciTypes.Policy, "b-extra-policy", new { compartmentId = CompliantEnclave.Tenancy, name = "b", description = "b", statements = new[] { b, a } });
        var findings = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-005").Findings;
        foreach (var (policy, first, second) in new[] { ("a-extra-policy", a, b), ("b-extra-policy", b, a) })
        {
            var message = findings.Single(f => f.Urn == g.Urn(policy)).Finding.Message;
            var at0 = message.IndexOf($"statement 0 \"{first}\"", StringComparison.Ordinal);
            var at1 = message.IndexOf($"statement 1 \"{second}\"", StringComparison.Ordinal);
            Assert.True(at0 >= 0 && at1 > at0, message);
        }
    }
}
