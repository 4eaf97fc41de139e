using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Rules.Iam.Reach;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-090: a principal that is on the allow-list only because its condition pins it to the enclave
/// (<c>any-user</c>, <c>any-group</c> or another group, <c>where request.principal.compartment.id = …</c>) is a resource
/// of the enclave: a connector, a function, an instance someone placed in an enclave compartment. It is held to what
/// the enclave's machines may do with data (the dynamic-group rows of <see cref="ReachTable"/>, plus the connectors'
/// writes to the log archive): objects and buckets only where <c>target.bucket.name</c> is a log-archive bucket of this
/// stack (the user data is the stack's dynamic groups' alone: a compartment pin admits anything placed there), keys
/// only the stack's own, secret bundles only the stack's own. Without this, a gatekeeper's function (or any resource
/// anyone creates in an enclave compartment) reads the users' objects through a grant no persona ceiling, reach row
/// or dynamic-group rule ever looks at.
/// </summary>
public sealed class PinnedPrincipalsWithinReach : IamRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-090", "Principals admitted by a condition reach data only as the enclave's machines may", Severity.Critical, Enforcement.Mandatory,
        "A grant to any-user pinned to an enclave compartment is a grant to every connector, function or instance anyone places there: without a bucket, key or secret pin it carries the users' data wherever that code sends it, past every persona ceiling.",
        "Pin the grant to the stack's own resources: objects and buckets where target.bucket.name is a log-archive bucket of this stack (read at most on buckets; the user data only through the stack's dynamic groups), keys and key-delegate where target.key.id is a key of this stack (use at most), secret-bundles where target.secret.name is a secret of this stack; nothing above inspect on databases, vaults beyond use, secrets or logs.");

    protected override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> Objections(RuleContext context, IamView view) =>
        Typed(context, view).Select(o => (o.Statement, o.Outcome, o.Problem));

    /// <summary>The objections with the data type each is about (group null: every principal the condition admits).</summary>
    /// <param name="budget">Charged one evaluation per statement and per data type judged (none: unbounded, as the gate's rules run).</param>
    /// <exception cref="EvaluationBudgetExceededException">The objections would pass <paramref name="budget"/>.</exception>
    internal static IEnumerable<ReachObjection> Typed(RuleContext context, IamView view, EvaluationBudget? budget = null)
    {
        var ids = DataAccessJudge.For(context).Identities;
        StackResources? resources = null;
        foreach (var s in view.Policies.Statements)
        {
            budget?.Spend();
            // Stryker disable once Statement,Logical : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow } g || !AdmittedByCondition(g.Subject, ids)) continue;
            // Outsiders whose condition pins nothing are ENC-IAM-002/008's; these are the ones those rules let in.
            if (ConditionProbe.Pins(g.Condition, ids.PrincipalPins) == Truth.False) continue;
            resources ??= new StackResources(context.Graph, ids);
            foreach (var grant in DataTypes.Of(g.Access))
            {
                budget?.Spend();
                if (grant.Verb <= Verb.Inspect) continue;
                var (max, pins) = Reach(grant.Type, ids, resources);
                var what = $"{grant.Verb.ToString().ToLowerInvariant()} {grant.Type}";
                if (grant.Verb > max)
                {
                    yield return new ReachObjection(s, null, grant.Type, Truth.False, $"a principal admitted by its condition (a resource of the enclave) holds {what}; the enclave's machines hold at most {max.ToString().ToLowerInvariant()} {grant.Type}");
                    continue;
                }
                if (pins.Count == 0) continue;
                var pinned = ConditionProbe.Pins(g.Condition, pins);
                if (pinned != Truth.True)
                    yield return new ReachObjection(s, null, grant.Type, pinned, $"a principal admitted by its condition holds {what} without pinning {pins[0].Variable} to this stack's own{(pinned == Truth.Unknown ? " (known only at deploy)" : "")}");
            }
        }
    }

    /// <summary>any-user, any-group, or groups none of which is a persona or one of the stack's dynamic groups.</summary>
    internal static bool AdmittedByCondition(Subject subject, EnclaveIdentities ids) => subject switch
    {
        AnyUserSubject or AnyGroupSubject => true,
        GroupSubject g => g.Groups.Any(r => ids.PersonaOf(r) is null && (!r.IsDynamic || ids.DynamicGroup(r).Allowed == Truth.False)),
        _ => false,
    };

    /// <summary>The most an enclave resource may hold on a data-bearing type, and the pins above inspect.</summary>
    private static (Verb Max, IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> Pins) Reach(string type, EnclaveIdentities ids,
        StackResources resources)
    {
        // Buckets: the log archive only (the connectors' writes). The user data is reached by the stack's dynamic groups,
        // whose matching rules are judged (ENC-IAM-010/080); a pin on a compartment admits whatever anyone places there
        // (a connector of the security compartment, a gatekeeper's function), none of which needs the users' objects.
        Func<string, Truth> stackBucket = ids.IsArchiveBucket;
        return type switch
        {
            "objects" => (Verb.Manage, [("target.bucket.name", stackBucket)]),
            "buckets" => (Verb.Read, [("target.bucket.name", stackBucket)]),
            "keys" or "key-delegate" => (Verb.Use, resources.Variables(Pin.StackKeys)),
            "vaults" => (Verb.Use, []),
            "secret-bundles" => (Verb.Read, resources.Variables(Pin.StackSecrets)),
            _ => (Verb.Inspect, []),
        };
    }
}
