using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database names customer contacts.</summary>
public sealed class DatabaseCustomerContacts : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-005", "Autonomous Database names customer contacts", Severity.Low, Enforcement.Advisory,
        "Oracle sends operational and security notices to the customer contacts; they must reach the gatekeepers.",
        "Set customerContacts to the gatekeepers' notification addresses.",
        Cis: "OBP-ADB-4")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
            sink.Judge(db.Urn, db.Label, Assess(context, db));
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        var contacts = db.Input("customerContacts");
        var a = new Assessment();
        if (!contacts.IsKnown) return a.Require(Truth.Unknown, "customerContacts is not empty");
        a.Require(TruthLogic.Of(contacts.AsList().Length > 0), "customerContacts is not empty");
        foreach (var c in contacts.AsList()) a.Require(Scope.Present(c["email"]), "every contact has an email");
        return a;
    }
}
