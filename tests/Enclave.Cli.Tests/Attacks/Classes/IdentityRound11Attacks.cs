using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 11, IAM and identity, as the parent company or a hostile pull request:
/// <list type="bullet">
/// <item>Data Safe: operators read the whole <c>data-safe-family</c>, so its discovery's sensitive data models (sample
/// values of the columns found sensitive), masking reports, audit events and SQL collections; reading them is reading
/// the data. Operators now read <c>data-safe-assessment-family</c> only (the program too), held by ENC-IAM-041.</item>
/// <item>The gatekeepers had no control ceiling: compute, functions, Resource Manager, users, identity domains and
/// domain permissions granted to them passed. ENC-IAM-041 holds them to the enclave's shape.</item>
/// <item>A network source's VCN entry named any VCN (ENC-IDN-097), and ranges written as one string instead of a list
/// were read as none (ENC-IDN-006).</item>
/// </list>
/// </summary>
public sealed class IdentityRound11Attacks : AttackClass
{
    private const string NetworkSource = "oci:Identity/networkSource:NetworkSource";
    private const string Guard = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";
    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string Gatekeepers = "group 'UsdsEnclave'/'usde-prod-gatekeepers'";

    public override IEnumerable<AttackCase> Cases() =>
        DataSafe().Concat(GatekeeperCeiling()).Concat(VcnEntries()).Concat(UndeclaredCompartmentIds()).Concat(EnclaveMachines()).Concat(Legitimate());

    private static string Pin(Prod p, string compartment) => $"request.principal.compartment.id = '{p.Resource(compartment).Json["id"]!.GetValue<string>()}'";

    /// <summary>
    /// any-user pinned to an enclave compartment is the enclave's own machines (its database, its connectors): ENC-IAM-090
    /// bounded their data, nothing their other grants or where they act (ENC-IAM-097).
    /// </summary>
    private IEnumerable<AttackCase> EnclaveMachines()
    {
        yield return Attack("the database's resource principal manages the network (anyone with SQL opens a route)", "ENC-IAM-097", p =>
            p.Resource("iam-adb-kms").Append("statements",
                $"allow any-user to manage virtual-network-family in {Compartment(p, "tenancy-network")} where all {{request.principal.type = 'autonomousdatabase', {Pin(p, "tenancy-database")}}}"));
        yield return Attack("the security compartment's connectors use streams anywhere in the tenancy", "ENC-IAM-097", p =>
            p.Resource("iam-services-root").Append("statements",
                $"allow any-user to use stream-family in tenancy where all {{request.principal.type = 'serviceconnector', {Pin(p, "tenancy-security")}}}"));
        yield return Attack("the security compartment's connectors invoke functions anywhere in the tenancy", "ENC-IAM-097", p =>
            p.Resource("iam-services-root").Append("statements",
                $"allow any-user to use fn-function in tenancy where all {{request.principal.type = 'serviceconnector', {Pin(p, "tenancy-security")}}}"));
        yield return Attack("the security compartment's connectors read the user-data bucket", "ENC-IAM-090", p =>
            p.Resource("oversight-archive-us-ashburn-1-connector-policy").Append("statements",
                $"allow any-user to read objects in {Compartment(p, "tenancy-app")} where all {{request.principal.type = 'serviceconnector', {Pin(p, "tenancy-security")}, target.bucket.name = 'usde-prod-user-data'}}"));
        yield return Attack("the alert connectors' topic grant copied to the tenancy root", "ENC-IAM-097", p =>
        {
            var text = p.Resource("oversight-audit-alert-connector-policy").Inputs["statements"]![0]!.GetValue<string>();
            return p.Resource("iam-services-root").Append("statements", text.Replace(Compartment(p, "tenancy-security"), "tenancy", StringComparison.Ordinal));
        });
    }

    private static string ObjectGrant(Prod p) => p.Resource("iam-operators").Inputs["statements"]!.AsArray()
        .Select(x => x!.GetValue<string>()).Single(x => x.Contains("object-family", StringComparison.Ordinal));

    /// <summary>
    /// `in compartment id X` where X is no compartment of the stack: prod's top compartment sits under a compartment
    /// outside the stack, so the tenancy's own OCID (the root compartment) or any compartment above the enclave was read
    /// as reaching only itself, and a grant there reached every bucket (the archive's and the user data's).
    /// </summary>
    private IEnumerable<AttackCase> UndeclaredCompartmentIds()
    {
        yield return Attack("the operators' object grant placed by the tenancy's OCID", "ENC-IAM-080", p =>
            p.Resource("iam-operators").Append("statements", ObjectGrant(p).Replace(Compartment(p, "tenancy-app"), $"compartment id {Tenancy(p)}", StringComparison.Ordinal)));
        yield return Attack("the gatekeepers read objects in a compartment above the enclave's parent", "ENC-IAM-080", p =>
            p.Resource("iam-gatekeepers").Append("statements", $"allow {Gatekeepers} to read objects in compartment id ocid1.compartment.oc1..aaaaaaaaaboveenclaveparent {Guard}"));
    }

