using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 12, IAM and identity. ENC-IAM-050 and ENC-IAM-097 judged a compartment path by its last name: a
/// policy in the root compartment saying <c>in compartment usde-dev-security</c> names a root-level compartment of that
/// name (the parent company may own one), not the enclave's, which sits below <c>usde-dev</c>; a path is now read from
/// the policy's own compartment, as ENC-IAM-080 reads it (one resolver, <c>Places</c>). A network source's range the gate
/// cannot read inside a list it can (beside a VCN reference) passed a preview as "computed" (ENC-IDN-006). An
/// identity-domain membership or credential naming a break-glass user by one identifier and someone else by the other
/// (<c>value</c> and <c>ocid</c>) passed on the one that matched (ENC-IDN-004, ENC-IDN-005).
/// </summary>
public static class IdentityRound12Cases
{
    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    private const string SecurityPin = $"request.principal.compartment.id = '{CompliantEnclave.SecurityId}'";
    private const string ConnectorInSecurity = $"where all {{request.principal.type = 'serviceconnector', {SecurityPin}}}";

    /// <summary>A policy of its own, attached to <paramref name="compartmentId"/>.</summary>
    private static void PlacedPolicy(GraphBuilder g, object compartmentId, string statement) =>
        g.Add(OciTypes.Policy, "placed-policy", new
        {
            compartmentId, name = "usde-dev-placed", description = "a policy attached elsewhere", statements = new[] { statement },
        });

    private static void VcnEntry(GraphBuilder g, object ipRanges) =>
        g.Add(OciTypes.NetworkSource, "vcn-networks", new
        {
            compartmentId = CompliantEnclave.Tenancy, name = "usde-dev-vcn-networks", description = "the enclave VCN's hosts",
            virtualSourceLists = new[] { new { vcnId = Ref("vcn"), ipRanges } },
        });

