using Pulumi;
using Pulumi.Oci.Identity;
using Pulumi.Oci.Identity.Inputs;

namespace Enclave.Components.Iam;

/// <summary>
/// Identity hygiene the program can declare at Pulumi.Oci 4.20.0 (CIS 1.4–1.7):
/// - the tenancy's password policy (AuthenticationPolicy: length and complexity; the identity-domain password
///   policy with expiry and history, DomainsPasswordPolicy, is not in the provider subset we may use);
/// - persona groups of a named identity domain as code (DomainsGroup), found through the domain's URL.
/// MFA is required on every persona grant (<see cref="Personas.MfaVerified"/>); the domain sign-on policy that would
/// enforce it at sign-in (DomainsPolicy/DomainsRule) is likewise not in the subset.
/// </summary>
public static class IdentityHygiene
{
    /// <summary>CIS 1.4: at least 14 characters.</summary>
    public const int MinimumPasswordLength = 14;

    /// <summary>The SCIM schema of an identity-domain group.</summary>
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static AuthenticationPolicyArgs PasswordPolicy(string tenancyOcid) => new()
    {
        CompartmentId = tenancyOcid,
        PasswordPolicy = new AuthenticationPolicyPasswordPolicyArgs
        {
            MinimumPasswordLength = MinimumPasswordLength,
            IsLowercaseCharactersRequired = true,
            IsUppercaseCharactersRequired = true,
            IsNumericCharactersRequired = true,
            IsSpecialCharactersRequired = true,
            IsUsernameContainmentAllowed = false,
        },
    };

    /// <summary>The URL (idcsEndpoint) of the identity domain named <paramref name="domain"/>; one clear error when the
    /// tenancy has no such domain, or several.</summary>
    public static Output<string> DomainUrl(string tenancyOcid, string domain, InvokeOptions options) =>
        GetDomains.Invoke(new GetDomainsInvokeArgs { CompartmentId = tenancyOcid, DisplayName = domain }, options)
            .Apply(result =>
            {
                var matches = result.Domains.Where(d => string.Equals(d.DisplayName, domain, StringComparison.Ordinal)).ToList();
                return matches.Count == 1 && !string.IsNullOrEmpty(matches[0].Url)
                    ? matches[0].Url!
                    : throw new RunException($"identity domain '{domain}' (groups.identityDomain) was found {matches.Count} " +
                                             "times in the tenancy's root compartment; it must exist exactly once");
            });

    public static DomainsGroupArgs Group(Output<string> domainUrl, string name, string description) => new()
    {
        IdcsEndpoint = domainUrl,
        DisplayName = name,
        Schemas = { GroupSchema },
        // Stryker disable once all : the extension holds only the group's description (docs/testing.md)
        UrnietfparamsscimschemasoracleidcsextensiongroupGroup = new DomainsGroupUrnietfparamsscimschemasoracleidcsextensiongroupGroupArgs
        {
            Description = description,
        },
    };
}
