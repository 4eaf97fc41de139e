using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 10, IAM: statements spelled so that the gate reads a harmless other word than OCI may. A Cyrillic
/// look-alike in a group name, a resource type or a condition, or a quoted group name with a space at one end (which
/// OCI may trim), made a deny on the gatekeepers read as a deny on a group that is no persona. The parser now rejects
/// such text, so every critical IAM rule fails it and the lesser ones are undetermined.
/// </summary>
public static class IdentityRound10Cases
{
    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-042", "a deny of policy management on the gatekeepers' group, its name spelled with a Cyrillic 'е'", "root-policy",
            g => AddStatement(g, "deny group 'enclave-gatekeep\u0435rs' to manage policies in tenancy")),
        new("ENC-IAM-042", "a deny of policy management on the gatekeepers' group, its quoted name ending in a space", "root-policy",
            g => AddStatement(g, "deny group 'enclave-gatekeepers ' to manage policies in tenancy")),
        new("ENC-IAM-003", "any-user manages 'obj\u0435cts' (a Cyrillic 'е') tenancy-wide", "root-policy",
            g => AddStatement(g, "allow any-user to manage obj\u0435cts in tenancy")),
        new("ENC-IAM-080", "a persona grant whose network condition ends in a zero-width space", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to read buckets in compartment usde-dev where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}\u200B")),
        new("ENC-IAM-010", "the database's dynamic group typed with a Cyrillic 'о'", "adb-dg", g =>
            g.With("adb-dg", "matchingRule", $"ALL {{resource.type = 'aut\u043Enomousdatabase', resource.compartment.id = '{CompliantEnclave.EnclaveId}'}}")),
        // Reads that reveal data (ENC-IAM-041): a Resource Manager job's Terraform state holds the database's secrets, an
        // instance's console history shows its screen, a function's config holds credentials. Auditors were held to an
        // allow-list of readable types; operators and storage admins read any type that is not data-bearing.
        new("ENC-IAM-041", "operators read Resource Manager stacks (their Terraform state holds the secrets)", "root-policy",
            g => AddStatement(g, $"allow group enclave-operators to read orm-stacks in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "storage admins read the instance family (console histories)", "root-policy",
            g => AddStatement(g, $"allow group enclave-storage-admins to read instance-family in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "operators read Resource Manager jobs by a _READ permission", "root-policy",
            g => AddStatement(g, $"allow group enclave-operators to {{ORM_JOB_READ}} in compartment usde-dev {Guard}")),
        // A deny on a service (ENC-IAM-042): Cloud Guard blinded on the audit events it detects from; the oversight floor
        // asks about all-resources as a whole and still saw its grant.
        new("ENC-IAM-042", "Cloud Guard denied the audit events", "root-policy",
            g => AddStatement(g, "deny service cloudguard to read audit-events in tenancy")),
    ];

    private const string Guard = $"where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}";

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IAM-005", "manage 'all-res\u043Eurces' (a Cyrillic 'о') to the gatekeepers", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to manage all-res\u043Eurces in tenancy where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}")),
        new("ENC-IAM-042", "Cloud Guard denied objects of a bucket that may be the log archive (the archive connector's bucket known only at deploy)", "root-policy", g =>
        {
            g.With("archive-connector", "target", new { kind = "objectStorage", bucket = GraphBuilder.Unknown, @namespace = "enclavens" });
            AddStatement(g, "deny service cloudguard to read objects in tenancy where target.bucket.name = 'usde-dev-data'");
        }),
    ];
}
