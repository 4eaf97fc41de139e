using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// An Autonomous Database's access list (<c>whitelistedIps</c>, <c>standbyWhitelistedIps</c>) names only the
/// gatekeepers' networks and the enclave's own VCNs. ENC-DB-006 refuses the internet and near-open ranges; this is the
/// allow-list behind it: a narrow vendor range, or another VCN's OCID (someone else's VCN, the parent company's)
/// with or without its <c>;CIDR</c> part, is a door no other rule would see.
/// </summary>
public sealed class DatabaseAclAllowListed : SinkRuleBase
{
    private const string VcnPrefix = "ocid1.vcn.";

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-051", "Database access lists name only the gatekeepers' networks and the enclave's VCNs", Severity.Critical, Enforcement.Mandatory,
        "An access-list entry admits whoever holds that address or VCN to the database's listener: a VCN OCID of another compartment or tenancy, or a range the gatekeepers do not own, opens the data to them however narrow it is.",
        "Prefer the private endpoint and an empty access list; otherwise list only CIDRs inside `gatekeeperCidrs` and VCNs of this stack (ocid1.vcn…[;CIDR]).",
        Cis: "2.8");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        var gatekeepers = context.Policy.GatekeeperCidrs;
        foreach (var db in g.OfType(OciTypes.AutonomousDatabase))
        {
            var a = new Assessment();
            foreach (var key in (string[])["whitelistedIps", "standbyWhitelistedIps"])
            {
                var list = key == "whitelistedIps" ? db.Input(key) : db[key];
                if (!list.IsKnown) { a.Require(Truth.Unknown, $"{key} can be read"); continue; }
                foreach (var entry in list.AsList())
                {
                    if (entry.AsString() is { } text && text.Trim().StartsWith(VcnPrefix, StringComparison.OrdinalIgnoreCase))
                    {
                        var vcn = PropertyValue.Of(text.Split(';')[0].Trim());
                        a.Require(References.IdentifiesAny(g, db, key, vcn, vcns), $"{key} entry {text} is a VCN of this stack");
                    }
                    else a.Require(Cidr.WithinAny(entry, gatekeepers), $"{key} entry {entry} is inside the gatekeeper CIDRs");
                }
            }
            if (a.IsEmpty) a.Require(Truth.True, "no access-list entry");
            sink.Judge(db.Urn, db.Label, a);
        }
    }
}
