using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Persona and dynamic-group grants beyond their declared ceilings, each of which passed the gate before this round:
/// operators reaching the database's contents (ENC-IAM-009), gatekeepers reading user data and dynamic groups
/// reaching any key, secret or bucket (ENC-IAM-080, the reach table), auditors reading more than configuration and
/// logs (ENC-IAM-041).
/// </summary>
public sealed class PersonaReachAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Gk = "group 'UsdsEnclave'/'usde-prod-gatekeepers'";
    private const string Op = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string Au = "group 'UsdsEnclave'/'usde-prod-auditors'";
    private const string Guard = "request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'";
    private const string Net = "where all {" + Guard + "}";
    private const string AuNet = "where all {request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'}";

    public override IEnumerable<AttackCase> Cases() => Operators().Concat(Gatekeepers()).Concat(Auditors()).Concat(DynamicGroups()).Concat(Allowed());

    private IEnumerable<AttackCase> Operators()
    {
        AttackCase Db(string name, Func<Prod, string> statement) => Attack(name, "ENC-IAM-009", p => Add(p, "iam-operators", statement(p)));
        yield return Db("operators use the database without an operation pin (wallet download)", p => $"allow {Op} to use autonomous-databases in compartment id {Cmp(p, "database")} {Net}");
        yield return Db("operators read the database", p => $"allow {Op} to read autonomous-databases in compartment id {Cmp(p, "database")} {Net}");
        yield return Db("operators manage the database family excluding only delete", p =>
            $"allow {Op} to manage autonomous-database-family in compartment id {Cmp(p, "database")} where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', {Guard}}}");
        yield return Db("operators generate the wallet by permission", p => $"allow {Op} to {{AUTONOMOUS_DATABASE_CONTENT_READ}} in compartment id {Cmp(p, "database")} {Net}");
        yield return Db("operators clone the database (create not excluded)", p =>
            $"allow {Op} to manage autonomous-databases in compartment id {Cmp(p, "database")} where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_WRITE', request.permission != 'AUTONOMOUS_DATABASE_UPDATE', {Guard}}}");
        yield return Db("operators pinned to an operation list that includes the wallet", p =>
            $"allow {Op} to use autonomous-databases in compartment id {Cmp(p, "database")} where all {{any {{request.operation = 'StopAutonomousDatabase', request.operation = 'GenerateAutonomousDatabaseWallet'}}, {Guard}}}");
    }

    private IEnumerable<AttackCase> Gatekeepers()
    {
        yield return Attack("gatekeepers read objects in the application compartment", "ENC-IAM-080",
            p => Add(p, "iam-gatekeepers", $"allow {Gk} to read objects in compartment id {Cmp(p, "app")} {Net}"));
        yield return Attack("gatekeepers read objects in the enclave's top compartment", "ENC-IAM-080",
            p => Add(p, "iam-gatekeepers", $"allow {Gk} to read objects in compartment id {Cmp(p, "top")} {Net}"));
        yield return Attack("gatekeepers read object-family in the tenancy", "ENC-IAM-080",
            p => Add(p, "iam-gatekeepers-root", $"allow {Gk} to read object-family in tenancy {Net}"));
        yield return Attack("gatekeepers overwrite the user data by permission", "ENC-IAM-080",
            p => Add(p, "iam-gatekeepers", $"allow {Gk} to {{OBJECT_READ, OBJECT_OVERWRITE}} in compartment id {Cmp(p, "app")} {Net}"));
        yield return Attack("operators overwrite the log archive", "ENC-IAM-080",
            p => Add(p, "iam-operators", $"allow {Op} to use objects in compartment id {Cmp(p, "security")} {Net}"));
    }

    private IEnumerable<AttackCase> Auditors()
    {
        AttackCase Reads(string name, Func<Prod, string> statement, string policy = "iam-auditors") => Attack(name, "ENC-IAM-041", p => Add(p, policy, statement(p)));
        yield return Reads("auditors read Resource Manager stacks (state with secrets)", p => $"allow {Au} to read orm-stacks in compartment id {Cmp(p, "top")} {AuNet}");
        yield return Reads("auditors read instance console histories", p => $"allow {Au} to read instance-family in compartment id {Cmp(p, "app")} {AuNet}");
        yield return Reads("auditors read Data Safe reports", p => $"allow {Au} to read data-safe-family in compartment id {Cmp(p, "database")} {AuNet}");
        yield return Reads("auditors read all resources of the tenancy", _ => $"allow {Au} to read all-resources in tenancy {AuNet}", "iam-auditors-root");
        yield return Reads("auditors read function configurations", p => $"allow {Au} to read functions-family in compartment id {Cmp(p, "app")} {AuNet}");
        yield return Reads("auditors read Resource Manager jobs by permission", p => $"allow {Au} to {{ORM_JOB_READ}} in compartment id {Cmp(p, "top")} {AuNet}");
    }

    private IEnumerable<AttackCase> DynamicGroups()
    {
        AttackCase Dg(string name, Func<Prod, string, string> statement) =>
            Attack(name, "ENC-IAM-080", p => Add(p, "iam-adb-kms", statement(p, p.Resource("iam-adb-dynamic-group").Inputs["name"]!.GetValue<string>())));
        yield return Dg("the database's dynamic group uses any key of the security compartment", (p, dg) => $"allow dynamic-group {dg} to use keys in compartment id {Cmp(p, "security")}");
        yield return Dg("the database's dynamic group uses keys tenancy-wide", (_, dg) => $"allow dynamic-group {dg} to use keys in tenancy");
        yield return Dg("the database's dynamic group uses a key of another tenancy", (p, dg) =>
            $"allow dynamic-group {dg} to use keys in compartment id {Cmp(p, "security")} where target.key.id = 'ocid1.key.oc1.iad.parentcokey'");
        yield return Dg("the database's dynamic group reads the user-data objects unpinned", (p, dg) => $"allow dynamic-group {dg} to read objects in compartment id {Cmp(p, "app")}");
        yield return Dg("the database's dynamic group writes the log archive", (p, dg) =>
            $"allow dynamic-group {dg} to manage objects in compartment id {Cmp(p, "security")} where target.bucket.name = 'usde-prod-log-archive'");
        yield return Dg("the database's dynamic group reads every secret", (p, dg) => $"allow dynamic-group {dg} to read secret-bundles in compartment id {Cmp(p, "security")}");
        yield return Dg("the database's dynamic group manages VNICs", (p, dg) => $"allow dynamic-group {dg} to manage vnics in compartment id {Cmp(p, "network")}");
        yield return Dg("the database's dynamic group decrypts by permission", (p, dg) => $"allow dynamic-group {dg} to {{KEY_DECRYPT}} in compartment id {Cmp(p, "security")}");
    }

    private IEnumerable<AttackCase> Allowed()
    {
        yield return Legitimate("operators may only stop the database", p =>
            Add(p, "iam-operators", $"allow {Op} to use autonomous-databases in compartment id {Cmp(p, "database")} where all {{request.operation = 'StopAutonomousDatabase', {Guard}}}"));
        yield return Legitimate("gatekeepers list the user-data objects' names", p =>
            Add(p, "iam-gatekeepers", $"allow {Gk} to inspect objects in compartment id {Cmp(p, "app")} {Net}"));
        yield return Legitimate("auditors read Cloud Guard problems in the tenancy", p =>
            Add(p, "iam-auditors-root", $"allow {Au} to read cloud-guard-family in tenancy {AuNet}"));
        yield return Legitimate("the database's dynamic group uses its own key through key-delegate", p =>
            Add(p, "iam-adb-kms", $"allow dynamic-group {p.Resource("iam-adb-dynamic-group").Inputs["name"]!.GetValue<string>()} to use key-delegate in compartment id {Cmp(p, "security")} where target.key.id = '{p.Resource("keys-database-key").Json["id"]!.GetValue<string>()}'"));
    }

    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;

    private static string Cmp(Prod p, string name) => p.Resource($"tenancy-{name}").Json["id"]!.GetValue<string>();
}
