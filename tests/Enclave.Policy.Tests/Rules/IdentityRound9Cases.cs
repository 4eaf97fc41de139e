using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 9, identity plane: identity-domain users, providers and credentials that pass the allow-lists by
/// name but live in another identity domain than the stack's (ENC-IDN-096); a persona grant in a compartment path
/// that names no compartment of the stack (ENC-IAM-080: a violation, not a value known only at deploy).
/// </summary>
public static class IdentityRound9Cases
{
    public const string UsdsDomain = "https://idcs-usds.identity.oraclecloud.com:443";
    private const string ParentDomain = "https://idcs-parentco.identity.oraclecloud.com";

    private static PolicyContext Declared(PolicyContext p) => p with { IdentityDomain = "UsdsEnclave", IdentityDomainUrl = UsdsDomain };
    private static PolicyContext Undeclared(PolicyContext p) => p with { IdentityDomain = "UsdsEnclave" };

    public static void BreakGlassUser(GraphBuilder g, object? endpoint) =>
        g.Add(OciTypes.DomainsUser, "breakglass", new Dictionary<string, object?>
        {
            ["idcsEndpoint"] = endpoint, ["userName"] = "enclave-breakglass",
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-096", "a domain user created in the parent company's identity domain", "breakglass", g => BreakGlassUser(g, ParentDomain)) { Policy = Declared },
        new("ENC-IDN-096", "a trusted-name identity provider in the parent company's identity domain", "idp", g =>
            g.Add(OciTypes.DomainsIdentityProvider, "idp", new Dictionary<string, object?>
            {
                ["idcsEndpoint"] = ParentDomain, ["partnerName"] = "UsdsOkta", ["type"] = "SAML", ["jitUserProvEnabled"] = true,
            })) { Policy = Declared },
        new("ENC-IDN-096", "an identity-domain API key in a stack that names no identity domain", "key", g =>
            g.Add(OciTypes.DomainsApiKey, "key", new Dictionary<string, object?> { ["idcsEndpoint"] = UsdsDomain, ["key"] = "pem" })),
        new("ENC-IDN-096", "an identity domain homed in Frankfurt", "domain", g =>
            g.Add(OciTypes.Domain, "domain", new Dictionary<string, object?> { ["displayName"] = "UsdsEnclave", ["homeRegion"] = "eu-frankfurt-1", ["description"] = "d", ["licenseType"] = "premium", ["compartmentId"] = CompliantEnclave.Tenancy })) { Policy = Declared },
        new("ENC-IDN-096", "a domain user whose domain URL is secret", "breakglass", g => BreakGlassUser(g, Secret)) { Policy = Declared },
        new("ENC-IAM-080", "a persona grant in a compartment path naming a compartment the stack does not declare", "root-policy", g =>
            g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(
                $"allow group enclave-gatekeepers to read objects in compartment usde-dev:nowhere where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}").ToArray())),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-096", "an identity domain whose home region is known only at deploy", "domain", g =>
            g.Add(OciTypes.Domain, "domain", new Dictionary<string, object?> { ["displayName"] = "UsdsEnclave", ["homeRegion"] = Unknown, ["description"] = "d", ["licenseType"] = "premium", ["compartmentId"] = CompliantEnclave.Tenancy })) { Policy = Undeclared },
        new("ENC-IDN-096", "a domain user, but no declared domain URL and no persona group in a domain to compare with", "breakglass", g =>
            BreakGlassUser(g, UsdsDomain)) { Policy = Undeclared },
    ];
}
