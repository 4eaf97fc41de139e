using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 10.4: federation, users, memberships, credentials and network sources that let an identity the gatekeepers did
/// not approve (above all the parent company's) into the enclave.
/// </summary>
public sealed class IdentityPlaneAttacks : AttackClass
{
    private const string ParentUser = "ocid1.user.oc1..aaaaaaaaexampleparentcouser00000000000000000000000000000000";

    public override IEnumerable<AttackCase> Cases()
    {
        // Federation: identity providers, mappings and JIT provisioning.
        yield return Attack("an identity provider not on the federation allow-list", "ENC-IDN-001",
            p => LegacyIdp(p, "PartnerEntra", "https://sts.partner.example/saml", "https://sts.partner.example/md"));
        yield return Attack("the trusted IdP's name with another provider's metadata", "ENC-IDN-001",
            p => LegacyIdp(p, TrustedIdp, "https://sts.partner.example/saml", TrustedMetadataUrl));
        yield return Attack("the trusted IdP's name and entity id, metadata from another URL", "ENC-IDN-001",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, "https://usds-okta.partner.example/md"));
        yield return Attack("IdP metadata declaring several entities", "ENC-IDN-001", p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl)
            .Set("metadata", $"<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">{Metadata(TrustedEntityId)}<EntityDescriptor entityID=\"https://evil.example\"/></EntitiesDescriptor>"));
        yield return Attack("IdP metadata hidden as a secret", "ENC-GOV-006",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl).Secret("metadata"));
        yield return Attack("identity-domain IdP with the trusted name and another entity id", "ENC-IDN-001",
            p => DomainIdp(p, TrustedIdp, "https://sts.partner.example/saml", jit: false));
        yield return Attack("a social identity provider", "ENC-IDN-001", p => p.Add(DomainsSocialIdentityProvider, "iam-social", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["name"] = "Google", ["enabled"] = true, ["showOnLogin"] = true,
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("JIT provisioning from an untrusted IdP into the gatekeepers", "ENC-IDN-002",
            p => DomainIdp(p, "PartnerEntra", "https://sts.partner.example/saml", jit: true));
        yield return Attack("IdP group mapping from an IdP outside the stack into the gatekeepers", "ENC-IDN-002", p => p.Add(IdpGroupMapping, "iam-outside-map", new JsonObject
        {
            ["groupId"] = p.Resource("iam-gatekeepers", DomainsGroup).Id(), ["identityProviderId"] = "ocid1.saml2idp.oc1..aaaaaaaaexamplepartneridp",
            ["idpGroupName"] = "Domain Admins",
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("IdP group mapping from an untrusted IdP of the stack", "ENC-IDN-002", p =>
        {
            var idp = LegacyIdp(p, "PartnerEntra", "https://sts.partner.example/saml", "https://sts.partner.example/md");
            return p.Add(IdpGroupMapping, "iam-partner-map", new JsonObject
            {
                ["groupId"] = p.Resource("iam-operators", DomainsGroup).Id(), ["identityProviderId"] = idp.Id(), ["idpGroupName"] = "dba",
            }, sibling: "iam-gatekeeper-networks").DependsOn("identityProviderId", idp);
        });

        // Users, memberships and credentials.
        yield return Attack("a local user not on breakGlass", "ENC-IDN-003", p => LocalUser(p, "svc-export", "svc-export@usdata.example"));
        yield return Attack("the break-glass user's name with another e-mail address", "ENC-IDN-003",
            p => LocalUser(p, BreakGlass, "breakglass@partner.example"));
        yield return Attack("an identity-domain user not on breakGlass", "ENC-IDN-003", p => DomainUser(p, "data-science", "ds@usdata.example"));
        yield return Attack("a new identity domain whose administrator breakGlass does not list", "ENC-IDN-003", p => p.Add(Domain, "iam-shadow-domain", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["description"] = "shadow", ["displayName"] = "Shadow", ["homeRegion"] = "us-ashburn-1",
            ["licenseType"] = "premium", ["adminUserName"] = "root", ["adminEmail"] = "root@usdata.example", ["adminFirstName"] = "R", ["adminLastName"] = "T",
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("an unlisted user made a gatekeeper", "ENC-IDN-004",
            p => AddMember(p, "iam-gatekeepers", DomainUser(p, "data-science", "ds@usdata.example")));
        yield return Attack("the break-glass user made a storage admin", "ENC-IDN-004",
            p => AddMember(p, "iam-storage-admins", DomainUser(p, BreakGlass, BreakGlassEmail)));
        yield return Attack("a gatekeeper group member the stack does not declare", "ENC-IDN-004",
            p => p.Resource("iam-gatekeepers", DomainsGroup).Append("members", new JsonObject { ["type"] = "User", ["value"] = "b6f2c1d0e9a84f7a" }));
        yield return Attack("a parent-company user put into the gatekeepers' group", "ENC-IDN-004", p => p.Add(UserGroupMembership, "iam-parent-member", new JsonObject
        {
            ["groupId"] = p.Resource("iam-gatekeepers", DomainsGroup).Id(), ["userId"] = ParentUser,
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("an API key for a user outside the stack", "ENC-IDN-005", p => Credential(p, ApiKey, "parent-key", ParentUser));
        yield return Attack("an auth token for the break-glass user, which may only hold an API key", "ENC-IDN-005", p =>
        {
            var user = LocalUser(p, BreakGlass, BreakGlassEmail);
            return Credential(p, AuthToken, "breakglass-token", user.Id()).DependsOn("userId", user);
        });
        yield return Attack("a customer secret key for an unlisted user", "ENC-IDN-005", p =>
        {
            var user = LocalUser(p, "svc-s3", "svc-s3@usdata.example");
            return Credential(p, CustomerSecretKey, "svc-s3-key", user.Id()).DependsOn("userId", user);
        });
        yield return Attack("an SMTP credential for the break-glass user", "ENC-IDN-005", p =>
        {
            var user = LocalUser(p, BreakGlass, BreakGlassEmail);
            return Credential(p, SmtpCredential, "breakglass-smtp", user.Id()).DependsOn("userId", user);
        });
        yield return Attack("an identity-domain API key for an unknown user", "ENC-IDN-005", p => p.Add(DomainsApiKey, "iam-domain-key", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["key"] = "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----",
            ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:apikey"), ["user"] = new JsonObject { ["value"] = "b6f2c1d0e9a84f7a" },
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("an auth token for the deploying identity", "ENC-IDN-005", p => p.Add(DomainsMyAuthToken, "iam-my-token", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:authToken"), ["description"] = "ci",
        }, sibling: "iam-gatekeeper-networks"));
        yield return Attack("the break-glass domain user signing in with an X.509 certificate", "ENC-IDN-005", p =>
            DomainUser(p, BreakGlass, BreakGlassEmail).Set("x509certificates", new JsonArray(new JsonObject { ["value"] = "MIIC-parent-ca-issued" })));
        yield return Attack("the break-glass domain user mapped to a Kerberos principal", "ENC-IDN-005", p =>
            DomainUser(p, BreakGlass, BreakGlassEmail).Set("urnietfparamsscimschemasoracleidcsextensionkerberosUserUser",
                new JsonObject { ["realmUsers"] = new JsonArray(new JsonObject { ["value"] = "ops@PARENT.EXAMPLE" }) }));
        yield return Attack("the break-glass domain user linked to a social account", "ENC-IDN-005", p =>
            DomainUser(p, BreakGlass, BreakGlassEmail).Set("urnietfparamsscimschemasoracleidcsextensionsocialAccountUser",
                new JsonObject { ["socialAccounts"] = new JsonArray(new JsonObject { ["value"] = "google-1234567890" }) }));
        yield return Attack("the break-glass domain user given database credentials", "ENC-IDN-005", p =>
            DomainUser(p, BreakGlass, BreakGlassEmail).Set("urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser",
                new JsonObject { ["dbUserName"] = "ADMIN" }));

        // Network sources.
        yield return Attack("gatekeeper network source widened to 0.0.0.0/1", "ENC-IDN-006",
            p => p.Resource("iam-gatekeeper-networks").Append("publicSourceLists", "0.0.0.0/1"));
        yield return Attack("gatekeeper network source with services: all", "ENC-IDN-006",
            p => p.Resource("iam-gatekeeper-networks").Set("services", Value.List("all")));
        yield return Attack("auditor network source of IPv4-mapped any", "ENC-IDN-006",
            p => p.Resource("iam-auditor-networks").Set("publicSourceLists", Value.List("::ffff:0.0.0.0/96")));
        yield return Attack("gatekeeper network source naming a range the gatekeepers do not own", "ENC-IDN-006",
            p => p.Resource("iam-gatekeeper-networks").Append("publicSourceLists", "192.0.2.0/24"));
        yield return Attack("gatekeeper network source with a VCN range of 10.0.0.0/8", "ENC-IDN-006",
            p => p.Resource("iam-gatekeeper-networks").Set("virtualSourceLists", new JsonArray(new JsonObject
            {
                ["vcnId"] = p.Resource("network-vcn").Id(), ["ipRanges"] = Value.List("10.0.0.0/8"),
            })));
    }
}
