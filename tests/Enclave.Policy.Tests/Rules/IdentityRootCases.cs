using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Identity-plane holes closed at the root: dynamic groups pinned by place and kind (ENC-IAM-010), the sign-in network
/// policy's sources (ENC-IDN-110), and the identity types' inputs as an allow-list (ENC-GOV-090, a policy's versionDate).
/// </summary>
public static class IdentityRootCases
{
    private static void SignInFrom(GraphBuilder g, object ids) => g.With("password-policy", "networkPolicy", new { networkSourceIds = ids });

    private static void OpenNetworkSource(GraphBuilder g) => g.Add(EnclaveIdentities.NetworkSourceType, "open-networks", new
    {
        compartmentId = CompliantEnclave.Tenancy, name = "usde-dev-open", description = "x", publicSourceLists = new[] { "0.0.0.0/0" },
    });

    /// <summary>The gatekeepers' group as an identity-domain group, as the program declares it, with <paramref name="key"/> set.</summary>
    private static void DomainGroup(GraphBuilder g, string key, object value) => g.Add(OciTypes.DomainsGroup, "domain-group", new Dictionary<string, object?>
    {
        ["idcsEndpoint"] = "https://idcs-usds.identity.oraclecloud.com", ["displayName"] = "enclave-gatekeepers",
        ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
        ["urnietfparamsscimschemasoracleidcsextensiongroupGroup"] = new { description = "US gatekeepers" }, [key] = value,
    });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-010", "dynamic group of every resource in the enclave's compartment, whatever its type", "adb-dg", g =>
            g.With("adb-dg", "matchingRule", $"ALL {{resource.compartment.id = '{CompliantEnclave.EnclaveId}'}}")),
        new("ENC-IAM-010", "dynamic group of the functions in the enclave's compartment", "adb-dg", g =>
            g.With("adb-dg", "matchingRule", $"ALL {{resource.type = 'fnfunc', resource.compartment.id = '{CompliantEnclave.EnclaveId}'}}")),
        new("ENC-IAM-010", "dynamic group of the enclave's instances", "adb-dg", g =>
            g.With("adb-dg", "matchingRule", $"instance.compartment.id = '{CompliantEnclave.EnclaveId}'")),
        new("ENC-IAM-010", "matching rule made secret", "adb-dg", g => g.With("adb-dg", "matchingRule", Secret)),
        new("ENC-IDN-110", "sign-in allowed from a network source outside the stack", "password-policy", g =>
            SignInFrom(g, new[] { "ocid1.networksource.oc1..parentco" })),
        new("ENC-IDN-110", "sign-in allowed from a near-open network source of the stack", "password-policy", g =>
        {
            OpenNetworkSource(g);
            SignInFrom(g, new[] { Ref("open-networks") });
        }),
        new("ENC-IDN-110", "sign-in network sources made secret", "password-policy", g => SignInFrom(g, Secret)),
        new("ENC-GOV-090", "policy judged by the services' behaviour of an older date", "root-policy", g => g.With("root-policy", "versionDate", "2016-01-01")),
        new("ENC-GOV-090", "dynamic group with an input the provider does not have", "adb-dg", g => g.With("adb-dg", "matchingRules", "ANY {resource.type = 'fnfunc'}")),
        new("ENC-IDN-111", "persona group anyone may request to join", "domain-group", g =>
            DomainGroup(g, "urnietfparamsscimschemasoracleidcsextensionrequestableGroup", new { requestable = true })),
        new("ENC-IDN-111", "persona group with a dynamic membership rule", "domain-group", g =>
            DomainGroup(g, "urnietfparamsscimschemasoracleidcsextensiondynamicGroup", new { membershipType = "dynamic", membershipRule = "user.title eq 'DBA'" })),
        new("ENC-IDN-111", "persona group owned by a user who manages its membership", "domain-group", g =>
            DomainGroup(g, "urnietfparamsscimschemasoracleidcsextensiongroupGroup", new { description = "x", owners = new[] { new { type = "User", value = "scim-user-of-someone" } } })),
        new("ENC-IDN-112", "the auditors' group no longer declared, its name free for a look-alike", null, g => g.Remove("auditors")),
        new("ENC-IDN-112", "the gatekeepers' group renamed, its persona name left free", null, g => g.With("gatekeepers", "name", "enclave-gatekeepers-old")),
        new("ENC-IDN-111", "persona group provisioned by an outside system", "domain-group", g => DomainGroup(g, "externalId", "parentco-sync-42")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-110", "sign-in network sources known only at deploy", "password-policy", g => SignInFrom(g, Unknown)),
        new("ENC-IDN-112", "the operators' group name known only at deploy", null, g => g.With("operators", "name", Unknown)),
        new("ENC-IDN-111", "group extension known only at deploy", "domain-group", g =>
            DomainGroup(g, "urnietfparamsscimschemasoracleidcsextensiongroupGroup", Unknown)),
    ];
}
