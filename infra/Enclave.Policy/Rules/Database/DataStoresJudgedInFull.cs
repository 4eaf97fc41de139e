using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// The enclave holds its relational data only in Autonomous Databases: the one database type whose encryption key,
/// private endpoint, access list, standbys, clones and backup destinations the gate reads (ENC-DB-*, ENC-REG-002).
/// A DB system or MySQL DB system is known to the gate only as a network listener; its backups can be copied to any
/// region (MySQL <c>backupPolicy.copyPolicies</c>), restored from another region's backup, or left unencrypted by the
/// enclave's keys, and no rule would see it. An allow-list of data stores, not a list of their bad settings.
/// </summary>
public sealed class DataStoresJudgedInFull : SinkRuleBase
{
    /// <summary>Database types the gate knows exist (for reachability) but does not judge as data stores.</summary>
    private static readonly string[] PartlyJudged = [OciTypes.DbSystem, OciTypes.MysqlDbSystem];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-050", "Data is held only in data stores the gate judges in full", Severity.Critical, Enforcement.Mandatory,
        "A database of a type the gate reads only as a network listener holds US data whose encryption key, backup copies (to any region), restore sources and deletion protection no rule checks: it could move the data out of the US or outside the gatekeepers' keys unseen.",
        "Keep the data in the stack's Autonomous Database (and its Data Guard standby); remove DB systems and MySQL DB systems, or add their type to the gate with the rules that judge their keys, backups and copies.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var found = 0;
        foreach (var type in PartlyJudged)
            foreach (var db in context.Graph.OfType(type))
            {
                found++;
                sink.Fail(db.Urn, $"{db.Label}: a {OciTypes.ShortName(type)} holds data, but the gate does not judge its encryption key, backup copies, restore source or protection; keep the data in the Autonomous Database");
            }
        if (found == 0)
            sink.Pass(Scope.StackUrn(context.Graph), "no database of a type the gate judges only as a network listener");
    }
}
