using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 12, IAM and identity, as the parent company or a hostile pull request:
/// <list type="bullet">
/// <item>ENC-IAM-050 and ENC-IAM-097 judged a compartment path by its last name. A policy in the tenancy's root saying
/// <c>in compartment usde-prod-security-cmp</c> names a root-level compartment of that name (the parent company may
/// own one); prod's security compartment sits below the top compartment, below the enclave's parent. A path is now
/// read from the policy's own compartment, with ENC-IAM-080's resolver.</item>
/// <item>A network source's VCN range computed at deploy (an <c>Apply</c>) beside its VCN reference passed a preview as
/// "known only at deploy" (ENC-IDN-006 now fails it).</item>
/// <item>An identity-domain member or credential naming the break-glass user by <c>value</c> and a parent-company user
/// by <c>ocid</c> passed on the identifier that matched (ENC-IDN-004, ENC-IDN-005 judge both).</item>
/// <item>Cloud Guard's tenancy-wide read narrowed by a region or operation condition stayed a maybe of the grant
/// floor, advisory in a preview (ENC-IAM-116 now counts it missing).</item>
/// </list>
/// </summary>
public sealed class IdentityRound12Attacks : AttackClass
{
    private const string NetworkSource = "oci:Identity/networkSource:NetworkSource";
    private const string ParentUser = "ocid1.user.oc1..aaaaaaaaexampleparentcouser00000000000000000000000000000000";
    private const string CloudGuardRead = "allow service cloudguard to read all-resources in tenancy";

    public override IEnumerable<AttackCase> Cases() =>
        PathsFromTheRoot().Concat(ComputedRanges()).Concat(TwoIdentifiers()).Concat(CloudGuard()).Concat(Legitimate());

    private static string First(Prod p, string policy, string containing) =>
        p.Resource(policy).Inputs["statements"]!.AsArray().Select(x => x!.GetValue<string>()).First(x => x.Contains(containing, StringComparison.Ordinal));

    /// <summary>The statement with its <c>compartment id X</c> written as the path <paramref name="path"/>.</summary>
    private static string AsPath(string statement, string path) =>
        Regex.Replace(statement, @"compartment id \S+", $"compartment {path}", RegexOptions.None, TimeSpan.FromSeconds(1));

    private IEnumerable<AttackCase> PathsFromTheRoot()
    {
        yield return Attack("the database's dynamic group granted its vault grant in a root-level compartment named usde-prod-security-cmp", "ENC-IAM-050", p =>
            p.Resource("iam-services-root").Append("statements", AsPath(First(p, "iam-adb-kms", "dynamic-group"), "usde-prod-security-cmp")));
        yield return Attack("the database's dynamic group granted functions in a root-level compartment named like the enclave's", "ENC-IAM-050", p =>
        {
            var dg = Regex.Match(First(p, "iam-adb-kms", "dynamic-group"), @"dynamic-group (\S+)", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
            return p.Resource("iam-services-root").Append("statements", $"allow dynamic-group {dg} to manage functions-family in compartment usde-prod-app-cmp");
        });
        yield return Attack("the alert connectors' topic grant moved to a root-level compartment named usde-prod-security-cmp", "ENC-IAM-097", p =>
            p.Resource("iam-services-root").Append("statements", AsPath(First(p, "oversight-audit-alert-connector-policy", "ons-topics"), "usde-prod-security-cmp")));
    }

    private static ResourceEdit VcnSource(Prod p, JsonNode ipRanges) =>
        p.Add(NetworkSource, "iam-enclave-vcn-networks", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-enclave-vcn-networks", ["description"] = "the enclave VCN's hosts",
            ["virtualSourceLists"] = new JsonArray(new JsonObject { ["vcnId"] = p.Resource("network-vcn").Id(), ["ipRanges"] = ipRanges }),
        }, sibling: "iam-gatekeeper-networks");

