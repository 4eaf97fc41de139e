using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R7 / CIS 1.15: storage managers cannot delete; delete-only grants go to the storage-admin group.</summary>
public sealed class StorageDeleteSeparated : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-006", "Storage managers cannot delete what they manage", Severity.High, Enforcement.Mandatory,
        "Separating delete from manage means one compromised operator cannot destroy the data or the audit archive.",
        "Add `where all {request.permission != 'BUCKET_DELETE', request.permission != 'OBJECT_DELETE', …}` to storage manage grants; give delete-only grants to the storage-admin group.",
        Cis: "1.15");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        // CIS 1.15 is about groups; any-user and service grants are rule ENC-IAM-002's concern.
        foreach (var f in PolicyFindings.StorageManagers(distinct).Where(f => f.Subject is GroupSubject))
        {
            if (f.Guard == StorageGuard.Unguarded)
                // Stryker disable once String : finding wording (docs/testing.md)
                yield return (f.Statement, $"may grant {string.Join(", ", f.MayDelete)} along with management");
            else if (f.Guard == StorageGuard.DeleteOnly && !IsOnly(f.Subject, context.Policy.StorageAdminGroup, context.Policy.IdentityDomain))
                // Stryker disable once String : finding wording (docs/testing.md)
                yield return (f.Statement, "grants storage delete to a group other than the storage admins");
        }
    }
}
