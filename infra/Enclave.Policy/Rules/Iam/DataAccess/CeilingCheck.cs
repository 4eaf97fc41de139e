using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>Is one grant of a persona within the persona's <see cref="Ceiling"/> (rule ENC-IAM-009)?</summary>
internal static class CeilingCheck
{
    /// <summary>Each way the grant goes above the ceiling: certainly (False) or possibly (Unknown).</summary>
    public static IEnumerable<(Truth Outcome, string Problem)> Problems(Persona persona, DataGrant grant, Condition? condition,
        EnclaveIdentities ids)
    {
        var ceiling = PersonaCeilings.For(persona, grant.Type);
        var what = grant.IsVerb ? $"{Name(grant.Verb)} {grant.Type}" : $"{{{string.Join(", ", grant.Permissions)}}} on {grant.Type}";
        if (PersonaCeilings.NeedsGatekeeperNetwork(persona) && grant.Verb > Verb.Inspect)
        {
            var network = ConditionProbe.Pins(condition, [("request.networkSource.name", ids.IsGatekeeperNetwork)]);
            if (network != Truth.True)
                yield return (network, network == Truth.False
                    ? $"{what} without the gatekeeper-network condition (request.networkSource.name = one of the stack's network sources)"
                    : $"{what}: whether its network-source condition names the stack's gatekeeper networks is known only at deploy");
        }
        if (grant.Verb <= ceiling.Max) yield break;
        if (grant.Verb > ceiling.Elevated)
        {
            yield return (Truth.False, $"{what} is above the {persona} ceiling ({Name(ceiling.Elevated)} {grant.Type}{Qualified(ceiling)})");
            yield break;
        }
        switch (ceiling.How)
        {
            case Allowance.Excluding x:
                foreach (var p in x.Permissions)
                {
                    var granted = grant.IsVerb ? DataPermissions.Within(p, grant.Type, grant.Verb) : grant.Permissions.Contains(p, StringComparer.OrdinalIgnoreCase);
                    if (granted && !ConditionProbe.Excludes(condition, p))
                        yield return (Truth.False, $"{what} without ruling out {p} (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, or {Name(ceiling.Elevated)} with request.permission != '{p}')");
                }
                break;
            case Allowance.Only only:
            {
                var beyond = grant.IsVerb
                    ? DataPermissions.Above(grant.Type, ceiling.Max)
                    : grant.Permissions.Where(p => !DataPermissions.Within(p, grant.Type, ceiling.Max));
                var ok = grant.IsVerb
                    ? ConditionProbe.OnlyLets(condition, only.Permissions, beyond)
                    : beyond.All(p => only.Permissions.Contains(p, StringComparer.OrdinalIgnoreCase) || ConditionProbe.Excludes(condition, p));
                if (!ok)
                    yield return (Truth.False, $"{what} lets through more than {string.Join(" and ", only.Permissions)} (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, beyond that only those permissions)");
                break;
            }
            case Allowance.ArchiveBucketsOnly:
            {
                var pinned = ConditionProbe.Pins(condition, [("target.bucket.name", ids.IsArchiveBucket)]);
                if (pinned != Truth.True)
                    yield return (pinned, pinned == Truth.False
                        ? $"{what} reaches buckets other than the log archive: user data (the {persona} ceiling: {Name(ceiling.Max)} {grant.Type}, {Name(ceiling.Elevated)} only where target.bucket.name is a log archive bucket)"
                        : $"{what}: whether its target.bucket.name condition names only log archive buckets is known only at deploy");
                break;
            }
        }
    }

    private static string Qualified(Ceiling c) => c.How switch
    {
        Allowance.Excluding x => $" without {string.Join(", ", x.Permissions)}",
        Allowance.Only o => $" for {string.Join(", ", o.Permissions)} only",
        Allowance.ArchiveBucketsOnly => " of the log archive only",
        _ => "",
    };

    private static string Name(Verb verb) => verb.ToString().ToLowerInvariant();
}
