using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using Enclave.TestSupport.Federation;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>What the identity-plane attacks and changes add to prod: tokens, prod's allow-listed names, builders.</summary>
internal static class IdentityPlane
{
    public const string IdentityProvider = "oci:Identity/identityProvider:IdentityProvider";
    public const string IdpGroupMapping = "oci:Identity/idpGroupMapping:IdpGroupMapping";
    public const string DomainsIdentityProvider = "oci:Identity/domainsIdentityProvider:DomainsIdentityProvider";
    public const string DomainsSocialIdentityProvider = "oci:Identity/domainsSocialIdentityProvider:DomainsSocialIdentityProvider";
    public const string User = "oci:Identity/user:User";
    public const string DomainsUser = "oci:Identity/domainsUser:DomainsUser";
    public const string DomainsGroup = "oci:Identity/domainsGroup:DomainsGroup";
    public const string Domain = "oci:Identity/domain:Domain";
    public const string UserGroupMembership = "oci:Identity/userGroupMembership:UserGroupMembership";
    public const string ApiKey = "oci:Identity/apiKey:ApiKey";
    public const string AuthToken = "oci:Identity/authToken:AuthToken";
    public const string CustomerSecretKey = "oci:Identity/customerSecretKey:CustomerSecretKey";
    public const string SmtpCredential = "oci:Identity/smtpCredential:SmtpCredential";
    public const string DomainsApiKey = "oci:Identity/domainsApiKey:DomainsApiKey";
    public const string DomainsMyAuthToken = "oci:Identity/domainsMyAuthToken:DomainsMyAuthToken";

    // Prod's federation and break-glass entries (stacks/Pulumi.prod.yaml).
    public const string TrustedIdp = "UsdsOkta";
    public const string TrustedEntityId = "http://www.okta.example/exk1usdsprod";
    public const string TrustedMetadataUrl = "https://usds.okta.example/app/exk1usdsprod/sso/saml/metadata";
    public const string BreakGlass = "usde-prod-breakglass";
    public const string BreakGlassEmail = "breakglass@usdata.example";

    /// <summary>Metadata declaring <paramref name="entityId"/>, signed with the given certificates (default: prod's pinned one).</summary>
    public static string Metadata(string entityId, params string[] certificates) =>
        TestCertificates.Metadata(entityId, certificates.Length == 0 ? [TestCertificates.Usds] : certificates);

    public static string Id(this ResourceEdit r) => r.Json["id"]!.GetValue<string>();

    public static string Tenancy(Prod p) => p.Resource("iam-gatekeeper-networks").Inputs["compartmentId"]!.GetValue<string>();

    public static string IdcsEndpoint(Prod p) => p.Resource("iam-gatekeepers", DomainsGroup).Inputs["idcsEndpoint"]!.GetValue<string>();

    /// <summary>Records that <paramref name="key"/> of <paramref name="r"/> was built from <paramref name="from"/> (what the engine records).</summary>
    public static ResourceEdit DependsOn(this ResourceEdit r, string key, ResourceEdit from)
    {
        var deps = r.Json["propertyDependencies"] as JsonObject ?? [];
        deps[key] = new JsonArray(from.Urn);
        r.Json["propertyDependencies"] = deps;
        var all = r.Json["dependencies"] as JsonArray ?? [];
        all.Add(from.Urn);
        r.Json["dependencies"] = all;
        return r;
    }

    public static ResourceEdit LegacyIdp(Prod p, string name, string entityId, string metadataUrl) =>
        p.Add(IdentityProvider, $"iam-idp-{name.ToLowerInvariant()}", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["name"] = name, ["description"] = "federation", ["productType"] = "IDCS",
            ["protocol"] = "SAML2", ["metadataUrl"] = metadataUrl, ["metadata"] = Metadata(entityId),
        }, sibling: "iam-gatekeeper-networks");

    public static ResourceEdit DomainIdp(Prod p, string partnerName, string entityId, bool jit) =>
        p.Add(DomainsIdentityProvider, $"iam-domain-idp-{partnerName.ToLowerInvariant()}", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:IdentityProvider"),
            ["partnerName"] = partnerName, ["partnerProviderId"] = entityId, ["enabled"] = true, ["type"] = "SAML",
            ["signingCertificate"] = TestCertificates.Pem(TestCertificates.Usds),
            ["jitUserProvEnabled"] = jit, ["jitUserProvCreateUserEnabled"] = jit,
            ["jitUserProvAssignedGroups"] = new JsonArray(new JsonObject { ["value"] = p.Resource("iam-gatekeepers", DomainsGroup).Id() }),
        }, sibling: "iam-gatekeeper-networks");

    public static ResourceEdit LocalUser(Prod p, string name, string email) =>
        p.Add(User, $"iam-user-{name}", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["name"] = name, ["description"] = "local user", ["email"] = email,
        }, sibling: "iam-gatekeeper-networks");

    public static ResourceEdit DomainUser(Prod p, string userName, string email) =>
        p.Add(DomainsUser, $"iam-domain-user-{userName}", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName, ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
        }, sibling: "iam-gatekeeper-networks");

    /// <summary>Makes <paramref name="user"/> a member of the persona group <paramref name="group"/> (an identity-domain group of prod).</summary>
    public static ResourceEdit AddMember(Prod p, string group, ResourceEdit user) =>
        p.Resource(group, DomainsGroup).Append("members", new JsonObject { ["type"] = "User", ["value"] = user.Id() }).DependsOn("members", user);

    /// <summary>A credential of <paramref name="type"/> for the user named by <paramref name="userId"/> (legacy: <c>userId</c>).</summary>
    public static ResourceEdit Credential(Prod p, string type, string name, string userId) =>
        p.Add(type, $"iam-{name}", new JsonObject { ["userId"] = userId, ["description"] = name, ["displayName"] = name },
            sibling: "iam-gatekeeper-networks");
}
