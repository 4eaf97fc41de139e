using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R2: no admit statements; define and endorse only when listed in the allow-list.</summary>
public sealed class NoCrossTenancyStatements : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-001", "No admit, and define/endorse only from the allow-list", Severity.Critical, Enforcement.Mandatory,
        "Admit lets another tenancy's principals act in the enclave; define and endorse are the other half of such links. The parent company's tenancy is exactly such another tenancy.",
        "Remove admit statements; remove define/endorse statements unless the gatekeepers listed the exact statement as allowed (e.g. Oracle's usage-report tenancy).");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var allowed = context.Policy.AllowedCrossTenancyStatements.Select(Normalise).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var s in PolicyFindings.CrossTenancy(distinct))
        {
            // Stryker disable once String : finding wording (docs/testing.md)
            if (s.Syntax is AdmitStatement) yield return (s, "admits principals of another tenancy");
            else if (!allowed.Contains(Normalise(s.Text ?? "")))
                // Stryker disable once String : finding wording (docs/testing.md)
                yield return (s, "cross-tenancy statement not on the allow-list");
        }
    }

    private static string Normalise(string statement) => string.Join(' ', statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
