using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Two classes every name- and grant-based rule was blind to. Deny statements (ENC-IAM-042): they grant nothing, so a
/// deny that blinds the auditors or locks the gatekeepers out passed every IAM rule. Namespaces (ENC-STO-030): a bucket
/// is namespace plus name, so the archive's bucket name in another tenancy's namespace passed every name check. Each
/// passed the gate before.
/// </summary>
public sealed class DenyAndNamespaceAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Gatekeepers = "group 'UsdsEnclave'/'usde-prod-gatekeepers'";
    private const string Auditors = "group 'UsdsEnclave'/'usde-prod-auditors'";
    private const string Elsewhere = "parentcoglobalns";
    private const string Connector = "oversight-archive-us-ashburn-1-connector";

    public override string Name => "DenyAndNamespace";

    public override IEnumerable<AttackCase> Cases() => Denies().Concat(Namespaces());

    private IEnumerable<AttackCase> Denies()
    {
        AttackCase Deny(string name, Func<Prod, string> statement, string policy = "iam-gatekeepers-root") =>
            Attack(name, "ENC-IAM-042", p => p.Resource(policy, PolicyType).Append("statements", statement(p)).Urn);

        yield return Deny("the auditors denied the audit events", _ => $"deny {Auditors} to read audit-events in tenancy");
        yield return Deny("the auditors denied the log content", _ => $"deny {Auditors} to read log-content in tenancy");
        yield return Deny("the auditors denied Cloud Guard's findings", _ => $"deny {Auditors} to read cloud-guard-family in tenancy");
        yield return Deny("the auditors denied the archive by an unconditioned object deny", p => $"deny {Auditors} to read objects in compartment id {Cmp(p, "security")}");
        yield return Deny("the auditors denied the archive bucket by name", _ => $"deny {Auditors} to read objects in tenancy where target.bucket.name = 'usde-prod-log-archive'");
        yield return Deny("the auditors denied by a permission list", _ => $"deny {Auditors} to {{AUDIT_EVENT_READ}} in tenancy");
        yield return Deny("the gatekeepers denied policy management", _ => $"deny {Gatekeepers} to manage policies in tenancy");
        yield return Deny("the gatekeepers denied the network", p => $"deny {Gatekeepers} to manage virtual-network-family in compartment id {Cmp(p, "network")}");
        yield return Deny("any-group denied everything", _ => "deny any-group to inspect all-resources in tenancy");
        yield return Deny("any-user denied the logs", p => $"deny any-user to read log-content in compartment id {Cmp(p, "security")}");
        yield return Deny("the auditors denied under a persona name in lower case", _ => "deny group 'usdsenclave'/'USDE-PROD-AUDITORS' to read audit-events in tenancy");
        yield return Legitimate("the gatekeepers denied the user data bucket's objects",
            p => p.Resource("iam-gatekeepers", PolicyType).Append("statements", $"deny {Gatekeepers} to read objects in compartment id {Cmp(p, "app")} where target.bucket.name = 'usde-prod-user-data'"));
        yield return Legitimate("the auditors denied database contents",
            p => p.Resource("iam-auditors", PolicyType).Append("statements", $"deny {Auditors} to read autonomous-databases in compartment id {Cmp(p, "database")}"));
        yield return Legitimate("another team denied everything in the enclave",
            p => p.Resource("iam-gatekeepers-root", PolicyType).Append("statements", "deny group data-team to manage all-resources in tenancy"));
    }

    private IEnumerable<AttackCase> Namespaces()
    {
        yield return Attack("the archive connector ships to the same bucket name in another namespace", "ENC-STO-030",
            p => p.Resource(Connector).Set("target.namespace", Elsewhere));
        yield return Attack("the Phoenix archive connector ships to another namespace", "ENC-STO-030",
            p => p.Resource("oversight-archive-us-phoenix-1-connector").Set("target.namespace", Elsewhere));
        yield return Attack("the user-data bucket created in another namespace", "ENC-STO-030",
            p => p.Resource("storage-user-data").Set("namespace", Elsewhere));
        yield return Attack("a lifecycle policy on an archive-named bucket of another namespace", "ENC-STO-030", p => p.Add("oci:ObjectStorage/objectLifecyclePolicy:ObjectLifecyclePolicy",
            "storage-archive-tiering", new JsonObject
            {
                ["bucket"] = "usde-prod-log-archive", ["namespace"] = Elsewhere,
                ["rules"] = new JsonArray(new JsonObject { ["name"] = "tier", ["action"] = "ARCHIVE", ["isEnabled"] = true, ["timeAmount"] = "90", ["timeUnit"] = "DAYS" }),
            }, "storage-user-data"));
        yield return Attack("the archive connector's namespace hidden as a secret in the state", "ENC-STO-030",
            p => p.Resource(Connector).Secret("target.namespace"), Forms.Export);
    }

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
