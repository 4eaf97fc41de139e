using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 13, the identity plane as deployed: prod's trusted IdP (right name, entity id, metadata URL and
/// pinned certificate in the program's input) whose deployed values are someone else's. OCI derives a legacy
/// provider's <c>signingCertificate</c> and <c>redirectUrl</c> from the metadata it holds, and an identity domain uses
/// the certificate and sign-in URL it holds: a console edit shows only in the state's outputs, which ENC-IDN-001 did
/// not read. The metadata's <c>SingleSignOnService</c> location (where a legacy provider sends sign-in) was not read
/// either. Prod's persona groups made dynamic, requestable, owned or synced in the console show only in the outputs
/// too (ENC-IDN-111 refused them as inputs only). What OCI reports is in a deployed state only (a preview's step shows what the program sends), so those
/// attacks run in the export form.
/// </summary>
public sealed class IdentityRound13Attacks : AttackClass
{
    private const string LookAlike = "https://usds-okta.sso-login.example/app/exk1usdsprod/sso/saml";
    private const string OnPinnedHost = "https://usds.okta.example/app/exk1usdsprod/sso/saml";

    /// <summary>What OCI reports for <paramref name="key"/> (an output only; the program's input is unchanged).</summary>
    private static ResourceEdit Shown(ResourceEdit r, string key, JsonNode? value)
    {
        ((JsonObject)r.Json["outputs"]!)[key] = value;
        return r;
    }

    private static string SigningIn(string location) =>
        Metadata(TrustedEntityId).Replace("</md:IDPSSODescriptor>",
            $"<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"{location}\"/></md:IDPSSODescriptor>",
            StringComparison.Ordinal);

    private static ResourceEdit Gatekeepers(Prod p) => p.Resource("iam-gatekeepers", DomainsGroup);

    private static ResourceEdit Trusted(Prod p) => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl);

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("trusted legacy IdP whose deployed signing certificate is the parent company's", "ENC-IDN-001",
            p => Shown(Trusted(p), "signingCertificate", ParentCo), Forms.Export);
        yield return Attack("trusted legacy IdP whose deployed sign-in URL is a look-alike host", "ENC-IDN-001",
            p => Shown(Trusted(p), "redirectUrl", LookAlike), Forms.Export);
        yield return Attack("trusted legacy IdP whose metadata sends sign-in to a look-alike host", "ENC-IDN-001",
            p => Trusted(p).Set("metadata", SigningIn(LookAlike)));
        yield return Attack("identity-domain IdP whose deployed signing certificate is the parent company's", "ENC-IDN-001",
            p => Shown(DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false), "signingCertificate", ParentCo), Forms.Export);
        yield return Attack("identity-domain IdP with JIT into the gatekeepers, deployed certificate the parent company's", "ENC-IDN-002",
            p => Shown(DomainIdp(p, TrustedIdp, TrustedEntityId, jit: true), "signingCertificate", Pem(ParentCo)), Forms.Export);

        yield return Attack("gatekeepers group made dynamic in the console: every parent-company address joins", "ENC-IDN-111",
            p => Shown(Gatekeepers(p), "urnietfparamsscimschemasoracleidcsextensiondynamicGroup",
                new JsonObject { ["membershipType"] = "dynamic", ["membershipRule"] = "emails.value co \"parentco.example\"" }), Forms.Export);
        yield return Attack("operators group made requestable in the console", "ENC-IDN-111",
            p => Shown(p.Resource("iam-operators", DomainsGroup), "urnietfparamsscimschemasoracleidcsextensionrequestableGroup",
                new JsonObject { ["requestable"] = true }), Forms.Export);
        yield return Attack("gatekeepers group given a parent-company owner in the console", "ENC-IDN-111", p =>
        {
            var group = Gatekeepers(p);
            var extension = (JsonObject)group.Json["outputs"]!["urnietfparamsscimschemasoracleidcsextensiongroupGroup"]!.DeepClone();
            extension["owners"] = new JsonArray(new JsonObject { ["type"] = "User", ["value"] = "ocid1.user.oc1..parentcoowner" });
            return Shown(group, "urnietfparamsscimschemasoracleidcsextensiongroupGroup", extension);
        }, Forms.Export);
        yield return Attack("auditors group synced from the parent company's directory", "ENC-IDN-111",
            p => Shown(p.Resource("iam-auditors", DomainsGroup), "externalId", "parentco-directory-4711"), Forms.Export);

        yield return Legitimate("persona groups as OCI reports untouched ones (static, not requestable, no external id)", p =>
        {
            foreach (var group in new[] { "iam-gatekeepers", "iam-operators", "iam-auditors", "iam-storage-admins" }.Select(n => p.Resource(n, DomainsGroup)))
            {
                Shown(group, "externalId", "");
                Shown(group, "urnietfparamsscimschemasoracleidcsextensiondynamicGroup", new JsonObject { ["membershipType"] = "static", ["membershipRule"] = "" });
                Shown(group, "urnietfparamsscimschemasoracleidcsextensionrequestableGroup", new JsonObject { ["requestable"] = false });
            }
        });
        yield return Legitimate("trusted legacy IdP as OCI reports it: pinned certificate, sign-in on the metadata URL's host", p =>
            Shown(Shown(Trusted(p).Set("metadata", SigningIn(OnPinnedHost)), "signingCertificate", Usds), "redirectUrl", OnPinnedHost));
        yield return Legitimate("trusted legacy IdP after a rotation: OCI shows the next pinned certificate", p =>
            Shown(Trusted(p).Set("metadata", Metadata(TrustedEntityId, Usds, UsdsNext)), "signingCertificate", UsdsNext));
    }
}
