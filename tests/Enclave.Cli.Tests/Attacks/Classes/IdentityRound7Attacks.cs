using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 7, identity plane, as the parent company: a grant hidden in a statement or matching rule computed
/// from another resource's output, which a preview shows only as unknown (ENC-IAM-117), a persona group moved to
/// another identity domain, its statements then reaching no one (ENC-IDN-050), and a break-glass user given
/// a field no rule read, each a way to sign in as it or to hand it to someone else (ENC-GOV-090, the domain user's
/// inputs as an allow-list).
/// </summary>
public sealed class IdentityRound7Attacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string CompartmentType = "oci:Identity/compartment:Compartment";
    private const string AuditorGuard = "request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'";

    public override IEnumerable<AttackCase> Cases() => HiddenTexts().Concat(MovedGroups()).Concat(BreakGlassFields()).Concat(Legitimate());

    private IEnumerable<AttackCase> HiddenTexts()
    {
        yield return Attack("the parent's administrators granted in a new policy whose statements wait for a new compartment's id", "ENC-IAM-117", p =>
        {
            var sandbox = Sandbox(p);
            return p.Add(PolicyType, "iam-sandbox", new JsonObject
            {
                ["compartmentId"] = sandbox.Id(), ["name"] = "usde-prod-sandbox-policy", ["description"] = "sandbox",
                ["statements"] = Value.List("allow group 'ParentCo'/'Administrators' to read all-resources in tenancy"),
            }, sibling: "iam-operators").DependsOn("compartmentId", sandbox).DependsOn("statements", sandbox).Unknown("statements").Urn;
        });
        yield return Attack("one of the operators' statements computed from another resource's output", "ENC-IAM-117",
            p => p.Resource("iam-operators", PolicyType).Unknown("statements[0]").Urn);
        yield return Attack("the database's dynamic group matched by a rule computed from a new tag", "ENC-IAM-117", p =>
        {
            var tag = p.Add("oci:Identity/tag:Tag", "tenancy-role", new JsonObject
            {
                ["tagNamespaceId"] = p.Resource("tenancy-tags").Id(), ["name"] = "Role", ["description"] = "workload role",
            }, sibling: "tenancy-created-by");
            return p.Resource("iam-adb-dynamic-group").Unknown("matchingRule").DependsOn("matchingRule", tag).Urn;
        });
    }

    /// <summary>A persona group keeps its name but leaves the domain its statements name: its grants reach no one.</summary>
    private IEnumerable<AttackCase> MovedGroups()
    {
        yield return Attack("the auditors' group moved to the parent company's identity domain", "ENC-IDN-050",
            p => p.Resource("iam-auditors", DomainsGroup).Set("idcsEndpoint", "https://idcs-0parentc0d0main.identity.oraclecloud.com:443").Urn);
        yield return Attack("the gatekeepers' group recreated as a Default-domain IAM group of the same name", "ENC-IDN-050", p =>
        {
            p.Remove("iam-gatekeepers", DomainsGroup);
            return p.Add("oci:Identity/group:Group", "iam-gatekeepers-default", new JsonObject
            {
                ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-gatekeepers", ["description"] = "US data-security team",
            }, sibling: "iam-adb-dynamic-group").Urn;
        });
    }

    private IEnumerable<AttackCase> BreakGlassFields()
    {
        (string What, string Key, JsonNode Value)[] fields =
        [
            ("sign-in delegated to another directory", "urnietfparamsscimschemasoracleidcsextensionuserUser", new JsonObject { ["isAuthenticationDelegated"] = true }),
            ("made a federated user", "urnietfparamsscimschemasoracleidcsextensionuserUser", new JsonObject { ["isFederatedUser"] = true }),
            ("given MFA bypass codes", "urnietfparamsscimschemasoracleidcsextensionmfaUser", new JsonObject { ["bypassCodes"] = new JsonArray(new JsonObject { ["value"] = "5Kd3-tmp" }) }),
            ("given a phone abroad for SMS codes", "phoneNumbers", new JsonArray(new JsonObject { ["value"] = "+86 10 5555 0100", ["type"] = "mobile", ["primary"] = true })),
            ("synced from the parent's HR system", "externalId", JsonValue.Create("parentco-hr-000042")),
            ("made an identity domain administrator", "roles", new JsonArray(new JsonObject { ["type"] = "admin", ["value"] = "Identity Domain Administrator" })),
            ("entitled to the parent's single sign-on app", "entitlements", new JsonArray(new JsonObject { ["type"] = "app", ["value"] = "parentco-sso" })),
            ("allowed to reset its password by security questions", "urnietfparamsscimschemasoracleidcsextensionsecurityQuestionsUser",
                new JsonObject { ["secQuestions"] = new JsonArray(new JsonObject { ["value"] = "pet", ["answer"] = "rex" }) }),
        ];
        foreach (var (what, key, value) in fields)
            yield return Attack($"the break-glass user {what}", "ENC-GOV-090", p => DomainUser(p, BreakGlass, BreakGlassEmail).Set(key, value.DeepClone()).Urn);
        // A password set by the change is one its author knows, secret or not: the gatekeepers set it out of band.
        yield return Attack("the break-glass user given a password its author knows", "ENC-GOV-090",
            p => DomainUser(p, BreakGlass, BreakGlassEmail).Secret("password").Urn);
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        yield return Legitimate("the break-glass user with a display name, a title and a time zone", p => DomainUser(p, BreakGlass, BreakGlassEmail)
            .Set("displayName", "Break-glass gatekeeper").Set("title", "Sealed emergency account").Set("timezone", "America/New_York")
            .Set("name", new JsonObject { ["givenName"] = "Break", ["familyName"] = "Glass" }));
        yield return Legitimate("the break-glass user switched off", p => DomainUser(p, BreakGlass, BreakGlassEmail).Set("active", false));
        yield return Legitimate("a new tenancy policy repeating an auditors' statement, written as a constant", p => p.Add(PolicyType, "iam-auditors-extra", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-auditors-extra-policy", ["description"] = "auditors",
            ["statements"] = Value.List($"allow group 'UsdsEnclave'/'usde-prod-auditors' to inspect compartments in tenancy where all {{{AuditorGuard}}}"),
        }, sibling: "iam-operators"));
    }

    private static ResourceEdit Sandbox(Prod p) => p.Add(CompartmentType, "tenancy-sandbox", new JsonObject
    {
        ["compartmentId"] = p.Resource("tenancy-top").Id(), ["name"] = "usde-prod-sandbox-cmp", ["description"] = "sandbox", ["enableDelete"] = false,
    }, sibling: "tenancy-app");
}
