using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// ENC-IDN-096: identity-domain users, identity providers and credentials live in the stack's identity domain. The
/// allow-lists of ENC-IDN-001/003/005 compare names (a break-glass user's name and e-mail, a provider's name and entity
/// id), and a name says nothing of the domain: the break-glass user created in the parent company's domain, a trusted
/// provider's copy there, or an API key issued there, all pass by name while that domain's administrators reset,
/// federate and hold them. So each one is placed where the persona groups are (<see cref="PersonaGroupDomain"/>): at
/// <c>groups.identityDomainUrl</c> when the stack declares it; a stack that names no identity domain has none. An
/// identity domain the stack itself creates is the configured one (<c>groups.identityDomain</c>), homed in an allowed
/// region: another domain holds identities no persona statement names and no rule places, and one homed abroad keeps
/// the enclave's identities and their credentials outside the US.
/// </summary>
public sealed class IdentitiesInStackDomain : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-096", "Identity domains, and their users, providers and credentials, are the stack's own", Severity.Critical, Enforcement.Mandatory,
        "The identity allow-lists match by name; a break-glass user, trusted provider or credential of the same name in another identity domain (the parent company's) is administered, reset and federated by that domain's administrators; a second identity domain, or one homed outside the allowed regions, keeps identities where no rule looks or outside the US.",
        "Create identity-domain users, identity providers and credentials only in the configured identity domain (groups.identityDomain) at its declared URL (groups.identityDomainUrl); create no identity domain but that one, homed in an allowed region.");  // Stack scope: it reads where the persona groups live.

    /// <summary>
    /// The identity-domain types of the identity plane other than groups (ENC-IDN-050 places those): the users,
    /// identity providers and credentials of the rules that own those lists (ENC-IDN-003, ENC-IDN-001, ENC-IDN-005),
    /// those of an identity domain, so a type one of them starts judging is placed here too.
    /// </summary>
    private static readonly string[] Types =
    [
        .. IdentityPlaneGraph.UserTypes.Concat(FederationTrusted.ProviderTypes).Concat(CredentialsAllowListed.CredentialTypes)
            .Where(t => t.StartsWith("oci:Identity/domains", StringComparison.Ordinal)),
    ];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        PersonaGroupDomain? domain = null;
        var judged = false;
        foreach (var type in Types)
            foreach (var resource in context.Graph.OfType(type))
            {
                judged = true;
                domain ??= PersonaGroupDomain.Of(context.Policy, context.Graph);
                var (holds, why) = domain.JudgePlaced(resource);
                yield return Judge(resource.Urn, holds, $"{resource.Label}: {why}", $"{resource.Label}: {why}", $"{resource.Label}: {why}");
            }
        foreach (var d in context.Graph.OfType(OciTypes.Domain))
        {
            judged = true;
            yield return Judge(d.Urn, d.Label, OwnDomain(d, context.Policy));
        }
        if (!judged) yield return Pass(Scope.StackUrn(context.Graph), "no identity domain, identity-domain user, identity provider or credential");
    }

    private static Assessment OwnDomain(ResourceNode domain, PolicyContext policy)
    {
        var a = new Assessment();
        var name = domain.Input("displayName");
        a.Require(policy.IdentityDomain is { Length: > 0 } configured ? name.EqualsString(configured, StringComparison.OrdinalIgnoreCase) : Truth.False,
            $"it is the configured identity domain ({policy.IdentityDomain})",
            whenViolated: $"identity domain {name} is not the configured one (groups.identityDomain: {(policy.IdentityDomain is { Length: > 0 } c ? c : "none")}): its users and groups are reached by no persona statement and placed by no rule");
        var region = domain.Input("homeRegion");
        a.Require(Regions.Allowed(region, policy.AllowedRegions), $"its home region {region} is allowed",
            whenViolated: $"its home region {region} is not in the allow-list ({string.Join(", ", policy.AllowedRegions)}): the enclave's identities and credentials would live outside the US");
        return a;
    }
}
