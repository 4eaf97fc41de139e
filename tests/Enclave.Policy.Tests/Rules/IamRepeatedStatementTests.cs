using Enclave.Policy.Engine;
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
}
