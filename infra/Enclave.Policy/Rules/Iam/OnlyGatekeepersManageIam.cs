using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R5 / CIS 1.1: only the gatekeeper group may manage policies, groups, dynamic groups, IdPs, network sources, authentication policies, domains, users and compartments.</summary>
public sealed class OnlyGatekeepersManageIam : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-004", "Only the gatekeepers manage IAM", Severity.Critical, Enforcement.Mandatory,
        "Whoever manages policies, groups or identity providers can grant themselves anything; that power must stay with the US gatekeepers.",
        "Grant manage on IAM types (or IAM permissions) only to the gatekeeper group.",
        Cis: "1.1");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        // Stryker disable once String : finding wording; on the statement's first line, where Stryker reads it (docs/testing.md)
        PolicyFindings.IamGrants(distinct)
            .Where(g => !IsOnly(g.Subject, context.Policy.GatekeeperGroup, context.Policy.IdentityDomain))
            .Select(g => (g.Statement, $"lets a non-gatekeeper manage {string.Join(", ", g.Types)}"));
}
