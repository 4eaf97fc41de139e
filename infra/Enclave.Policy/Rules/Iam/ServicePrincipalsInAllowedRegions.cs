using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>ENC-IAM-011: a regional service principal is granted anything only for an allowed US region.</summary>
public sealed class ServicePrincipalsInAllowedRegions : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-011", "Service principals only of allowed US regions", Severity.Critical, Enforcement.Mandatory,
        "objectstorage-eu-frankfurt-1 (or any regional service of another region) acting on the enclave's keys or buckets moves data, or the means to decrypt it, out of the US regions.",
        "Name regional service principals only for regions of allowedRegions (objectstorage-us-ashburn-1, …).");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        foreach (var s in distinct)
        {
            var subject = s.Syntax switch
            {
                GrantStatement { Effect: Effect.Allow } g => g.Subject,
                AdmitStatement { Effect: Effect.Allow } a => a.Subject,
                EndorseStatement { Effect: Effect.Allow } e => e.Subject,
                _ => null,
            };
            // Stryker disable once Statement : the type test binds the subject the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (subject is not ServiceSubject services) continue;
            foreach (var name in services.Names)
                if (EnclaveIdentities.RegionOfService(name) is { } region
                    && !context.Policy.AllowedRegions.Contains(region, StringComparer.OrdinalIgnoreCase))
                    // Stryker disable once String : finding wording (docs/testing.md)
                    yield return (s, $"grants to service {name}, of region {region} (allowed: {string.Join(", ", context.Policy.AllowedRegions)})");
        }
    }
}
