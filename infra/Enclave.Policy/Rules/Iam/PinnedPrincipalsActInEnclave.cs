using Enclave.Policy.Graph;
using System.Collections.Frozen;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-097: a principal on the allow-list only because its condition pins it to the enclave (any-user where
/// <c>request.principal.compartment.id</c> is an enclave compartment: its connectors, its database, whatever anyone
/// places there) is one of the enclave's machines, like its dynamic groups (ENC-IAM-050, ENC-IAM-080). ENC-IAM-090 holds
/// its reach on data; nothing held its other grants: "the database's resource principal manages the network" (anyone
/// with SQL on it adds an internet route) or "the connectors use streams, functions or topics in the tenancy" (the
/// audit trail and flow logs pushed to the parent company's stream) passed. Such a principal acts only inside the
/// enclave's compartments and holds, above inspect, only what the enclave's machines use: data types as ENC-IAM-090
/// allows, and publishing to topics (the alert connector).
/// </summary>
public sealed class PinnedPrincipalsActInEnclave : IamPlacedRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-097", "Principals admitted by a condition act only inside the enclave, on what its machines use", Severity.Critical, Enforcement.Mandatory,
        "any-user pinned to an enclave compartment is every connector, database, function or instance in it: a grant to manage the network lets whoever runs SQL or code there open a route out, and a grant in the tenancy lets the enclave's connectors deliver logs to streams, functions or topics the parent company owns.",
        "Grant principals admitted by a condition only `in compartment id` of a compartment this stack declares, and only use of ons-topics besides the data types ENC-IAM-090 bounds (objects, buckets, keys, key-delegate, vaults, secret-bundles, each pinned to the stack's own).");

    /// <summary>What the enclave's machines hold above inspect, by type (data types further bounded and pinned by ENC-IAM-090).</summary>
    private static readonly FrozenDictionary<string, Verb> Machines = new Dictionary<string, Verb>(StringComparer.Ordinal)
    {
        // The alert connector publishes the audit alerts to the gatekeepers' topic.
        ["ons-topics"] = Verb.Use,
        // ENC-IAM-090's rows: the archive connectors write objects, the database uses its key and reads its secret.
        ["objects"] = Verb.Manage, ["object-family"] = Verb.Manage, ["buckets"] = Verb.Read,
        ["keys"] = Verb.Use, ["key-delegate"] = Verb.Use, ["vaults"] = Verb.Use, ["secret-bundles"] = Verb.Read,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    protected override bool Concerns(RuleContext context, Statement statement)
    {
        var ids = DataAccessJudge.For(context).Identities;
        // Outsiders whose condition pins nothing are ENC-IAM-002/008/040's; these are the ones those rules let in.
        return statement is GrantStatement { Effect: Effect.Allow } g && PinnedPrincipalsWithinReach.AdmittedByCondition(g.Subject, ids)
            && ConditionProbe.Pins(g.Condition, ids.PrincipalPins) != Truth.False;
    }

    protected override IEnumerable<(Truth Outcome, string Problem)> JudgePlaced(RuleContext context, Statement statement, Func<Location, (Truth Within, string? Why)> inEnclave)
    {
        var g = (GrantStatement)statement;
        // A principal certainly admitted (pinned) makes an objection a violation; one admitted only perhaps (a pin on
        // values known at deploy), a doubt.
        var pinned = ConditionProbe.Pins(g.Condition, DataAccessJudge.For(context).Identities.PrincipalPins);
        var outcome = pinned == Truth.True ? Truth.False : Truth.Unknown;
        // A place the gate cannot resolve (the policy's compartment unknown) is a doubt at most.
        var (within, where) = inEnclave(g.Location);
        if (within != Truth.True)
            yield return (outcome == Truth.False ? within : Truth.Unknown,
                $"a principal admitted by its condition (a resource of the enclave: a connector, the database, a function) is granted {What(g.Access)} in {where}, outside the enclave's compartments, where it can deliver or run what the gate never judges");
        if (Above(g.Access) is { } above)
            yield return (outcome, $"a principal admitted by its condition (a resource of the enclave) may {above}: the enclave's machines hold, above inspect, only {string.Join(", ", Machines.Select(kv => $"{kv.Value.ToString().ToLowerInvariant()} {kv.Key}"))}");
    }

    /// <summary>What of the access goes beyond what the enclave's machines hold, or null.</summary>
    private static string? Above(Access access)
    {
        switch (access)
        {
            case VerbAccess v when v.Verb <= Verb.Inspect:
                return null;
            case VerbAccess v:
                var type = ResourceFamilies.Canonical(v.ResourceType);
                return Machines.TryGetValue(type, out var max) && v.Verb <= max ? null : $"{v.Verb.ToString().ToLowerInvariant()} {v.ResourceType}";
            case PermissionAccess p:
                // Inspect permissions and the data types' (placed and bounded by ENC-IAM-090); nothing else.
                var others = p.Permissions.Where(x => !x.EndsWith("_INSPECT", StringComparison.Ordinal)
                    && !DataTypes.All.Any(t => DataPermissions.VerbOn(x, t) is not null)).ToList();
                return others.Count == 0 ? null : $"hold {string.Join(", ", others)}";
            default:
                return "associate resources across tenancies";
        }
    }

    private static string What(Access access) => access switch
    {
        VerbAccess v => $"{v.Verb.ToString().ToLowerInvariant()} {v.ResourceType}",
        PermissionAccess p => string.Join(", ", p.Permissions),
        _ => "associations",
    };
}
