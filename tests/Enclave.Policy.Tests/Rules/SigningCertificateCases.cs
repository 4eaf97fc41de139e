using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using Enclave.TestSupport.Federation;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 10.4, pinned signing certificates: a trusted IdP's name and entity id with the parent company's (or an
/// unreadable, or no) signing certificate is another IdP (ENC-IDN-001), and so is what it maps (ENC-IDN-002).
/// </summary>
public static class SigningCertificateCases
{
    public const string Domain = "https://idcs-usds.identity.oraclecloud.com";

    /// <summary>A SAML provider of the stack's identity domain with the trusted name and entity id, signing with <paramref name="certificate"/>.</summary>
    public static void DomainIdp(GraphBuilder g, object? certificate, string? metadata = null, object? ssoUrl = null) =>
        g.Add(OciTypes.DomainsIdentityProvider, "domain-idp", new Dictionary<string, object?>
        {
            ["idcsEndpoint"] = Domain, ["schemas"] = new[] { "urn:ietf:params:scim:schemas:oracle:idcs:IdentityProvider" },
            ["partnerName"] = "UsdsOkta", ["partnerProviderId"] = CompliantEnclave.IdpEntityId, ["enabled"] = true, ["type"] = "SAML",
            ["signingCertificate"] = certificate, ["metadata"] = metadata, ["idpSsoUrl"] = ssoUrl,
        });

    /// <summary>The stack's config with the trusted IdP listed but no certificate pinned.</summary>
    private static PolicyContext NothingPinned(PolicyContext p) => p with
    {
        Identity = p.Identity with
        {
            IdentityProviders = [new TrustedIdentityProvider("UsdsOkta", CompliantEnclave.IdpEntityId, CompliantEnclave.IdpMetadataUrl)],
        },
    };

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-001", "trusted entity id in metadata signed with the parent company's certificate", "usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, ParentCo))),
        new("ENC-IDN-001", "metadata with the pinned certificate and the parent company's beside it", "usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, Usds, ParentCo))),
        new("ENC-IDN-001", "metadata whose signing certificate is not base64", "usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, "not-a-certificate!"))),
        new("ENC-IDN-001", "metadata without a signing certificate", "usds-idp", g =>
            g.With("usds-idp", "metadata", Metadata(CompliantEnclave.IdpEntityId, []))),
        // Was undetermined before certificates were pinned: a secret certificate cannot be compared, so it counts against.
        new("ENC-IDN-001", "metadata a secret", "usds-idp", g => g.With("usds-idp", "metadata", Secret)),
        new("ENC-IDN-001", "a trusted identity provider whose config pins no certificate", "usds-idp", _ => { }) { Policy = NothingPinned },
        new("ENC-IDN-001", "identity-domain provider with the trusted entity id and the parent company's certificate", "domain-idp", g =>
            DomainIdp(g, Pem(ParentCo))),
        new("ENC-IDN-001", "identity-domain provider with a pinned certificate and metadata signed by the parent company", "domain-idp", g =>
            DomainIdp(g, Usds, CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, ParentCo))),
        new("ENC-IDN-001", "identity-domain provider that states no signing certificate", "domain-idp", g => DomainIdp(g, null)),
        new("ENC-IDN-001", "identity-domain provider whose signing certificate is secret", "domain-idp", g => DomainIdp(g, Secret)),
        new("ENC-IDN-001", "identity-domain provider with two PEM certificates in one", "domain-idp", g => DomainIdp(g, Pem(Usds) + Pem(ParentCo))),
        new("ENC-IDN-001", "identity-domain provider, pinned certificate, sign-in sent to another host", "domain-idp", g =>
            DomainIdp(g, Usds, ssoUrl: "https://usds-okta.sso-login.example/app/sso/saml")),
        new("ENC-IDN-001", "identity-domain provider, pinned certificate, sign-in over plain http", "domain-idp", g =>
            DomainIdp(g, Usds, ssoUrl: "http://usds.okta.example/app/sso/saml")),
        new("ENC-IDN-002", "group mapping from the trusted IdP re-signed with the parent company's certificate", "usds-gatekeepers", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, ParentCo))),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-001", "identity-domain provider whose signing certificate is known only at deploy", "domain-idp", g => DomainIdp(g, Unknown)),
    ];
}