    private static string Compartment(Prod p, string name) => $"compartment id {p.Resource(name).Json["id"]!.GetValue<string>()}";

    private IEnumerable<AttackCase> DataSafe()
    {
        yield return Attack("the operators read the whole Data Safe family again (discovery's sample values)", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read data-safe-family in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Attack("the operators read Data Safe's sensitive data models", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read data-safe-sensitive-data-models in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Attack("the operators use Data Safe's discovery family", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to use data-safe-discovery-family in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Attack("the operators read Data Safe's masking reports", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read data-safe-masking-reports in {Compartment(p, "tenancy-database")} {Guard}"));
    }

    private IEnumerable<AttackCase> GatekeeperCeiling()
    {
        yield return Attack("the gatekeepers manage users in the tenancy (users made out of band)", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers-root").Append("statements", $"allow {Gatekeepers} to manage users in tenancy {Guard}"));
        yield return Attack("the gatekeepers manage identity domains", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers-root").Append("statements", $"allow {Gatekeepers} to manage domains in tenancy {Guard}"));
        yield return Attack("the gatekeepers manage credentials", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers-root").Append("statements", $"allow {Gatekeepers} to manage credentials in tenancy {Guard}"));
        yield return Attack("the gatekeepers manage instances in the app compartment", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers").Append("statements", $"allow {Gatekeepers} to manage instance-family in {Compartment(p, "tenancy-app")} {Guard}"));
        yield return Attack("the gatekeepers manage functions tenancy-wide", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers-root").Append("statements", $"allow {Gatekeepers} to manage functions-family in tenancy {Guard}"));
        yield return Attack("the gatekeepers manage Resource Manager stacks in the database compartment", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers").Append("statements", $"allow {Gatekeepers} to manage orm-stacks in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Attack("the gatekeepers hold {DOMAIN_UPDATE}", "ENC-IAM-041", p =>
            p.Resource("iam-gatekeepers-root").Append("statements", $"allow {Gatekeepers} to {{DOMAIN_UPDATE}} in tenancy {Guard}"));
    }

    private static ResourceEdit VcnSource(Prod p, JsonNode vcnId, JsonNode ipRanges) =>
        p.Add(NetworkSource, "iam-enclave-vcn-networks", new JsonObject
        {
            ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-enclave-vcn-networks", ["description"] = "the enclave VCN's hosts",
            ["virtualSourceLists"] = new JsonArray(new JsonObject { ["vcnId"] = vcnId, ["ipRanges"] = ipRanges }),
        }, sibling: "iam-gatekeeper-networks");

    private IEnumerable<AttackCase> VcnEntries()
    {
        yield return Attack("a network source trusting the parent company's VCN", "ENC-IDN-097", p =>
            VcnSource(p, "ocid1.vcn.oc1.iad.aaaaaaaaparentcompanyvcn", new JsonArray("10.0.1.0/24")));
        yield return Attack("the gatekeepers' network source also trusting the parent company's VCN", "ENC-IDN-097", p =>
            p.Resource("iam-gatekeeper-networks").Set("virtualSourceLists",
                new JsonArray(new JsonObject { ["vcnId"] = "ocid1.vcn.oc1.iad.aaaaaaaaparentcompanyvcn", ["ipRanges"] = new JsonArray("10.0.1.0/24") })));
        yield return Attack("a network source VCN entry whose ranges are one string, 0.0.0.0/0", "ENC-IDN-006", p =>
            VcnSource(p, p.Resource("network-vcn").Id(), "0.0.0.0/0"));
        yield return Attack("the gatekeepers' public ranges written as one string", "ENC-IDN-006", p =>
            p.Resource("iam-gatekeeper-networks").Set("publicSourceLists", "0.0.0.0/0"));
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        yield return Legitimate("the operators read Data Safe's security assessments", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read security-assessments in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Legitimate("the gatekeepers manage a security zone's recipes in the enclave", p =>
            p.Resource("iam-gatekeepers").Append("statements", $"allow {Gatekeepers} to manage security-zone in {Compartment(p, "tenancy-top")} {Guard}"));
        yield return Legitimate("the gatekeepers manage the enclave's NSGs by their own type", p =>
            p.Resource("iam-gatekeepers").Append("statements", $"allow {Gatekeepers} to manage network-security-groups in {Compartment(p, "tenancy-network")} {Guard}"));
        yield return Legitimate("a network source for the enclave VCN's own hosts, narrow", p =>
            VcnSource(p, p.Resource("network-vcn").Id(), new JsonArray("10.0.1.0/24")));
    }
}
