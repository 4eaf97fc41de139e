using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 10, IAM policy text, as the parent company. A look-alike character (Cyrillic 'е' for 'e', the Kelvin
/// sign, a soft hyphen), or a quoted group name with a space at one end, made a word read as a harmless other one: a
/// deny on a group that is no persona (the gatekeepers' policy management denied: passed before), a grant of a type no
/// rule knows. How OCI reads such text the gate cannot tell (it may fold or trim it), so the parser reads statements and
/// matching rules in ASCII only, rejects quoted names with spaces at either end, and such text counts against the change. Statements respelled with ASCII whitespace and another
/// case still read as written.
/// </summary>
public sealed class IdentityRound10Attacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Guard = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";

    public override IEnumerable<AttackCase> Cases() => LookAlikes().Concat(RevealingReads()).Concat(Legitimate());

    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string StorageAdmins = "group 'UsdsEnclave'/'usde-prod-storage-admins'";

    private static string Compartment(Prod p, string name) => $"compartment id {p.Resource(name).Json["id"]!.GetValue<string>()}";

    /// <summary>
    /// Reads that reveal data (ENC-IAM-041): operators and storage admins read any type that is not data-bearing, so a
    /// Resource Manager stack's Terraform state (the database's admin password), a function's config or an instance's
    /// console history passed; auditors were already held to readable types.
    /// </summary>
    private IEnumerable<AttackCase> RevealingReads()
    {
        yield return Attack("the operators read Resource Manager stacks in the database compartment", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read orm-stacks in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Attack("the storage admins read functions (their config holds credentials) in the app compartment", "ENC-IAM-041", p =>
            p.Resource("iam-storage-admins").Append("statements", $"allow {StorageAdmins} to read functions-family in {Compartment(p, "tenancy-app")} {Guard}"));
        yield return Attack("the operators read Resource Manager jobs by permission", "ENC-IAM-041", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to {{ORM_JOB_READ}} in {Compartment(p, "tenancy-database")} {Guard}"));
    }

    private static string ObjectGrant(Prod p) => p.Resource("iam-operators").Inputs["statements"]!.AsArray()
        .Select(x => x!.GetValue<string>()).Single(x => x.Contains("object-family", StringComparison.Ordinal));

    private IEnumerable<AttackCase> LookAlikes()
    {
        yield return Attack("the gatekeepers denied policy management, their group's name spelled with a Cyrillic 'е'", "ENC-IAM-042", p =>
            p.Resource("iam-gatekeepers-root", PolicyType).Append("statements", "deny group 'UsdsEnclave'/'usde-prod-gatekeep\u0435rs' to manage policies in tenancy"));
        yield return Attack("the gatekeepers denied policy management, their group's quoted name ending in a space", "ENC-IAM-042", p =>
            p.Resource("iam-gatekeepers-root", PolicyType).Append("statements", "deny group 'UsdsEnclave'/'usde-prod-gatekeepers ' to manage policies in tenancy"));
        yield return Attack("the auditors denied the audit events, their domain's quoted name starting with a space", "ENC-IAM-042", p =>
            p.Resource("iam-auditors-root", PolicyType).Append("statements", "deny group ' UsdsEnclave'/'usde-prod-auditors' to read audit-events in tenancy"));
        yield return Attack("Cloud Guard denied the audit events it detects from", "ENC-IAM-042", p =>
            p.Resource("iam-services-root", PolicyType).Append("statements", "deny service cloudguard to read audit-events in tenancy"));
        yield return Attack("any-user manages 'obj\u0435cts' (a Cyrillic 'е') tenancy-wide", "ENC-IAM-003", p =>
            p.Resource("iam-operators").Append("statements", "allow any-user to manage obj\u0435cts in tenancy"));
        yield return Attack("the operators' object grant with a soft hyphen in its type", "ENC-IAM-080", p =>
            p.Resource("iam-operators").Append("statements", ObjectGrant(p).Replace("object-family", "object-fam\u00ADily", StringComparison.Ordinal)));
        yield return Attack("the database's dynamic group typed with a Cyrillic 'о'", "ENC-IAM-010", p =>
        {
            var dg = p.OfType(EnclaveDynamicGroup).First();
            var rule = dg.Inputs["matchingRule"]!.GetValue<string>();
            return dg.Set("matchingRule", rule.Replace("autonomousdatabase", "aut\u043Enomousdatabase", StringComparison.OrdinalIgnoreCase));
        });
    }

    private const string EnclaveDynamicGroup = "oci:Identity/dynamicGroup:DynamicGroup";

    private IEnumerable<AttackCase> Legitimate()
    {
        yield return Legitimate("the operators read the database compartment's alarms (configuration)", p =>
            p.Resource("iam-operators").Append("statements", $"allow {Operators} to read alarms in {Compartment(p, "tenancy-database")} {Guard}"));
        yield return Legitimate("the operators' object grant respelled with tabs, line breaks and upper-case keywords", p =>
            p.Resource("iam-operators").Append("statements", ObjectGrant(p)
                .Replace("allow ", "ALLOW\t", StringComparison.Ordinal).Replace(" to ", "\r\n  TO ", StringComparison.Ordinal)
                .Replace(" where ", "\n\tWHERE ", StringComparison.Ordinal)));
    }
}