    /// <summary>Only a preview holds values computed at deploy; in an export the same edit is a secret (ENC-GOV-006's).</summary>
    private IEnumerable<AttackCase> ComputedRanges()
    {
        yield return Attack("a network source VCN range computed at deploy beside the VCN reference", "ENC-IDN-006",
            p => VcnSource(p, Value.List("10.30.1.0/24")).Append("virtualSourceLists[0].ipRanges", Value.Unknown), Forms.Preview);
        yield return Attack("a network source VCN entry's ranges computed at deploy as a whole", "ENC-IDN-006",
            p => VcnSource(p, Value.List("10.30.1.0/24")).Unknown("virtualSourceLists[0].ipRanges"), Forms.Preview);
        yield return Attack("the gatekeepers' network source gains a public range computed at deploy", "ENC-IDN-006",
            p => p.Resource("iam-gatekeeper-networks").Append("publicSourceLists", Value.Unknown), Forms.Preview);
    }

    private IEnumerable<AttackCase> TwoIdentifiers()
    {
        yield return Attack("a gatekeeper member: the break-glass user by value, a parent-company user by ocid", "ENC-IDN-004", p =>
        {
            var user = DomainUser(p, BreakGlass, BreakGlassEmail);
            return p.Resource("iam-gatekeepers", DomainsGroup)
                .Append("members", new JsonObject { ["type"] = "User", ["value"] = user.Id(), ["ocid"] = ParentUser }).DependsOn("members", user);
        });
        yield return Attack("an API key: the break-glass user by value, a parent-company user by ocid", "ENC-IDN-005", p =>
        {
            var user = DomainUser(p, BreakGlass, BreakGlassEmail);
            return p.Add(DomainsApiKey, "iam-breakglass-key", new JsonObject
            {
                ["idcsEndpoint"] = IdcsEndpoint(p), ["key"] = "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----",
                ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:apikey"),
                ["user"] = new JsonObject { ["value"] = user.Id(), ["ocid"] = ParentUser },
            }, sibling: "iam-gatekeeper-networks").DependsOn("user", user);
        });
    }

    private static string NarrowCloudGuard(Prod p, string condition)
    {
        var policy = p.Resource("iam-services-root");
        var statements = policy.Get("statements")!.AsArray();
        var index = statements.Select(s => s!.GetValue<string>()).ToList().FindIndex(s => s == CloudGuardRead);
        if (index < 0) throw new ArgumentException($"iam-services-root has no statement '{CloudGuardRead}'");
        policy.Set($"statements[{index}]", $"{CloudGuardRead} {condition}");
        return p.StackUrn;
    }

    private IEnumerable<AttackCase> CloudGuard()
    {
        yield return Attack("Cloud Guard reads all-resources only in Frankfurt", "ENC-IAM-116", p => NarrowCloudGuard(p, "where request.region = 'fra'"));
        yield return Attack("Cloud Guard reads all-resources everywhere but Ashburn", "ENC-IAM-116", p => NarrowCloudGuard(p, "where request.region != 'iad'"));
        yield return Attack("Cloud Guard reads all-resources only outside the enclave's top compartment", "ENC-IAM-116",
            p => NarrowCloudGuard(p, "where target.resource.compartment.name != 'usde-prod-top-cmp'"));
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        // Read from the top compartment (where the policy is attached), the path names the enclave's own security compartment.
        yield return Legitimate("the database's vault grant written as a path from the top compartment", p =>
            p.Resource("iam-adb-kms").Append("statements", AsPath(First(p, "iam-adb-kms", "dynamic-group"), "usde-prod-security-cmp")));
        yield return Legitimate("the break-glass user a gatekeeper by value and by its own ocid", p =>
        {
            var user = DomainUser(p, BreakGlass, BreakGlassEmail);
            p.Resource("iam-gatekeepers", DomainsGroup)
                .Append("members", new JsonObject { ["type"] = "User", ["value"] = user.Id(), ["ocid"] = user.Id() }).DependsOn("members", user);
        });
        yield return Legitimate("a second, region-conditioned Cloud Guard read beside its tenancy-wide one", p =>
            p.Resource("iam-services-root").Append("statements", $"{CloudGuardRead} where request.region = 'iad'"));
    }
}
