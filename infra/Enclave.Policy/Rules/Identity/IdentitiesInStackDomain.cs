using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// ENC-IDN-096: identity-domain users, identity providers and credentials live in the stack's identity domain. The
/// allow-lists of ENC-IDN-001/003/005 compare names (a break-glass user's name and e-mail, a provider's name and entity
/// id), and a name says nothing of the domain: the break-glass user created in the parent company's domain, a trusted
/// provider's copy there, or an API key issued there, all pass by name while that domain's administrators reset,
/// federate and hold them. So each one is placed where the persona groups are (<see cref="PersonaGroupDomain"/>): at
/// <c>groups.identityDomainUrl</c> when the stack declares it; a stack that names no identity domain has none.
/// </summary>
public sealed class IdentitiesInStackDomain : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-096", "Identity-domain users, providers and credentials live in the stack's identity domain", Severity.Critical, Enforcement.Mandatory,
        "The identity allow-lists match by name; a break-glass user, trusted provider or credential of the same name in another identity domain (the parent company's) is administered, reset and federated by that domain's administrators.",
        "Create identity-domain users, identity providers and credentials only in the configured identity domain (groups.identityDomain) at its declared URL (groups.identityDomainUrl).");  // Stack scope: it reads where the persona groups live.

    /// <summary>The identity-domain types of the identity plane other than groups (ENC-IDN-050 places those).</summary>
    private static readonly string[] Types =
    [
        OciTypes.DomainsUser, OciTypes.DomainsIdentityProvider, OciTypes.DomainsSocialIdentityProvider,
        OciTypes.DomainsApiKey, OciTypes.DomainsAuthToken, OciTypes.DomainsCustomerSecretKey, OciTypes.DomainsSmtpCredential,
        OciTypes.DomainsUserDbCredential, OciTypes.DomainsOauth2clientCredential,
        OciTypes.DomainsMyApiKey, OciTypes.DomainsMyAuthToken, OciTypes.DomainsMyCustomerSecretKey, OciTypes.DomainsMySmtpCredential,
        OciTypes.DomainsMyUserDbCredential, OciTypes.DomainsMyOauth2clientCredential,
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
        if (!judged) yield return Pass(Scope.StackUrn(context.Graph), "no identity-domain user, identity provider or credential");
    }
}
