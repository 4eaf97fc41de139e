using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 8, identity plane, as the parent company: all four persona groups moved together to its identity
/// domain, where they agree with one another (ENC-IDN-050, against groups.identityDomainUrl); the tenancy's sign-in
/// network policy emptied, dropped or narrowed so that US oversight cannot sign in (ENC-IDN-091), or given a network
/// source filled in at deploy (ENC-IDN-110); and its own tag namespace's tags stamped on enclave resources, where its
/// tag-based policies grant (ENC-GOV-091).
/// </summary>
public sealed class IdentityRound8Attacks : AttackClass
{
    private const string ParentDomain = "https://idcs-0parentc0d0main.identity.oraclecloud.com:443";
    private const string ParentTag = "ocid1.tagdefinition.oc1..aaaaaaaaexampleparentcodatashare0000000000";
    private const string TagDefault = "oci:Identity/tagDefault:TagDefault";
    private static readonly string[] Personas = ["iam-gatekeepers", "iam-operators", "iam-auditors", "iam-storage-admins"];

    public override IEnumerable<AttackCase> Cases() => MovedTogether().Concat(SignIn()).Concat(ForeignTags()).Concat(Legitimate());

    private IEnumerable<AttackCase> MovedTogether()
    {
        yield return Attack("all four persona groups moved together to the parent company's identity domain", "ENC-IDN-050", p =>
        {
            foreach (var persona in Personas) p.Resource(persona, DomainsGroup).Set("idcsEndpoint", ParentDomain);
            return p.Resource("iam-auditors", DomainsGroup).Urn;
        });
    }

    private static ResourceEdit PasswordPolicy(Prod p) => p.Resource("iam-password-policy");

    private IEnumerable<AttackCase> SignIn()
    {
        yield return Attack("the tenancy's sign-in network policy emptied", "ENC-IDN-091",
            p => PasswordPolicy(p).Set("networkPolicy.networkSourceIds", new JsonArray()).Urn);
        yield return Attack("the tenancy's sign-in network policy removed", "ENC-IDN-091", p => PasswordPolicy(p).Remove("networkPolicy").Urn);
        yield return Attack("the auditors' network dropped from the sign-in network policy", "ENC-IDN-091",
            p => PasswordPolicy(p).Set("networkPolicy.networkSourceIds", Value.List(p.Resource("iam-gatekeeper-networks").Id())).Urn);
        yield return Attack("sign-in allowed only from the auditors' network", "ENC-IDN-091",
            p => PasswordPolicy(p).Set("networkPolicy.networkSourceIds", Value.List(p.Resource("iam-auditor-networks").Id())).Urn);
        // The preview shows the added id as unknown, built from nothing but the two network sources already named.
        yield return Attack("a network source filled in at deploy added to the sign-in network policy", "ENC-IDN-110",
            p => PasswordPolicy(p).Append("networkPolicy.networkSourceIds", Value.Unknown).Urn);
    }

    private IEnumerable<AttackCase> ForeignTags()
    {
        yield return Attack("a tag default stamping the parent company's tag on every new resource of the enclave", "ENC-GOV-091", p =>
            p.Add(TagDefault, "tenancy-parent-share-default", new JsonObject
            {
                ["compartmentId"] = p.Resource("tenancy-top").Id(), ["tagDefinitionId"] = ParentTag, ["value"] = "enabled", ["isRequired"] = false,
            }, sibling: "tenancy-created-by-default").Urn);
        yield return Attack("the created-by tag default repointed at the parent company's tag", "ENC-GOV-091",
            p => p.Resource("tenancy-created-by-default").Set("tagDefinitionId", ParentTag).Urn);
        yield return Attack("the created-by tag default's tag computed at deploy from nothing the stack declares", "ENC-GOV-091",
            p => p.Resource("tenancy-created-by-default").Unknown("tagDefinitionId").WithoutLineage("tagDefinitionId").Urn);
        yield return Attack("the user-data bucket tagged with the parent company's defined tag", "ENC-GOV-091",
            p => p.Resource("storage-user-data").Set("definedTags", new JsonObject { ["ParentCo-Governance.DataShare"] = "enabled" }).Urn);
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        // The declared URL written as OCI also shows it: without the default port, upper case, with a trailing slash.
        yield return Legitimate("the persona groups' domain URL respelled without its port", p =>
        {
            foreach (var persona in Personas)
            {
                var group = p.Resource(persona, DomainsGroup);
                group.Set("idcsEndpoint", group.Inputs["idcsEndpoint"]!.GetValue<string>().Replace(":443", "/", StringComparison.Ordinal).ToUpperInvariant().Replace("HTTPS", "https", StringComparison.Ordinal));
            }
        });
        yield return Legitimate("the user-data bucket tagged with the enclave's own namespace", p =>
            p.Resource("storage-user-data").Set("definedTags", new JsonObject { ["usde-prod-namesp.CreatedBy"] = "gatekeepers" }));
        yield return Legitimate("the sign-in network policy listing the auditors' network first", p =>
            PasswordPolicy(p).Set("networkPolicy.networkSourceIds",
                Value.List(p.Resource("iam-auditor-networks").Id(), p.Resource("iam-gatekeeper-networks").Id())));
    }
}
