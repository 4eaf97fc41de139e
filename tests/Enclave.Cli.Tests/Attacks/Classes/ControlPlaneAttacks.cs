using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Grants that change the enclave without touching its data: whoever may manage the network, the connectors, Cloud
/// Guard, the event rules, the topics, tags, instances or functions can open a path or blind the oversight out of band,
/// where no gate looks. Outsiders (ENC-IAM-040) get at most inspect; personas (ENC-IAM-041) change only what their role
/// needs. Every attack here passed the gate before those rules existed (the data allow-list only read data types).
/// </summary>
public sealed class ControlPlaneAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string Auditors = "group 'UsdsEnclave'/'usde-prod-auditors'";
    private const string StorageAdmins = "group 'UsdsEnclave'/'usde-prod-storage-admins'";
    private const string Net = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";
    private const string AuditorNet = "where all {request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'}";

    public override string Name => "ControlPlane";

    public override IEnumerable<AttackCase> Cases() => Outsiders().Concat(Personas()).Concat(Hardening());

    /// <summary>ENC-IAM-040: anything above inspect to a principal off the allow-list, on any resource type.</summary>
    private IEnumerable<AttackCase> Outsiders()
    {
        AttackCase Outsider(string name, Func<Prod, string> statement, string policy = "iam-operators") =>
            Attack(name, "ENC-IAM-040", p => Add(p, policy, statement(p)));

        yield return Outsider("another team manages the network", p => $"allow group net-team to manage virtual-network-family in compartment id {Cmp(p, "network")}");
        yield return Outsider("another team launches instances in the enclave", p => $"allow group data-team to manage instance-family in compartment id {Cmp(p, "app")}");
        yield return Outsider("another team places VNICs in the enclave's subnets", p => $"allow group data-team to use subnets in compartment id {Cmp(p, "network")}");
        yield return Outsider("another team redirects the audit archive", p => $"allow group data-team to manage serviceconnectors in compartment id {Cmp(p, "security")}");
        yield return Outsider("another team manages Cloud Guard", _ => "allow group secops-global to manage cloud-guard-family in tenancy", "iam-gatekeepers-root");
        yield return Outsider("another team subscribes to the alert topics", p => $"allow group data-team to manage ons-family in compartment id {Cmp(p, "security")}");
        yield return Outsider("another team opens Bastion sessions", p => $"allow group data-team to manage bastion-family in compartment id {Cmp(p, "security")}");
        yield return Outsider("another team manages Data Safe", p => $"allow group data-team to manage data-safe-family in compartment id {Cmp(p, "database")}");
        yield return Outsider("another team stores database tool connections", p => $"allow group data-team to manage database-tools-family in compartment id {Cmp(p, "database")}");
        yield return Outsider("another team runs Database Management", p => $"allow group data-team to manage dbmgmt-family in compartment id {Cmp(p, "database")}");
        yield return Outsider("another team rewrites the event rules", _ => "allow group data-team to manage cloudevents-rules in tenancy", "iam-gatekeepers-root");
        yield return Outsider("another team tags the enclave's resources", _ => "allow group data-team to use tag-namespaces in tenancy", "iam-gatekeepers-root");
        yield return Outsider("another team deploys functions in the enclave", p => $"allow group data-team to manage functions-family in compartment id {Cmp(p, "database")}");
        yield return Outsider("another team manages the tenancy's settings", _ => "allow group data-team to manage tenancies in tenancy", "iam-gatekeepers-root");
        yield return Outsider("another team reads the network layout", p => $"allow group data-team to read virtual-network-family in compartment id {Cmp(p, "network")}");
        yield return Outsider("another team updates routes through a permission list", p => $"allow group net-team to {{ROUTE_TABLE_UPDATE, VCN_UPDATE}} in compartment id {Cmp(p, "network")}");
        yield return Outsider("a persona's name in the Default domain manages the network", p => $"allow group 'Default'/'usde-prod-gatekeepers' to manage virtual-network-family in compartment id {Cmp(p, "network")}");
        yield return Outsider("any-group manages connectors under a tag condition", p => $"allow any-group to manage serviceconnectors in compartment id {Cmp(p, "security")} where target.resource.tag.ops.owner = 'secops'");
        yield return Outsider("a dynamic group the stack does not declare manages the network", p => $"allow dynamic-group ci-runners to manage virtual-network-family in compartment id {Cmp(p, "network")}");
    }

    /// <summary>ENC-IAM-041: a persona above its control ceiling.</summary>
    private IEnumerable<AttackCase> Personas()
    {
        AttackCase Above(string name, string policy, Func<Prod, string> statement) =>
            Attack(name, "ENC-IAM-041", p => Add(p, policy, statement(p)));

        yield return Above("auditors manage Cloud Guard", "iam-auditors-root", _ => $"allow {Auditors} to manage cloud-guard-family in tenancy {AuditorNet}");
        yield return Above("auditors rewrite the event rules", "iam-auditors-root", _ => $"allow {Auditors} to manage cloudevents-rules in tenancy {AuditorNet}");
        yield return Above("auditors use the alert topics", "iam-auditors", p => $"allow {Auditors} to use ons-topics in compartment id {Cmp(p, "security")} {AuditorNet}");
        yield return Above("auditors update a detector recipe by permission", "iam-auditors-root", _ => $"allow {Auditors} to {{CG_DETECTOR_RECIPE_UPDATE}} in tenancy {AuditorNet}");
        yield return Above("operators manage the network", "iam-operators", p => $"allow {Operators} to manage virtual-network-family in compartment id {Cmp(p, "network")} {Net}");
        yield return Above("operators manage route tables", "iam-operators", p => $"allow {Operators} to manage route-tables in compartment id {Cmp(p, "network")} {Net}");
        yield return Above("operators manage the connectors", "iam-operators", p => $"allow {Operators} to manage serviceconnectors in compartment id {Cmp(p, "security")} {Net}");
        yield return Above("operators manage Data Safe", "iam-operators", p => $"allow {Operators} to manage data-safe-family in compartment id {Cmp(p, "database")} {Net}");
        yield return Above("operators launch instances", "iam-operators", p => $"allow {Operators} to manage instance-family in compartment id {Cmp(p, "app")} {Net}");
        yield return Above("operators manage the Bastion itself", "iam-operators", p => $"allow {Operators} to manage bastion in compartment id {Cmp(p, "security")} {Net}");
        yield return Above("storage admins manage log groups", "iam-storage-admins", p => $"allow {StorageAdmins} to manage log-groups in compartment id {Cmp(p, "security")} {Net}");
        yield return Above("storage admins manage the network", "iam-storage-admins", p => $"allow {StorageAdmins} to manage virtual-network-family in compartment id {Cmp(p, "network")} {Net}");
    }

    private IEnumerable<AttackCase> Hardening()
    {
        // Backups, not their contents: restoring or cloning from one copies the data (BackupContentAttacks).
        yield return Legitimate("operators manage the database's backups",
            p => Add(p, "iam-operators", $"allow {Operators} to manage autonomous-backups in compartment id {Cmp(p, "database")} " +
                "where all {request.permission != 'AUTONOMOUS_DB_BACKUP_CONTENT_READ', request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}"));
        yield return Legitimate("gatekeepers manage the NSGs from their network",
            p => Add(p, "iam-gatekeepers", $"allow group 'UsdsEnclave'/'usde-prod-gatekeepers' to manage network-security-groups in compartment id {Cmp(p, "network")} {Net}"));
        yield return Legitimate("auditors read the event rules' targets",
            p => Add(p, "iam-auditors-root", $"allow {Auditors} to read ons-topics in tenancy {AuditorNet}"));
    }

    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