    /// <summary>The break-glass user as an identity-domain user (exists before the change: its id is known everywhere).</summary>
    private static void DomainBreakGlass(GraphBuilder g) =>
        g.Add(OciTypes.DomainsUser, "domain-breakglass", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName = "usde-dev-breakglass", emails = new[] { new { value = "breakglass@enclave.example", primary = true } },
        }).Existing = true;

    private static void GatekeeperGroupWith(GraphBuilder g, object member)
    {
        DomainBreakGlass(g);
        g.Add(OciTypes.DomainsGroup, "domain-group", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", displayName = "enclave-gatekeepers",
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, members = new[] { member },
        });
    }

    private static void BreakGlassApiKey(GraphBuilder g, object user)
    {
        DomainBreakGlass(g);
        g.Add(OciTypes.DomainsApiKey, "domain-key", new
        {
            idcsEndpoint = "https://idcs-usds.identity.oraclecloud.com", key = "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----",
            schemas = new[] { "urn:ietf:params:scim:schemas:oracle:idcs:apikey" }, user,
        });
    }

    private const string ParentUser = "ocid1.user.oc1..parentcouser";

    private const string CloudGuardReads = "allow service cloudguard to read all-resources in tenancy";

    /// <summary>Cloud Guard's tenancy-wide read, rewritten (ENC-IAM-116's floor).</summary>
    private static void CloudGuardRead(GraphBuilder g, Func<string, string> rewrite) =>
        g.With("oversight-policy", "statements", ((string[])g["oversight-policy"].Inputs["statements"]!)
            .Select(s => s == CloudGuardReads ? rewrite(s) : s).ToArray());

    public static readonly RuleCase[] Failing =
    [
        // The enclave's security compartment is usde-dev:usde-dev-security; from the root, `usde-dev-security` is a
        // root-level compartment of that name, outside the enclave.
        new("ENC-IAM-050", "a root policy grants the database's dynamic group a compartment named like the enclave's, at the root", "root-policy",
            g => AddStatement(g, "allow dynamic-group usde-dev-adb to manage functions-family in compartment usde-dev-security")),
        new("ENC-IAM-050", "a root policy grants a dynamic group by a path whose first name is not below the root", "root-policy",
            g => AddStatement(g, "allow dynamic-group usde-dev-adb to use vaults in compartment parentco:usde-dev-security")),
        new("ENC-IAM-097", "a root policy lets the enclave's connectors publish to topics in a root-level compartment named like the enclave's", "root-policy",
            g => AddStatement(g, $"allow any-user to use ons-topics in compartment usde-dev-security {ConnectorInSecurity}")),
        new("ENC-IAM-097", "the enclave's connectors granted in the security compartment by the root's own path, from the security compartment", "placed-policy",
            g => PlacedPolicy(g, Ref("security"), $"allow any-user to use ons-topics in compartment usde-dev:usde-dev-security {ConnectorInSecurity}")),
        new("ENC-IDN-006", "a network source VCN entry's range computed beside its VCN reference", "vcn-networks",
            g => VcnEntry(g, new object[] { "10.0.1.0/24", Unknown })),
        new("ENC-IDN-006", "a network source VCN entry's ranges computed as a whole", "vcn-networks",
            g => VcnEntry(g, Unknown)),
        new("ENC-IDN-006", "a network source's public range computed inside its list", "gatekeeper-networks",
            g => g.With("gatekeeper-networks", "publicSourceLists", new object[] { "198.51.100.0/24", Unknown })),
        new("ENC-IDN-004", "a gatekeeper member naming the break-glass user by value and a parent-company user by ocid", "domain-group",
            g => GatekeeperGroupWith(g, new { type = "User", value = Ref("domain-breakglass"), ocid = ParentUser })),
        new("ENC-IDN-004", "a gatekeeper member naming a parent-company user by value and the break-glass user by ocid", "domain-group",
            g => GatekeeperGroupWith(g, new { type = "User", value = "scim-id-of-a-parentco-user", ocid = Ref("domain-breakglass") })),
        new("ENC-IDN-005", "an API key for the break-glass user by value and a parent-company user by ocid", "domain-key",
            g => BreakGlassApiKey(g, new { value = Ref("domain-breakglass"), ocid = ParentUser })),
        // Cloud Guard's read narrowed by a condition its floor question cannot decide was a maybe: advisory in a preview.
        new("ENC-IAM-116", "Cloud Guard reads all-resources only in a region outside the enclave's", null,
            g => CloudGuardRead(g, s => s + " where request.region = 'eu-frankfurt-1'")),
        new("ENC-IAM-116", "Cloud Guard reads all-resources everywhere but the enclave's region", null,
            g => CloudGuardRead(g, s => s + " where request.region != 'iad'")),
        new("ENC-IAM-116", "Cloud Guard reads all-resources only for one operation", null,
            g => CloudGuardRead(g, s => s + " where request.operation = 'ListBuckets'")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        // The policy's compartment is unknown: a path cannot be read from it.
        new("ENC-IAM-050", "a dynamic group granted by a path from a policy whose compartment is unknown", "placed-policy",
            g => PlacedPolicy(g, Unknown, "allow dynamic-group usde-dev-adb to use vaults in compartment usde-dev-security")),
    ];

    /// <summary>Legitimate counterparts: the same grants, written so that they name the enclave's own compartments and identities.</summary>
    public static readonly RuleCase[] Passing =
    [
        new("ENC-IAM-050", "a root policy grants the dynamic group the security compartment by its full path", "root-policy",
            g => AddStatement(g, "allow dynamic-group usde-dev-adb to use vaults in compartment usde-dev:usde-dev-security")),
        new("ENC-IAM-050", "a policy in the enclave compartment grants the dynamic group its child by name", "placed-policy",
            g => PlacedPolicy(g, Ref("enclave"), "allow dynamic-group usde-dev-adb to use vaults in compartment usde-dev-security")),
        new("ENC-IAM-097", "a root policy lets the connectors publish to topics in the security compartment by its full path", "root-policy",
            g => AddStatement(g, $"allow any-user to use ons-topics in compartment usde-dev:usde-dev-security {ConnectorInSecurity}")),
        new("ENC-IDN-006", "a network source VCN entry with a narrow literal range", "vcn-networks",
            g => VcnEntry(g, new[] { "10.0.1.0/24" })),
        new("ENC-IDN-004", "a gatekeeper member naming the break-glass user by value", "domain-group",
            g => GatekeeperGroupWith(g, new { type = "User", value = Ref("domain-breakglass") })),
        new("ENC-IDN-004", "a gatekeeper member naming the break-glass user by value and ocid", "domain-group",
            g => GatekeeperGroupWith(g, new { type = "User", value = Ref("domain-breakglass"), ocid = Ref("domain-breakglass") })),
        new("ENC-IDN-005", "an API key for the break-glass user by value", "domain-key",
            g => BreakGlassApiKey(g, new { value = Ref("domain-breakglass") })),
        new("ENC-IAM-116", "a narrower, conditioned Cloud Guard read beside its tenancy-wide one", null,
            g => g.With("oversight-policy", "statements", ((string[])g["oversight-policy"].Inputs["statements"]!)
                .Append(CloudGuardReads + " where request.region = 'iad'").ToArray())),
    ];
}
