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

    /// <summary>
    /// The tenancy's authentication policy: the password policy, and sign-in only from the personas' network sources
    /// (<paramref name="signInNetworks"/>: the gatekeepers' and the auditors'), so that no one signs in to the
    /// Default domain (where the tenancy's administrators live) from the parent company's networks (ENC-IDN-091).
    /// </summary>
    public static AuthenticationPolicyArgs PasswordPolicy(string tenancyOcid, params Output<string>[] signInNetworks) => new()
    {
        CompartmentId = tenancyOcid,
        NetworkPolicy = new AuthenticationPolicyNetworkPolicyArgs { NetworkSourceIds = signInNetworks },
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
    /// tenancy has no such domain, or several, or when the stack declares its URL (<paramref name="declared"/>,
    /// groups.identityDomainUrl) and the domain has another: the declared one is what the gate judges the groups by.</summary>
    public static Output<string> DomainUrl(string tenancyOcid, string domain, string? declared, InvokeOptions options) =>
        GetDomains.Invoke(new GetDomainsInvokeArgs { CompartmentId = tenancyOcid, DisplayName = domain }, options)
            .Apply(result =>
            {
                var matches = result.Domains.Where(d => string.Equals(d.DisplayName, domain, StringComparison.Ordinal)).ToList();
                if (matches.Count != 1 || string.IsNullOrEmpty(matches[0].Url))
                    throw new RunException($"identity domain '{domain}' (groups.identityDomain) was found {matches.Count} " +
                                           "times in the tenancy's root compartment; it must exist exactly once");
                var url = matches[0].Url!;
                if (declared is null) return url;
                return SameUrl(url, declared)
                    ? declared
                    : throw new RunException($"identity domain '{domain}' (groups.identityDomain) has URL {url}, not the " +
                                             $"declared groups.identityDomainUrl {declared}; declare the domain's own URL");
            });

    /// <summary>Two spellings of one domain URL (case, the default port and a trailing slash aside).</summary>
    public static bool SameUrl(string a, string b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);

    private static string Canonical(string url) =>
        url.Trim().TrimEnd('/').ToLowerInvariant().Replace(":443", "", StringComparison.Ordinal);

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
