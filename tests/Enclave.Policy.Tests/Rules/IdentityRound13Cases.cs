using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 13, the identity plane as deployed. ENC-IDN-001 judged only what the program gives an identity
/// provider: a legacy provider's <c>signingCertificate</c> and <c>redirectUrl</c> (outputs OCI derives from the metadata
/// it holds) and a domain provider's certificate or sign-in URL changed in the console passed on the pinned input. The
/// metadata's own <c>SingleSignOnService</c> locations were never read (sign-in sent to a look-alike host passed for a
/// legacy provider), and a pinned certificate past its validity period passed. An identity-domain group's ways in that
/// ENC-IDN-111 refuses as inputs (a dynamic membership rule, requestable membership, owners, an external sync id) passed
/// when set in the console, where they show only in the deployed outputs.
/// </summary>
public static class IdentityRound13Cases
{
    /// <summary>What OCI holds for the trusted legacy provider's <paramref name="key"/> (an output).</summary>
    internal static void Deployed(GraphBuilder g, string name, string key, object? value) => g[name].Outputs[key] = value;

    internal const string LookAlike = "https://usds-okta.sso-login.example/app/sso/saml";
    internal const string OnPinnedHost = "https://usds.okta.example/app/sso/saml";

    /// <summary>Metadata of the trusted entity id, signed with the pinned certificate, whose sign-in page is <paramref name="location"/>.</summary>
    internal static string MetadataSigningIn(string location) =>
        CompliantEnclave.IdpMetadata().Replace("</md:IDPSSODescriptor>",
            $"<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"{location}\"/></md:IDPSSODescriptor>",
            StringComparison.Ordinal);

    /// <summary>The trusted provider's metadata signed with a certificate of the given validity, which the config also pins.</summary>
    internal static (Action<GraphBuilder> Change, Func<PolicyContext, PolicyContext> Pin) Dated(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var (certificate, sha256) = SelfSigned("usds-dated.example", notBefore, notAfter);
        return (g => g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, certificate)),
            p => p with
            {
                Identity = p.Identity with
                {
                    IdentityProviders = [.. p.Identity.IdentityProviders.Select(t => t with { SigningCertificateSha256 = t.SigningCertificateSha256.Add(sha256) })],
                },
            });
    }

    // Fixed dates: the rule cases run on 2026-06-01 (RuleRunner), the CLI on the real day.
    private static readonly (Action<GraphBuilder> Change, Func<PolicyContext, PolicyContext> Pin) ExpiredPin =
        Dated(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    internal const string DomainGroupExtension = "urnietfparamsscimschemasoracleidcsextensiongroupGroup";

    /// <summary>A persona group of the stack's identity domain, as the program makes it (name, description, schemas).</summary>
    internal static void PersonaDomainGroup(GraphBuilder g) =>
        g.Add(OciTypes.DomainsGroup, "domain-group", new Dictionary<string, object?>
        {
            ["idcsEndpoint"] = SigningCertificateCases.Domain, ["displayName"] = "enclave-gatekeepers",
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            [DomainGroupExtension] = new { description = "gatekeepers" },
        });

    private static RuleCase GroupAsDeployed(string name, string key, object value) =>
        new("ENC-IDN-111", name, "domain-group", g =>
        {
            PersonaDomainGroup(g);
            Deployed(g, "domain-group", key, value);
        });

    public static readonly RuleCase[] Failing =
    [
        GroupAsDeployed("persona group made dynamic in the console (every parent-company address joins)", "urnietfparamsscimschemasoracleidcsextensiondynamicGroup",
            new { membershipType = "dynamic", membershipRule = "emails.value co \"parentco.example\"" }),
        GroupAsDeployed("persona group made requestable in the console", "urnietfparamsscimschemasoracleidcsextensionrequestableGroup", new { requestable = true }),
        GroupAsDeployed("persona group given a parent-company owner in the console", DomainGroupExtension,
            new { description = "gatekeepers", owners = new[] { new { type = "User", value = "ocid1.user.oc1..parentco" } } }),
        GroupAsDeployed("persona group synced from an external directory", "externalId", "parentco-directory-4711"),
        GroupAsDeployed("persona group's deployed dynamic rule secret", "urnietfparamsscimschemasoracleidcsextensiondynamicGroup", GraphBuilder.Secret),
        new("ENC-IDN-001", "legacy provider: the deployed signing certificate is the parent company's", "usds-idp", g =>
            Deployed(g, "usds-idp", "signingCertificate", ParentCo)),
        new("ENC-IDN-001", "legacy provider: the deployed signing certificate is secret", "usds-idp", g =>
            Deployed(g, "usds-idp", "signingCertificate", GraphBuilder.Secret)),
        new("ENC-IDN-001", "legacy provider: the deployed signing certificate does not parse", "usds-idp", g =>
            Deployed(g, "usds-idp", "signingCertificate", "bm90IGEgY2VydGlmaWNhdGU=")),
        new("ENC-IDN-001", "legacy provider: the deployed sign-in URL is a look-alike host", "usds-idp", g =>
            Deployed(g, "usds-idp", "redirectUrl", LookAlike)),
        new("ENC-IDN-001", "legacy provider: the metadata's sign-in location is a look-alike host", "usds-idp", g =>
            g.With("usds-idp", "metadata", MetadataSigningIn(LookAlike))),
        new("ENC-IDN-001", "legacy provider: the metadata's sign-in location is plain http", "usds-idp", g =>
            g.With("usds-idp", "metadata", MetadataSigningIn("http://usds.okta.example/app/sso/saml"))),
        new("ENC-IDN-001", "legacy provider: the deployed metadata is signed by the parent company", "usds-idp", g =>
            Deployed(g, "usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, ParentCo))),
        new("ENC-IDN-001", "identity-domain provider: the deployed signing certificate is the parent company's", "domain-idp", g =>
        {
            SigningCertificateCases.DomainIdp(g, Usds);
            Deployed(g, "domain-idp", "signingCertificate", ParentCo);
        }),
        new("ENC-IDN-001", "identity-domain provider: the deployed sign-in URL is a look-alike host", "domain-idp", g =>
        {
            SigningCertificateCases.DomainIdp(g, Usds, ssoUrl: OnPinnedHost);
            Deployed(g, "domain-idp", "idpSsoUrl", LookAlike);
        }),
        new("ENC-IDN-001", "identity-domain provider: metadata sends sign-in to a look-alike host", "domain-idp", g =>
            SigningCertificateCases.DomainIdp(g, Usds, MetadataSigningIn(LookAlike))),
        new("ENC-IDN-001", "a pinned signing certificate that expired", "usds-idp", ExpiredPin.Change) { Policy = ExpiredPin.Pin },
        new("ENC-IDN-002", "group mapping from the trusted provider whose deployed certificate is the parent company's", "usds-gatekeepers", g =>
            Deployed(g, "usds-idp", "signingCertificate", ParentCo)),
    ];
}
