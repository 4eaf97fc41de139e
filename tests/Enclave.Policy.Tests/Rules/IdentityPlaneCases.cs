using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>Issue 10.4: single changes to the compliant enclave's identity plane, and the finding each must produce.</summary>
public static class IdentityPlaneCases
{
    private const string Partner = "urn:oasis:names:tc:SAML:2.0:metadata";

    private static void DomainIdp(GraphBuilder g, string partnerName, string entityId, bool jit) =>
        g.Add(OciTypes.DomainsIdentityProvider, "domain-idp", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", schemas = new[] { "urn:ietf:params:scim:schemas:oracle:idcs:IdentityProvider" },
            partnerName, partnerProviderId = entityId, enabled = true, type = "SAML",
            jitUserProvEnabled = jit, jitUserProvAssignedGroups = new[] { new { value = Ref("gatekeepers") } },
        });

    private static void ExtraUser(GraphBuilder g, string name = "intruder") =>
        g.Add(OciTypes.User, name, new { compartmentId = CompliantEnclave.Tenancy, name, description = "x", email = $"{name}@enclave.example" });

    /// <summary>The break-glass user as an identity-domain user (allowed by ENC-IDN-003), carrying <paramref name="key"/>.</summary>
    private static void BreakGlassDomainUser(GraphBuilder g, string key, object value)
    {
        var user = new Dictionary<string, object?>
        {
            ["idcsEndpoint"] = "https://idcs-usds.identity.oraclecloud.com", ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            ["userName"] = "usde-dev-breakglass", ["emails"] = new[] { new { value = "breakglass@enclave.example", primary = true } }, [key] = value,
        };
        g.Add(OciTypes.DomainsUser, "domain-breakglass", user);
    }

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-001", "identity provider not on the allow-list", "usds-idp", g => g.With("usds-idp", "name", "ParentCoAzureAD")),
        new("ENC-IDN-001", "trusted name with another provider's metadata", "usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata("https://sso.elsewhere.example/saml"))),
        new("ENC-IDN-001", "trusted name with another metadata URL", "usds-idp", g => g.With("usds-idp", "metadataUrl", "https://sso.elsewhere.example/md")),
        new("ENC-IDN-001", "metadata declaring several entities", "usds-idp", g => g.With("usds-idp", "metadata",
            $"<EntitiesDescriptor xmlns=\"{Partner}\">{CompliantEnclave.IdpMetadata()}<EntityDescriptor entityID=\"https://evil.example\"/></EntitiesDescriptor>")),
        new("ENC-IDN-001", "identity-domain provider not on the allow-list", "domain-idp", g => DomainIdp(g, "ParentSso", "https://sso.parent.example", jit: false)),
        new("ENC-IDN-001", "identity-domain provider with a trusted name and another entity id", "domain-idp", g => DomainIdp(g, "UsdsOkta", "https://other.example", jit: false)),
        new("ENC-IDN-001", "social identity provider", "social", g => g.Add(OciTypes.DomainsSocialIdentityProvider, "social", new { name = "Google", enabled = true })),
        new("ENC-IDN-002", "group mapping from an identity provider outside the stack", "usds-gatekeepers", g =>
            g.With("usds-gatekeepers", "identityProviderId", "ocid1.saml2idp.oc1..parentcoidp")),
        new("ENC-IDN-002", "group mapping from an untrusted provider of the stack", "parent-map", g =>
        {
            g.Add(OciTypes.IdentityProvider, "parent-idp", new
            {
                compartmentId = CompliantEnclave.Tenancy, name = "ParentSso", description = "x", productType = "ADFS", protocol = "SAML2",
                metadataUrl = "https://sso.parent.example/md", metadata = CompliantEnclave.IdpMetadata("https://sso.parent.example"),
            });
            g.Add(OciTypes.IdpGroupMapping, "parent-map", new { groupId = Ref("operators"), identityProviderId = Ref("parent-idp"), idpGroupName = "admins" });
        }),
        new("ENC-IDN-002", "JIT provisioning from an untrusted provider into the gatekeepers", "domain-idp", g => DomainIdp(g, "ParentSso", "https://sso.parent.example", jit: true)),
        new("ENC-IDN-003", "user not on breakGlass", "intruder", g => ExtraUser(g)),
        new("ENC-IDN-003", "break-glass user with another e-mail address", "breakglass", g => g.With("breakglass", "email", "ops@elsewhere.example")),
        new("ENC-IDN-003", "identity-domain user not on breakGlass", "domain-user", g => g.Add(OciTypes.DomainsUser, "domain-user", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = "svc-export",
        })),
        new("ENC-IDN-003", "identity domain created with an unlisted administrator", "domain", g => g.Add(OciTypes.Domain, "domain", new
        {
            compartmentId = CompliantEnclave.Tenancy, description = "x", displayName = "Extra", homeRegion = "us-ashburn-1", licenseType = "free",
            adminEmail = "root@elsewhere.example", adminUserName = "root", adminFirstName = "R", adminLastName = "T",
        })),
        new("ENC-IDN-004", "membership of a user breakGlass does not list", "intruder-member", g =>
        {
            ExtraUser(g);
            g.Add(OciTypes.UserGroupMembership, "intruder-member", new { groupId = Ref("gatekeepers"), userId = Ref("intruder") });
        }),
        new("ENC-IDN-004", "break-glass user put into the storage admins", "breakglass-gatekeeper", g => g.With("breakglass-gatekeeper", "groupId", Ref("storage-admins"))),
        new("ENC-IDN-004", "membership in a group outside the stack", "breakglass-gatekeeper", g => g.With("breakglass-gatekeeper", "groupId", "ocid1.group.oc1..somewhere")),
        new("ENC-IDN-004", "membership of a user outside the stack", "breakglass-gatekeeper", g => g.With("breakglass-gatekeeper", "userId", "ocid1.user.oc1..parentcouser")),
        new("ENC-IDN-004", "identity-domain group with an unlisted member", "domain-group", g => g.Add(OciTypes.DomainsGroup, "domain-group", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", displayName = "enclave-gatekeepers",
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, members = new[] { new { type = "User", value = "scim-user-of-someone" } },
        })),
        new("ENC-IDN-005", "auth token the break-glass entry does not allow", "token", g =>
            g.Add(OciTypes.AuthToken, "token", new { userId = Ref("breakglass"), description = "ci" })),
        new("ENC-IDN-005", "API key for a user outside the stack", "breakglass-key", g => g.With("breakglass-key", "userId", "ocid1.user.oc1..parentcouser")),
        new("ENC-IDN-005", "customer secret key for an unlisted user", "secret-key", g =>
        {
            ExtraUser(g);
            g.Add(OciTypes.CustomerSecretKey, "secret-key", new { userId = Ref("intruder"), displayName = "s3" });
        }),
        new("ENC-IDN-005", "identity-domain API key of an unknown user", "domain-key", g =>
            g.Add(OciTypes.DomainsApiKey, "domain-key", new { idcsEndpoint = "https://idcs.example", key = "k", schemas = new[] { "x" }, user = new { value = "someone" } })),
        new("ENC-IDN-005", "an API key for the deploying identity", "my-key", g =>
            g.Add(OciTypes.DomainsMyApiKey, "my-key", new { idcsEndpoint = "https://idcs.example", key = "k", schemas = new[] { "x" } })),
        new("ENC-IDN-005", "a database credential", "db-cred", g =>
            g.Add(OciTypes.DbCredential, "db-cred", new { userId = Ref("breakglass"), description = "d", password = Secret })),
        new("ENC-IDN-005", "break-glass domain user with an X.509 certificate", "domain-breakglass", g => BreakGlassDomainUser(g, "x509certificates",
            new[] { new { value = "MIIC-certificate" } })),
        new("ENC-IDN-005", "break-glass domain user with a Kerberos realm user", "domain-breakglass", g => BreakGlassDomainUser(g,
            "urnietfparamsscimschemasoracleidcsextensionkerberosUserUser", new { realmUsers = new[] { new { value = "ops@PARENT.EXAMPLE" } } })),
        new("ENC-IDN-005", "break-glass domain user with a linked social account", "domain-breakglass", g => BreakGlassDomainUser(g,
            "urnietfparamsscimschemasoracleidcsextensionsocialAccountUser", new { socialAccounts = new[] { new { value = "google-123" } } })),
        new("ENC-IDN-005", "break-glass domain user with database credentials", "domain-breakglass", g => BreakGlassDomainUser(g,
            "urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser", new { dbUserName = "ADMIN" })),
        new("ENC-IDN-005", "break-glass domain user with a certificate given as a single value", "domain-breakglass", g =>
            BreakGlassDomainUser(g, "x509certificates", "MIIC-certificate")),
        new("ENC-IDN-006", "network source 0.0.0.0/1", "gatekeeper-networks", g => g.With("gatekeeper-networks", "publicSourceLists", new[] { "0.0.0.0/1" })),
        new("ENC-IDN-006", "network source outside the gatekeeper ranges", "gatekeeper-networks", g => g.With("gatekeeper-networks", "publicSourceLists", new[] { "192.0.2.0/24" })),
        new("ENC-IDN-006", "network source IPv4-mapped any", "gatekeeper-networks", g => g.With("gatekeeper-networks", "publicSourceLists", new[] { "::ffff:0.0.0.0/96" })),
        new("ENC-IDN-006", "network source with services all", "gatekeeper-networks", g => g.With("gatekeeper-networks", "services", new[] { "all" })),
        new("ENC-IDN-006", "network source with a VCN range of 10.0.0.0/8", "gatekeeper-networks", g =>
            g.With("gatekeeper-networks", "virtualSourceLists", new[] { new { vcnId = Ref("vcn"), ipRanges = new[] { "10.0.0.0/8" } } })),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-001", "name unknown", "usds-idp", g => g.With("usds-idp", "name", Unknown)),
        new("ENC-IDN-002", "mapped provider unknown", "usds-gatekeepers", g => g.With("usds-gatekeepers", "identityProviderId", Unknown)),
        new("ENC-IDN-003", "user name unknown", "breakglass", g => g.With("breakglass", "name", Unknown)),
        new("ENC-IDN-004", "member unknown", "breakglass-gatekeeper", g => g.With("breakglass-gatekeeper", "userId", Unknown)),
        new("ENC-IDN-005", "key owner unknown", "breakglass-key", g => g.With("breakglass-key", "userId", Unknown)),
        new("ENC-IDN-005", "domain user's certificates a secret", "domain-breakglass", g => BreakGlassDomainUser(g, "x509certificates", Secret)),
        new("ENC-IDN-006", "network source ranges unknown", "gatekeeper-networks", g => g.With("gatekeeper-networks", "publicSourceLists", Unknown)),
        new("ENC-IDN-006", "network source services a secret", "gatekeeper-networks", g => g.With("gatekeeper-networks", "services", Secret)),
    ];
}
