using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>Are a persona's grants within the persona's <see cref="Ceiling"/>s (rule ENC-IAM-009)?</summary>
internal static class CeilingCheck
{
    /// <summary>
    /// Whether a persona's grants (one statement's, on every data-bearing type it reaches) stay under the persona's
    /// ceilings: True, or the outcome (False: certainly above; Unknown: not decided until deploy) with every way it
    /// goes above, in one sentence. The network condition is one question per statement, not per type.
    /// </summary>
    public static (Truth Outcome, string? Problem) Judge(Persona persona, IEnumerable<DataGrant> grants, Condition? condition,
        EnclaveIdentities ids)
    {
        List<(Truth, string)>? problems = null;
        void Add(Truth outcome, string problem) => (problems ??= []).Add((outcome, problem));
        var aboveInspect = false;
        foreach (var grant in grants)
        {
            aboveInspect |= grant.Verb > Verb.Inspect;
            Above(persona, grant, condition, ids, Add);
        }
        if (aboveInspect && PersonaCeilings.NeedsGatekeeperNetwork(persona))
        {
            var network = ConditionProbe.Pins(condition, [("request.networkSource.name", ids.IsGatekeeperNetwork)]);
            if (network != Truth.True)
                Add(network, network == Truth.False
                    ? "no gatekeeper-network condition (request.networkSource.name = one of the stack's network sources)"
                    : "whether its network-source condition names the stack's gatekeeper networks is known only at deploy");
        }
        if (problems is null) return (Truth.True, null);
        var outcome = problems.Min(p => p.Item1);
        return (outcome, string.Join("; ", problems.Where(p => p.Item1 == outcome).Select(p => p.Item2)));
    }

    /// <summary>Each way one grant goes above the persona's ceiling on its type (the network condition aside).</summary>
    private static void Above(Persona persona, DataGrant grant, Condition? condition, EnclaveIdentities ids, Action<Truth, string> add)
    {
        var ceiling = PersonaCeilings.For(persona, grant.Type);
        if (grant.Verb <= ceiling.Max) return;
        var what = grant.IsVerb ? $"{Name(grant.Verb)} {grant.Type}" : $"{{{string.Join(", ", grant.Permissions)}}} on {grant.Type}";
        if (grant.Verb > ceiling.Elevated)
        {
            add(Truth.False, $"{what} is above the {persona} ceiling ({Name(ceiling.Elevated)} {grant.Type}{Qualified(ceiling)})");
            return;
        }
        foreach (var (outcome, problem) in Problems(ceiling.How, persona, ceiling, grant, what, condition, ids) ?? [])
            add(outcome, problem);
    }

    /// <summary>Why a grant between Max and Elevated does not meet <paramref name="how"/>; null when it does.</summary>
    private static List<(Truth, string)>? Problems(Allowance how, Persona persona, Ceiling ceiling, DataGrant grant, string what,
        Condition? condition, EnclaveIdentities ids)
    {
        List<(Truth, string)>? problems = null;
        void Add(Truth outcome, string problem) => (problems ??= []).Add((outcome, problem));
        switch (how)
        {
            case Allowance.Either either:
                var first = Problems(either.First, persona, ceiling, grant, what, condition, ids);
                return first is null || Problems(either.Second, persona, ceiling, grant, what, condition, ids) is null ? null : first;
            case Allowance.Excluding x:
                foreach (var p in x.Permissions)
                {
                    var granted = grant.IsVerb ? DataPermissions.Within(p, grant.Type, grant.Verb) : grant.Permissions.Contains(p, StringComparer.OrdinalIgnoreCase);
                    if (granted && !ConditionProbe.Excludes(condition, p))
                        Add(Truth.False, $"{what} without ruling out {p} (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, or {Name(ceiling.Elevated)} with request.permission != '{p}')");
                }
                break;
            case Allowance.OperationsOnly ops:
            {
                var allowed = ops.Operations.ToHashSet(StringComparer.Ordinal);
                var pinned = ConditionProbe.Pins(condition, [("request.operation", v => TruthLogic.Of(allowed.Contains(v)))]);
                if (pinned != Truth.True)
                    Add(pinned, $"{what} is not pinned to request.operation {string.Join("/", ops.Operations)} (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type} otherwise)");
                break;
            }
            case Allowance.Only only:
            {
                var beyond = grant.IsVerb
                    ? DataPermissions.Above(grant.Type, ceiling.Max)
                    : grant.Permissions.Where(p => !DataPermissions.Within(p, grant.Type, ceiling.Max));
                var ok = grant.IsVerb
                    ? ConditionProbe.OnlyLets(condition, only.Permissions, beyond)
                    : beyond.All(p => only.Permissions.Contains(p, StringComparer.OrdinalIgnoreCase) || ConditionProbe.Excludes(condition, p));
                if (!ok)
                    Add(Truth.False, $"{what} lets through more than {string.Join(" and ", only.Permissions)} (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, beyond that only those permissions)");
                break;
            }
            case Allowance.ArchiveBucketsOnly:
            {
                var pinned = ConditionProbe.Pins(condition, [("target.bucket.name", ids.IsArchiveBucket)]);
                if (pinned != Truth.True)
                    Add(pinned, pinned == Truth.False
                        ? $"{what} reaches buckets other than the log archive: user data (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, {Name(ceiling.Elevated)} only where target.bucket.name is a log archive bucket)"
                        : $"{what}: whether its target.bucket.name condition names only log archive buckets is known only at deploy");
                break;
            }
            case Allowance.None:
                Add(Truth.False, $"{what} is above the {persona} ceiling ({Name(ceiling.Max)} {grant.Type})");
                break;
        }
        return problems;
    }

    private static string Qualified(Ceiling c) => c.How switch
    {
        Allowance.Excluding x => $" without {string.Join(", ", x.Permissions)}",
        Allowance.Only o => $" for {string.Join(", ", o.Permissions)} only",
        Allowance.ArchiveBucketsOnly => " of the log archive only",
        Allowance.OperationsOnly o => $" for {string.Join("/", o.Operations)} only",
        Allowance.Either e => $"{Qualified(c with { How = e.First })}, or{Qualified(c with { How = e.Second })}",
        _ => "",
    };

    private static string Name(Verb verb) => verb.ToString().ToLowerInvariant();
}
