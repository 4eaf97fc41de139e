using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Rules.Iam.Floor;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-116, the grant floor: US oversight keeps what <see cref="OversightFloor"/> declares. Every other IAM rule
/// asks whether a statement grants too much; deleting the auditors' policy or one of its statements grants nothing, so
/// only a rule that asks "may they still?" sees it. The same evaluator as <c>enclave access</c> answers, as the
/// auditors would ask: a member of the configured auditors group, from the stack's auditor network source, with MFA.
/// A grant holds only when some statement certainly gives it and no deny may take it away; an unreadable or
/// deploy-time statement leaves it undetermined, a missing grant or a deny that certainly applies fails.
/// </summary>
public sealed class OversightFloorHeld : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-116", "US oversight keeps its grant floor (auditors, Cloud Guard)", Severity.Critical, Enforcement.Mandatory,
        "Removing the auditors' or Cloud Guard's policy, or a statement of it, grants no one anything, so no ceiling rule sees it, yet it blinds US oversight: the auditors can no longer read the audit trail, see the enclave or read its logs, and Cloud Guard no longer detects.",
        "Keep the program's oversight policies (auditors-root, auditors, services-root): the auditors read audit-events in the tenancy, inspect all-resources in every enclave compartment and read log-content where the log groups are, from their network source with MFA; Cloud Guard reads all-resources and uses network-security-groups in the tenancy.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var view = IamView.For(context);
        var places = new FloorPlaces(context.Graph, view);
        var a = new Assessment();
        // Stack configs always name the auditors (groups.auditor is required, GroupsSection): the floor is US
        // oversight's, so a context naming no auditors (a bare library or test context) has none to hold.
        if (context.Policy.AuditorGroup.Length == 0)
            a.Require(Truth.True, "no auditors group configured: no oversight floor to hold");
        else
        {
            AuditorFloor(context, view, places, a);
            foreach (var grant in OversightFloor.CloudGuard)
                Ask(view, a, Principal.Service(OversightFloor.CloudGuardService), AccessContext.None, "Cloud Guard", grant, places);
        }
        sink.Judge(Scope.StackUrn(context.Graph), "the oversight grant floor", a);
    }

    private static void AuditorFloor(RuleContext context, IamView view, FloorPlaces places, Assessment a)
    {
        var configured = context.Policy.AuditorGroup;
        var slash = configured.IndexOf('/');
        var principal = Principal.GroupMember(configured[(slash + 1)..], slash > 0 ? configured[..slash] : context.Policy.IdentityDomain);
        var identities = DataAccessJudge.For(context).Identities;
        // As the auditors sign in: from one of the stack's auditor network sources, with MFA (ENC-IAM-031 asks both).
        var networks = context.Graph.OfType(EnclaveIdentities.NetworkSourceType)
            .Select(n => n.Input("name").AsString())
            .OfType<string>().Where(n => identities.IsAuditorNetwork(n) == Truth.True).ToList();
        var signIns = networks.Count == 0
            ? [AccessContext.With(("request.user.mfaTotpVerified", "true"))]
            : networks.Select(n => AccessContext.With(("request.networkSource.name", n), ("request.user.mfaTotpVerified", "true"))).ToList();
        foreach (var grant in OversightFloor.Auditor)
            Ask(view, a, principal, signIns, $"the auditors ({configured})", grant, places);
    }

    private static void Ask(IamView view, Assessment a, Principal who, AccessContext signIn, string display, FloorGrant grant, FloorPlaces places) =>
        Ask(view, a, who, [signIn], display, grant, places);

    private static void Ask(IamView view, Assessment a, Principal who, IReadOnlyList<AccessContext> signIns, string display, FloorGrant grant, FloorPlaces places)
    {
        // The grant's wording is made once, not per compartment (thousands at 100k resources), and the violation
        // text only for a grant that is missing (the finding names it only then).
        var what = grant.ToString();
        foreach (var (key, label) in places.Of(grant.Place))
        {
            var held = Truth.False;
            foreach (var signIn in signIns)
                held = held.Or(key is null ? Truth.Unknown : Held(view.Evaluator.MayAllow(who, grant.Verb, grant.Type, key, signIn), grant));
            a.Require(held, $"{display} may {what} in {label}", held != Truth.False ? null :
                $"{display} may no longer {what} in {label}: no statement certainly grants it (policy deleted, statement dropped, narrowed or denied)");
        }
    }

    /// <summary>
    /// Certainly granted: a statement whose type certainly covers the floor's (the type itself, a family holding it, or
    /// all-resources) certainly applies, and no deny of that type (or of all-resources) may apply; narrower denies are
    /// ENC-IAM-042's. Only maybe: a statement that would cover the type if only its place were known, an unreadable
    /// statement, or a deny that may apply (a condition the floor's request leaves undecided narrows the grant: missing). A statement of a narrower type (a read of buckets asked as
    /// "inspect all-resources", which the evaluator matches as a maybe) can never give the floor's type, so it leaves
    /// the grant missing, not undetermined: a preview keeps undetermined findings advisory, and dropping the auditors'
    /// inspect of the enclave passed there because their other, narrower statements matched as maybes.
    /// </summary>
    private static Truth Held(AccessDecision d, FloorGrant grant)
    {
        if (d.Outcome == AccessOutcome.DeniedByDeny && d.Denies.Any(m => Names(m, grant.Type))) return Truth.False;
        if (d.PossibleDenies.Any(m => Names(m, grant.Type) || m.Statement.Syntax is null)) return Truth.Unknown;
        if (d.Grants.Any(m => m.Value == Truth.True && Covers(m, grant.Type))) return Truth.True;
        // A readable statement that covers the type but holds only under a condition the floor's request does not
        // decide (request.region, target.*, request.operation …) is a narrowed grant, not the floor: Cloud Guard reads
        // every region and compartment, the auditors every enclave compartment, as they ask. Counted as a maybe, it
        // stayed advisory in a preview, where "Cloud Guard reads all-resources where request.region = 'eu-frankfurt-1'"
        // blinded the detectors of the enclave's regions.
        return d.Grants.Any(m => m.Value == Truth.Unknown
            && (m.Statement.Syntax is null || Covers(m, grant.Type) && m.Condition != Truth.Unknown)) ? Truth.Unknown : Truth.False;
    }

    private static bool Names(StatementMatch m, string type) =>
        m.Statement.Syntax is GrantStatement { Access: VerbAccess v }
        && (string.Equals(v.ResourceType, type, StringComparison.OrdinalIgnoreCase) || string.Equals(v.ResourceType, "all-resources", StringComparison.OrdinalIgnoreCase));

    /// <summary>The statement's type certainly holds <paramref name="type"/> (not a narrower type the evaluator matched as a maybe).</summary>
    private static bool Covers(StatementMatch m, string type) =>
        m.Statement.Syntax is GrantStatement { Access: VerbAccess v } && ResourceFamilies.Covers(v.ResourceType, type) == Truth.True;
}
