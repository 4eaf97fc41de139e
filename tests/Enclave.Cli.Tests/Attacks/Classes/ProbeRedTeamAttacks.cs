using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

public sealed class ProbeRedTeamAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Gk = "group 'UsdsEnclave'/'usde-prod-gatekeepers'";
    private const string Op = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string Au = "group 'UsdsEnclave'/'usde-prod-auditors'";
    private const string Net = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";
    private const string AuNet = "where all {request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'}";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("P01 op use adb", "ENC-IAM-009", p => Add(p, "iam-operators", $"allow {Op} to use autonomous-databases in compartment id {Cmp(p, "database")} {Net}"));
        yield return Attack("P02 op manage adb family excl delete", "ENC-IAM-009", p => Add(p, "iam-operators", $"allow {Op} to manage autonomous-database-family in compartment id {Cmp(p, "database")} where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}}"));
        yield return Attack("P03 op read adb", "ENC-IAM-009", p => Add(p, "iam-operators", $"allow {Op} to read autonomous-databases in compartment id {Cmp(p, "database")} {Net}"));
        yield return Attack("P04 gk read objects app", "ENC-IAM-080", p => Add(p, "iam-gatekeepers", $"allow {Gk} to read objects in compartment id {Cmp(p, "app")} {Net}"));
        yield return Attack("P05 gk read objects top", "ENC-IAM-080", p => Add(p, "iam-gatekeepers", $"allow {Gk} to read objects in compartment id {Cmp(p, "top")} {Net}"));
        yield return Attack("P07 au read orm", "ENC-IAM-041", p => Add(p, "iam-auditors", $"allow {Au} to read orm-stacks in compartment id {Cmp(p, "top")} {AuNet}"));
        yield return Attack("P08 au read instance-family", "ENC-IAM-041", p => Add(p, "iam-auditors", $"allow {Au} to read instance-family in compartment id {Cmp(p, "app")} {AuNet}"));
        yield return Attack("P09 au read data-safe", "ENC-IAM-041", p => Add(p, "iam-auditors", $"allow {Au} to read data-safe-family in compartment id {Cmp(p, "database")} {AuNet}"));
        yield return Attack("P11b dg use keys any dgname", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to use keys in compartment id {Cmp(p, "security")}"));
        yield return Attack("P12 dg read objects app", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to read objects in compartment id {Cmp(p, "app")}"));
        yield return Attack("P12b dg manage objects security", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to manage objects in compartment id {Cmp(p, "security")}"));
        yield return Attack("P12c dg read buckets", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to read buckets in compartment id {Cmp(p, "app")}"));
        yield return Attack("P12d dg read secret-bundles any", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to read secret-bundles in compartment id {Cmp(p, "security")}"));
        yield return Attack("P12e dg manage vnics", "ENC-IAM-080", p => Add(p, "iam-adb-kms", $"allow dynamic-group {DgName(p)} to manage vnics in compartment id {Cmp(p, "network")}"));
        yield return Attack("P15 outsider inspect tenancy", "ENC-IAM-040", p => Add(p, "iam-gatekeepers-root", "allow group data-team to inspect all-resources in tenancy"));
        yield return Attack("P16 outsider inspect buckets", "ENC-IAM-040", p => Add(p, "iam-operators", $"allow group data-team to inspect buckets in compartment id {Cmp(p, "app")}"));
        yield return Attack("P16b any-user inspect", "ENC-IAM-040", p => Add(p, "iam-operators", $"allow any-user to inspect compartments in compartment id {Cmp(p, "app")}"));
        yield return Attack("P17 event type case", "ENC-LOG-004", p => { var r = p.Resource("oversight-us-ashburn-1-policy-changes"); var c = r.Get("condition")!.GetValue<string>(); r.Set("condition", c.Replace("createpolicy", "CreatePolicy", StringComparison.Ordinal)); return r.Urn; });
        yield return Attack("P17b event type upper all", "ENC-LOG-004", p => { var r = p.Resource("oversight-us-ashburn-1-policy-changes"); var c = r.Get("condition")!.GetValue<string>(); r.Set("condition", c.Replace("com.oraclecloud.identitycontrolplane", "com.oraclecloud.IdentityControlPlane", StringComparison.Ordinal)); return r.Urn; });
        yield return Attack("P18 event type wildcard", "ENC-LOG-031", p => { var r = p.Resource("oversight-us-ashburn-1-policy-changes"); r.Set("condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.*\"]}"); return r.Urn; });
        yield return Attack("P21 batch time", "ENC-LOG-081", p => Conn(p).Set("target.batchRolloverTimeInMs", 86400000));
        yield return Attack("P21b batch size", "ENC-LOG-081", p => Conn(p).Set("target.batchRolloverSizeInMbs", 100000));
        yield return Attack("P23 source narrowed", "ENC-LOG-002", p => { var c = Conn(p); var arr = (JsonArray)c.Get("source.logSources")!; c.Set("source.logSources", new JsonArray(arr[0]!.DeepClone())); return c; });
        yield return Attack("P25 delivery policy", "ENC-LOG-082", p => p.Resource("oversight-us-ashburn-1-email-0").Set("deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":60000,\"policyType\":\"EXPONENTIAL\"}}"));
        yield return Attack("P27 flow log retention", "ENC-LOG-080", p => p.Resource("network-data-flow-log").Set("retentionDuration", 30));
        yield return Attack("P30 provider tenancy", "ENC-GOV-022", p => Prov(p).Set("tenancyOcid", "ocid1.tenancy.oc1..aaaaaaaaexampleothertenancy"));
        yield return Attack("P31 provider user", "ENC-GOV-080", p => Prov(p).Set("userOcid", "ocid1.user.oc1..aaaaaaaaexampleotheruser"));
        yield return Attack("P32 provider profile", "ENC-GOV-080", p => Prov(p).Set("configFileProfile", "PARENTCO"));
        yield return Attack("P32b provider auth", "ENC-GOV-080", p => Prov(p).Set("auth", "InstancePrincipal"));
        yield return Attack("P32c provider key path", "ENC-GOV-080", p => Prov(p).Set("privateKeyPath", "/home/parent/.oci/key.pem"));
        yield return Attack("P33 provider version", "ENC-GOV-081", p => Prov(p).Set("version", "4.19.0"));
    }

    private static ResourceEdit Conn(Prod p) => p.OfType("oci:Sch/connector:Connector").First(c => c.Get("target.kind")?.GetValue<string>() == "objectStorage");
    private static ResourceEdit Prov(Prod p) => p.OfType("pulumi:providers:oci").First();
    private static string DgName(Prod p) => p.Resource("iam-adb-dynamic-group").Inputs["name"]!.GetValue<string>();
    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;
    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
