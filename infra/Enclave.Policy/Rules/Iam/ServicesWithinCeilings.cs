using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.ControlPlane;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-051: allowed service principals hold only what the enclave needs from them (<see cref="ServiceCeilings"/>).
/// ENC-IAM-040 lets the enclave's own principals act; this rule bounds what the services among them may do.
/// </summary>
public sealed class ServicesWithinCeilings : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-051", "Service principals hold only what the enclave needs from them", Severity.High, Enforcement.Mandatory,
        "A service principal acts for every customer of the service in the region: a grant that lets Cloud Guard use the enclave's keys, or Object Storage manage its objects, lends the keys or the data to whatever that service is asked to do, by anyone.",
        "Cloud Guard: `read all-resources` and `use network-security-groups` only. Object Storage (`objectstorage-<region>`): `use keys` only, pinned to the buckets' key.");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        foreach (var s in distinct)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: ServiceSubject services } g) continue;
            foreach (var service in services.Names)
                if (ServiceCeilings.Problem(service, g.Access) is { } problem)
                    yield return (s, $"service {service}: {problem}");
        }
    }
}
