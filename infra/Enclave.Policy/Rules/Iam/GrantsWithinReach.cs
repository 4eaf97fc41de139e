using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Rules.Iam.Reach;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-080: every grant to a persona or to one of the stack's dynamic groups stays inside its row of
/// <see cref="ReachTable"/>: the place (which compartments), the verb, and for dynamic groups the resource the
/// condition pins (its own key, its own secret, a user-data bucket). A dynamic group may hold nothing the table does
/// not list. Judged per statement and policy compartment (a relative path resolves from the policy's compartment).
/// </summary>
public sealed class GrantsWithinReach : IamRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-080", "Personas and dynamic groups reach only their declared places and resources", Severity.Critical, Enforcement.Mandatory,
        "A persona's verb ceiling says what it may do, not where: a gatekeeper who may read objects in the application compartment is a data reader the threat model does not allow, an operator who may write the archive can rewrite the audit trail. A dynamic group is code or SQL running on the enclave's machines: a grant on any key, any secret or any bucket lets that code carry the data wherever the key or bucket reaches.",
        "Gatekeepers: objects and buckets only in the log archive's compartments. Operators and storage admins: objects and buckets only in the user-data compartments (or pin target.bucket.name to the place's buckets). Dynamic groups: use vaults; use keys/key-delegate where target.key.id is a key of the stack; read secret-bundles where target.secret.name is a secret of the stack; objects/buckets only where target.bucket.name is a user-data bucket; nothing else.");

    protected override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> Objections(RuleContext context, IamView view) =>
        Typed(context, view).Select(o => (o.Statement, o.Outcome, o.Problem));

    /// <summary>
    /// The objections with the group and data type each is about, so that `enclave access` marks exactly the rows
    /// (principal, type) the gate fails (<see cref="Reports.DataAccessReport"/>).
    /// </summary>
    /// <param name="budget">Charged one evaluation per statement, per group and type judged, and per compartment a
    /// location is followed into (none: unbounded, as the gate's rules run).</param>
    /// <exception cref="EvaluationBudgetExceededException">The objections would pass <paramref name="budget"/>.</exception>
    internal static IEnumerable<ReachObjection> Typed(RuleContext context, IamView view, EvaluationBudget? budget = null)
    {
        var judge = DataAccessJudge.For(context);
        var ids = judge.Identities;
        Places? places = null;
        StackResources? resources = null;
        // Keyed by the tree's reference (copies of a text share their tree), never by its structural hash.
        var memo = new Dictionary<(Statement, string?), List<(GroupReference, string, Truth, string)>>(TreeAndPlace.Instance);
        foreach (var s in view.Policies.Statements)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: GroupSubject subject } g) continue;
            budget?.Spend();
            if (!memo.TryGetValue((g, s.Policy.CompartmentKey), out var problems))
            {
                places ??= new Places(context.Graph, view, ids, budget);
                resources ??= new StackResources(context.Graph, ids);
                memo[(g, s.Policy.CompartmentKey)] = problems = [.. Judge(g, subject, s.Policy.CompartmentKey, judge, places, resources, budget)];
            }
            foreach (var (group, type, outcome, problem) in problems) yield return new ReachObjection(s, group, type, outcome, problem);
        }
    }

    private static IEnumerable<(GroupReference, string, Truth, string)> Judge(GrantStatement g, GroupSubject subject, string? attachment,
        DataAccessJudge judge, Places places, StackResources resources, EvaluationBudget? budget)
    {
        var ids = judge.Identities;
        foreach (var r in subject.Groups)
        {
            var holder = ids.PersonaOf(r) is { } persona ? HolderOf(persona)
                : r.IsDynamic && ids.DynamicGroup(r).Allowed != Truth.False ? Holder.DynamicGroup
                : (Holder?)null;
            // Stryker disable once Statement : the test binds the holder the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (holder is not { } h) continue;  // outsiders: ENC-IAM-008/040
            // Stryker disable once String,Conditional : who the finding names, wording (docs/testing.md)
            var who = $"{(r.IsDynamic ? "dynamic-group" : "group")} {EnclaveIdentities.Describe(r)}";
            foreach (var (type, verb) in Grants(h, g.Access, judge))
            {
                budget?.Spend();
                if (h != Holder.DynamicGroup && verb <= ReachTable.Free(h, type)) continue;
                // Stryker disable once Statement,Block : the test binds the reach row the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
                if (ReachTable.For(h, type) is not { } row)
                {
                    // Stryker disable once String : finding wording (docs/testing.md)
                    yield return (r, type, Truth.False, $"{who}: {Name(verb)} {type}, which a dynamic group may not hold (it may: {Listed()})");
                    continue;
                }
                // Stryker disable once String : finding wording; the verdict and the comparison before it stay mutated (docs/testing.md)
                if (verb > row.Max) { yield return (r, type, Truth.False, $"{who}: {Name(verb)} {type} is above its reach ({Name(row.Max)})"); continue; }
                if (verb <= Verb.Inspect) continue;
                var pin = resources.Variables(row.Pin);
                if (pin.Count > 0 && ConditionProbe.Pins(g.Condition, pin) is var pinned && pinned != Truth.True)
                    // Stryker disable once String,Equality,Conditional : finding wording; the outcome `pinned` is the verdict and stays mutated (docs/testing.md)
                    yield return (r, type, pinned, $"{who}: {Name(verb)} {type} without {StackResources.Describe(row.Pin)}{(pinned == Truth.Unknown ? " (known only at deploy)" : "")}");
                var (within, why) = places.Within(g.Location, attachment, row.Where);
                // A condition that pins the bucket to the place's own buckets keeps the grant in place wherever it is.
                if (within != Truth.True && row.Where != Place.Enclave
                    && ConditionProbe.Pins(g.Condition, [("target.bucket.name", resources.InPlace(row.Where))]) == Truth.True)
                    within = Truth.True;
                // Stryker disable once String : finding wording (docs/testing.md)
                if (within != Truth.True) yield return (r, type, within, $"{who} ({h}): {Name(verb)} {type}: {why}");
            }
        }
    }

    /// <summary>The (type, verb) pairs an access grants on the types the table speaks of; for dynamic groups, on every type.</summary>
    private static IEnumerable<(string Type, Verb Verb)> Grants(Holder holder, Access access, DataAccessJudge judge)
    {
        if (holder != Holder.DynamicGroup)
        {
            // The judge's answer for this access (made once per distinct access, not once per statement and place).
            foreach (var d in judge.GrantsOf(access)) yield return (d.Type, d.Verb);
            yield break;
        }
        switch (access)
        {
            case VerbAccess v:
                yield return (ResourceFamilies.Canonical(v.ResourceType), v.Verb);
                break;
            case PermissionAccess p:
                foreach (var permission in p.Permissions)
                {
                    var placed = DataTypes.All.Select(t => (t, DataPermissions.VerbOn(permission, t))).FirstOrDefault(x => x.Item2 is not null);
                    yield return placed.Item2 is { } verb ? (placed.t, verb) : (permission, Verb.Manage);
                }
                break;
            default:
                yield return ("associations across tenancies", Verb.Manage);
                break;
        }
    }

    // Stryker disable once all : the list of what a dynamic group may hold, wording of the finding only (docs/testing.md)
    private static string Listed() => string.Join(", ", ReachTable.Rows.Where(r => r.Holder == Holder.DynamicGroup)
        .Select(r => $"{Name(r.Max)} {r.Type}{(r.Pin == Pin.None ? "" : $" with {StackResources.Describe(r.Pin)}")}"));

    private static Holder HolderOf(Persona persona) => persona switch
    {
        Persona.Gatekeeper => Holder.Gatekeeper,
        Persona.Operator => Holder.Operator,
        Persona.Auditor => Holder.Auditor,
        _ => Holder.StorageAdmin,
    };

    // Stryker disable once all : a verb's name in the finding, wording (docs/testing.md)
    private static string Name(Verb verb) => verb.ToString().ToLowerInvariant();
}
