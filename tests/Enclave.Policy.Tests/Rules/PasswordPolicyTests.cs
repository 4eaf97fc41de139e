using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-IAM-032 (CIS 1.4): every requirement of the tenancy's password policy is a control of its own (a weak policy is
/// what a credential-stuffing run tries first), and a policy declared somewhere other than the tenancy does not count.
/// </summary>
public class PasswordPolicyTests
{
    private static Dictionary<string, object?> CisPolicy() => new()
    {
        ["minimumPasswordLength"] = 14, ["isLowercaseCharactersRequired"] = true, ["isUppercaseCharactersRequired"] = true,
        ["isNumericCharactersRequired"] = true, ["isSpecialCharactersRequired"] = true, ["isUsernameContainmentAllowed"] = false,
    };

    private static PolicyReport Run(GraphBuilder g) => RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-032");

    private static FindingStatus StatusOf(PolicyReport report, string urn) => report.Findings.Single(f => f.Urn == urn).Status;

    [Theory]
    [InlineData("minimumPasswordLength", 14, FindingStatus.Pass)]
    [InlineData("minimumPasswordLength", 40, FindingStatus.Pass)]
    [InlineData("minimumPasswordLength", 13, FindingStatus.Fail)]
    [InlineData("isLowercaseCharactersRequired", false, FindingStatus.Fail)]
    [InlineData("isUppercaseCharactersRequired", false, FindingStatus.Fail)]
    [InlineData("isNumericCharactersRequired", false, FindingStatus.Fail)]
    [InlineData("isSpecialCharactersRequired", false, FindingStatus.Fail)]
    [InlineData("isUsernameContainmentAllowed", true, FindingStatus.Fail)]
    [InlineData("isUsernameContainmentAllowed", null, FindingStatus.Fail)]
    [InlineData("isLowercaseCharactersRequired", null, FindingStatus.Fail)]
    public void Each_requirement_of_the_tenancy_policy_is_enforced(string key, object? value, FindingStatus expected)
    {
        var g = Build();
        var policy = CisPolicy();
        if (value is null) policy.Remove(key);
        else policy[key] = value;
        g.With("password-policy", "passwordPolicy", policy);
        Assert.Equal(expected, StatusOf(Run(g), g.Urn("password-policy")));
    }

    [Fact]
    public void A_weak_second_policy_fails_even_beside_a_compliant_one()
    {
        // Several authentication policies overwrite each other: whichever OCI applies last wins, so each must hold.
        var g = Build();
        var weak = CisPolicy();
        weak["minimumPasswordLength"] = 8;
        g.Add(OciTypes.AuthenticationPolicy, "second-password-policy", new { compartmentId = Tenancy, passwordPolicy = weak });
        var report = Run(g);
        Assert.Equal(FindingStatus.Pass, StatusOf(report, g.Urn("password-policy")));
        Assert.Equal(FindingStatus.Fail, StatusOf(report, g.Urn("second-password-policy")));
    }

    [Fact]
    public void A_policy_declared_only_on_a_compartment_leaves_the_tenancy_on_the_default()
    {
        var g = Build();
        g.With("password-policy", "compartmentId", Ref("enclave"));
        var report = Run(g);
        Assert.Equal(FindingStatus.Fail, StatusOf(report, g.Urn("password-policy")));
        var stack = report.Findings.Where(f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal)).ToList();
        Assert.Contains(stack, f => f.Status == FindingStatus.Fail);
    }

    [Fact]
    public void A_tenancy_policy_beside_a_compartment_one_still_covers_the_tenancy()
    {
        var g = Build();
        g.Add(OciTypes.AuthenticationPolicy, "compartment-password-policy", new { compartmentId = Ref("enclave"), passwordPolicy = CisPolicy() });
        var report = Run(g);
        Assert.Equal(FindingStatus.Pass, StatusOf(report, g.Urn("password-policy")));
        Assert.DoesNotContain(report.Findings, f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal) && f.Status != FindingStatus.Pass);
    }

    [Fact]
    public void A_policy_whose_compartment_is_unknown_leaves_the_tenancy_undetermined_not_passed()
    {
        var g = Build();
        g.With("password-policy", "compartmentId", Unknown);
        var report = RuleRunner.Run(g, GraphPath.HandUnknownIds, "ENC-IAM-032");
        Assert.DoesNotContain(report.Findings, f => f.Status == FindingStatus.Pass && f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Status == FindingStatus.Undetermined);
    }
}
