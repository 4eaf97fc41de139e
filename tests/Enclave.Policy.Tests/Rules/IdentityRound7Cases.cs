using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 7, identity plane: grants hidden in a text the preview cannot show (ENC-IAM-117), a persona group
/// moved to another identity domain (ENC-IDN-050), and a break-glass user carrying fields no rule reads (ENC-GOV-090,
/// the domain user's inputs as an allow-list).
/// </summary>
public static class IdentityRound7Cases
{
    private static string[] Statements(GraphBuilder g) => (string[])g["root-policy"].Inputs["statements"]!;

    /// <summary>The config's break-glass user as an identity-domain user, with <paramref name="key"/> set.</summary>
    private static void BreakGlassUser(GraphBuilder g, string key, object? value) => g.Add(OciTypes.DomainsUser, "breakglass", new Dictionary<string, object?>
    {
        ["idcsEndpoint"] = "https://idcs-usds.identity.oraclecloud.com", ["userName"] = "usde-dev-breakglass",
        ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        ["emails"] = new[] { new { value = "breakglass@usdata.example", type = "work", primary = true } }, [key] = value,
    });

    private const string UsdsDomain = "https://idcs-usds.identity.oraclecloud.com:443";

    /// <summary>The four persona groups as identity-domain groups of <see cref="UsdsDomain"/>, <paramref name="moved"/> in <paramref name="endpoint"/>.</summary>
    private static void InDomain(GraphBuilder g, string? moved = null, object? endpoint = null)
    {
        foreach (var persona in new[] { "gatekeepers", "operators", "storage-admins", "auditors" })
        {
            // Added under the IAM group's name, which it replaces (memberships and mappings refer to it by that name).
            g.Add(OciTypes.DomainsGroup, persona, new Dictionary<string, object?>
            {
                ["idcsEndpoint"] = persona == moved ? endpoint : UsdsDomain, ["displayName"] = $"enclave-{persona}",
                ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            });
        }
    }

    private static PolicyContext WithDomain(PolicyContext p) => p with { IdentityDomain = "UsdsEnclave" };

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-050", "the auditors' group moved to the parent company's identity domain", "auditors", g =>
            InDomain(g, "auditors", "https://idcs-parentco.identity.oraclecloud.com")) { Policy = WithDomain },
        new("ENC-IDN-050", "the gatekeepers' group moved to an identity domain the gate cannot read", "gatekeepers", g =>
            InDomain(g, "gatekeepers", Unknown)) { Policy = WithDomain },
        new("ENC-IDN-050", "the auditors' group left in the Default domain while the personas live in an identity domain", "auditors", g => { }) { Policy = WithDomain },
        new("ENC-IDN-050", "the auditors' group made an identity-domain group though the config names no identity domain", "auditors", g =>
            InDomain(g)),
        new("ENC-IAM-117", "a policy's statements computed from another resource's output", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-117", "one statement computed from another resource's output", "root-policy", g =>
            g.With("root-policy", "statements", Statements(g).Select(s => (object)s).Append(Unknown).ToArray())),
        new("ENC-IAM-117", "a dynamic group's matching rule computed from another resource's output", "adb-dg", g => g.With("adb-dg", "matchingRule", Unknown)),
        new("ENC-GOV-090", "the break-glass user's sign-in delegated to another directory", "breakglass", g =>
            BreakGlassUser(g, "urnietfparamsscimschemasoracleidcsextensionuserUser", new { isAuthenticationDelegated = true })),
        new("ENC-GOV-090", "the break-glass user synced from the parent's HR system", "breakglass", g => BreakGlassUser(g, "externalId", "parentco-hr-42")),
        new("ENC-GOV-090", "the break-glass user with MFA bypass codes", "breakglass", g =>
            BreakGlassUser(g, "urnietfparamsscimschemasoracleidcsextensionmfaUser", new { bypassCodes = new[] { new { value = "x" } } })),
        // The credential extensions ENC-IDN-005 reads are closed field by field: only the credential it requires empty is declared.
        new("ENC-GOV-090", "the break-glass user's database-credential extension given a field ENC-IDN-005 does not read", "breakglass", g =>
            BreakGlassUser(g, "urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser", new { dbLoginAttempts = 0 })),
        new("ENC-GOV-090", "the break-glass user's Kerberos extension given a field no rule reads", "breakglass", g =>
            BreakGlassUser(g, "urnietfparamsscimschemasoracleidcsextensionkerberosUserUser", new { realmUsers = Array.Empty<object>(), principal = "parent@PARENT.CORP" })),
    ];

    /// <summary>ENC-IAM-117 is never undetermined (it judges whether a text is known); ENC-GOV-090 fails an unknown field it does not accept.</summary>
    public static readonly RuleCase[] Undetermined = [];
}
