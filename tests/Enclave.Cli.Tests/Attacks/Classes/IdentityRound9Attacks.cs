using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 9, identity plane, as the parent company. Identity-domain sign-on policies and rules (DomainsPolicy,
/// DomainsRule) are not in the provider subset the program may use, so the gate judges none of their fields: one
/// that lets the persona groups sign in without MFA or from anywhere fails as an unjudged type (ENC-GOV-020), and so
/// does an authentication-factor setting (in the subset, but read by no rule). Users, identity providers and
/// credentials that pass the allow-lists by name but live in the parent company's identity domain, and identity
/// domains other than the configured one or homed abroad (ENC-IDN-096); a compartment path naming no compartment of
/// the stack (ENC-IAM-080, passed in a preview as known only at deploy).
/// </summary>
public sealed class IdentityRound9Attacks : AttackClass
{
    private const string ParentDomain = "https://idcs-0parentc0d0main.identity.oraclecloud.com:443";
    private const string DomainsPolicy = "oci:Identity/domainsPolicy:DomainsPolicy";
    private const string DomainsRule = "oci:Identity/domainsRule:DomainsRule";
    private const string FactorSetting = "oci:Identity/domainsAuthenticationFactorSetting:DomainsAuthenticationFactorSetting";

    public override IEnumerable<AttackCase> Cases() => SignOn().Concat(OtherDomain()).Concat(Paths()).Concat(Legitimate());

    private const string Guard = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";
    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";

    /// <summary>The operators' object-family grant of prod, and its compartment written as a path from the policy's compartment.</summary>
    private static (string Statement, string Path) ObjectGrant(Prod p)
    {
        var policy = p.Resource("iam-operators");
        var statement = policy.Inputs["statements"]!.AsArray().Select(x => x!.GetValue<string>()).Single(x => x.Contains("object-family", StringComparison.Ordinal));
        var id = statement.Split(' ').SkipWhile(w => w != "id").Skip(1).First();
        var names = new List<string>();
        var compartments = p.OfType("oci:Identity/compartment:Compartment").ToList();
        for (var at = id; at != policy.Inputs["compartmentId"]!.GetValue<string>();)
        {
            var c = compartments.Single(x => x.Id() == at);
            names.Insert(0, c.Inputs["name"]!.GetValue<string>());
            at = c.Inputs["compartmentId"]!.GetValue<string>();
        }
        return (statement, string.Join(':', names));
    }

    private IEnumerable<AttackCase> Paths()
    {
        // A path the stack's compartments (all named in a preview as in a state) do not hold names one made outside
        // the enclave; a preview passed it as "known only at deploy".
        yield return Attack("the operators read objects in a compartment path naming a compartment the stack does not declare", "ENC-IAM-080", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read objects in compartment {ObjectGrant(p).Path}:usde-prod-exports {Guard}"));
    }

    private static ResourceEdit SignOnRule(Prod p) =>
        p.Add(DomainsRule, "iam-signon-no-mfa", new JsonObject
        {
            ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:Rule"),
            ["name"] = "persona sign-on without MFA", ["policyType"] = new JsonObject { ["value"] = "SignOn" },
            ["conditionGroup"] = new JsonObject { ["type"] = "Condition", ["value"] = "any-group" },
            ["returns"] = new JsonArray(new JsonObject { ["name"] = "effect", ["value"] = "Allow" },
                new JsonObject { ["name"] = "mfaRequired", ["value"] = "false" }),
        }, sibling: "iam-gatekeeper-networks");

    private IEnumerable<AttackCase> SignOn()
    {
        yield return Attack("an identity-domain sign-on rule letting every group sign in without MFA", "ENC-GOV-020", SignOnRule);
        yield return Attack("an identity-domain sign-on policy put first, its rule allowing sign-in from anywhere", "ENC-GOV-020", p =>
        {
            var rule = SignOnRule(p);
            return p.Add(DomainsPolicy, "iam-signon-policy", new JsonObject
            {
                ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:Policy"),
                ["name"] = "Default Sign-On Policy", ["active"] = true, ["policyType"] = new JsonObject { ["value"] = "SignOn" },
                ["rules"] = new JsonArray(new JsonObject { ["value"] = rule.Id(), ["sequence"] = 1 }),
            }, sibling: "iam-gatekeeper-networks").DependsOn("rules", rule);
        });
        yield return Attack("the identity domain's authentication factors switched to SMS only", "ENC-GOV-020", p =>
            p.Add(FactorSetting, "iam-factors", new JsonObject
            {
                ["idcsEndpoint"] = IdcsEndpoint(p), ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:AuthenticationFactorSettings"),
                ["authenticationFactorSettingId"] = "AuthenticationFactorSettings", ["smsEnabled"] = true, ["totpEnabled"] = false,
                ["mfaEnrollmentType"] = "Optional",
            }, sibling: "iam-gatekeeper-networks"));
    }

    private static ResourceEdit Domain(Prod p, string name, string region) =>
        p.Add(IdentityPlane.Domain, $"iam-domain-{name.ToLowerInvariant()}", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["displayName"] = name, ["description"] = "identity domain", ["homeRegion"] = region,
            ["licenseType"] = "premium",
        }, sibling: "iam-gatekeeper-networks");

    private IEnumerable<AttackCase> OtherDomain()
    {
        yield return Attack("the break-glass user created in the parent company's identity domain", "ENC-IDN-096",
            p => DomainUser(p, BreakGlass, BreakGlassEmail).Set("idcsEndpoint", ParentDomain));
        yield return Attack("the trusted identity provider copied into the parent company's identity domain with JIT", "ENC-IDN-096",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: true).Set("idcsEndpoint", ParentDomain));
        yield return Attack("the break-glass user's API key issued in the parent company's identity domain", "ENC-IDN-096", p =>
        {
            var user = DomainUser(p, BreakGlass, BreakGlassEmail);
            return p.Add(DomainsApiKey, "iam-breakglass-key", new JsonObject
            {
                ["idcsEndpoint"] = ParentDomain, ["key"] = "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----",
                ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:apikey"), ["user"] = new JsonObject { ["value"] = user.Id() },
            }, sibling: "iam-gatekeeper-networks").DependsOn("user", user);
        });
        yield return Attack("a new identity domain homed in Frankfurt", "ENC-IDN-096", p => Domain(p, "UsdsEnclave", "eu-frankfurt-1"));
        yield return Attack("a second identity domain beside the configured one", "ENC-IDN-096", p => Domain(p, "UsdsEnclaveShadow", "us-ashburn-1"));
        yield return Attack("the identity domain's administrator given a phone for SMS factors", "ENC-GOV-090",
            p => Domain(p, "UsdsEnclave", "us-ashburn-1").Set("adminMobileNumber", "+49 30 1234567"));
        yield return Attack("the break-glass user in an identity domain named only at deploy", "ENC-IDN-096",
            p => DomainUser(p, BreakGlass, BreakGlassEmail).Unknown("idcsEndpoint"), Forms.Preview);
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        yield return Legitimate("the operators' object grant written with the compartment's path instead of its OCID", p =>
        {
            var (statement, path) = ObjectGrant(p);
            var id = statement.Split(' ').SkipWhile(w => w != "id").Skip(1).First();
            p.Resource("iam-operators").Append("statements", statement.Replace($"compartment id {id}", $"compartment {path}", StringComparison.Ordinal));
        });
        yield return Legitimate("the break-glass user in the stack's identity domain, its URL respelled in upper case without the port", p =>
            DomainUser(p, BreakGlass, BreakGlassEmail).Set("idcsEndpoint", IdcsEndpoint(p).Replace(":443", "", StringComparison.Ordinal).ToUpperInvariant()));
        yield return Legitimate("the configured identity domain declared by the stack, homed in Ashburn", p => Domain(p, "usdsenclave", "us-ashburn-1"));
        yield return Legitimate("the trusted identity provider in the stack's identity domain, without JIT",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false));
    }
}
