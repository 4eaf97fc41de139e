using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 8, identity plane: the four persona groups moved together to another identity domain (ENC-IDN-050
/// against the declared groups.identityDomainUrl), the tenancy's sign-in network policy emptied or narrowed so that
/// the auditors cannot sign in (ENC-IDN-091) or naming a network source computed from nothing the stack declares
/// (ENC-IDN-110), and tags of a namespace outside the stack stamped on enclave resources (ENC-GOV-091).
/// </summary>
public static class IdentityRound8Cases
{
    private const string UsdsDomain = "https://idcs-usds.identity.oraclecloud.com:443";
    private const string ParentDomain = "https://idcs-parentco.identity.oraclecloud.com";

    /// <summary>The four persona groups as identity-domain groups of <paramref name="endpoint"/>.</summary>
    private static void AllInDomain(GraphBuilder g, string endpoint)
    {
        foreach (var persona in new[] { "gatekeepers", "operators", "storage-admins", "auditors" })
            g.Add(OciTypes.DomainsGroup, persona, new Dictionary<string, object?>
            {
                ["idcsEndpoint"] = endpoint, ["displayName"] = $"enclave-{persona}",
                ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            });
    }

    private static PolicyContext Declared(PolicyContext p) => p with { IdentityDomain = "UsdsEnclave", IdentityDomainUrl = UsdsDomain };
    private static PolicyContext Undeclared(PolicyContext p) => p with { IdentityDomain = "UsdsEnclave" };

    private static void SignIn(GraphBuilder g, params object[] ids) => g.With("password-policy", "networkPolicy", new { networkSourceIds = ids });

    /// <summary>The stack's own tag namespace and one tag in it, and (when asked) a default stamping <paramref name="tag"/>.</summary>
    private static void Tags(GraphBuilder g, object? tag = null)
    {
        g.Add(OciTypes.TagNamespace, "tags", new { compartmentId = Ref("enclave"), name = "usde-dev-namesp", description = "enclave tags" });
        g.Add(OciTypes.Tag, "created-by", new { tagNamespaceId = Ref("tags"), name = "CreatedBy", description = "creator" });
        if (tag is not null)
            g.Add(OciTypes.TagDefault, "stamp", new { compartmentId = Ref("enclave"), tagDefinitionId = tag, value = "yes", isRequired = false });
    }

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-050", "all four persona groups moved together to the parent company's identity domain", "auditors", g =>
            AllInDomain(g, ParentDomain)) { Policy = Declared },
        new("ENC-IDN-091", "the tenancy's sign-in network policy emptied", "password-policy", g => SignIn(g)),
        new("ENC-IDN-091", "the auditors' network dropped from the sign-in network policy", "password-policy", g => SignIn(g, Ref("gatekeeper-networks"))),
        new("ENC-IDN-091", "the network policy removed", "password-policy", g => g.With("password-policy", "networkPolicy", null)),
        new("ENC-IDN-110", "a sign-in network source computed from nothing the stack declares", "password-policy", g =>
            SignIn(g, Ref("gatekeeper-networks"), Ref("auditor-networks"), Unknown)),
        new("ENC-GOV-091", "a tag default stamping the parent company's tag on the enclave compartment", "stamp", g =>
            Tags(g, "ocid1.tagdefinition.oc1..parentcoshare")),
        new("ENC-GOV-091", "a tag default stamping a stack tag created in the parent's namespace", "stamp", g =>
        {
            Tags(g);
            g.Add(OciTypes.Tag, "share", new { tagNamespaceId = "ocid1.tagnamespace.oc1..parentco", name = "Share", description = "x" });
            g.Add(OciTypes.TagDefault, "stamp", new { compartmentId = Ref("enclave"), tagDefinitionId = Ref("share"), value = "yes", isRequired = false });
        }),
        new("ENC-GOV-091", "a bucket tagged with the parent company's defined tag", "data-bucket", g =>
            g.With("data-bucket", "definedTags", new Dictionary<string, object?> { ["ParentCo-Governance.Share"] = "yes" })),
        new("ENC-GOV-091", "a tag default whose tag is computed from nothing the stack declares", "stamp", g => Tags(g, Unknown)),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-050", "the persona groups agree on a domain, but the stack declares no identity domain URL", "auditors", g =>
            AllInDomain(g, UsdsDomain)) { Policy = Undeclared },
        new("ENC-IDN-091", "the sign-in network policy's list computed at deploy", "password-policy", g =>
            g.With("password-policy", "networkPolicy", new { networkSourceIds = Unknown })),
        new("ENC-GOV-091", "a bucket's defined tags computed at deploy", "data-bucket", g => g.With("data-bucket", "definedTags", Unknown)),
    ];
}
