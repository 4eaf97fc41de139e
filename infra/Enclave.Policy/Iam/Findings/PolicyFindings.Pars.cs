using Enclave.Policy.Graph;
using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>Who may create pre-authenticated requests (PAR_MANAGE, a bucket permission of the manage verb).</summary>
public static partial class PolicyFindings
{
    public const string ParManage = "PAR_MANAGE";

    /// <summary>Resource types whose manage verb includes PAR_MANAGE (Object Storage policy reference).</summary>
    private static readonly string[] ParCapableTypes = ["object-family", "buckets", VerbAccess.AllResources];

    /// <summary>
    /// Every allow/admit that may grant PAR_MANAGE: a manage grant on buckets, object-family or all-resources, or a
    /// permission list naming it, whose condition may be true when <c>request.permission</c> is PAR_MANAGE (every
    /// other variable unknown). A PAR is a bearer URL that bypasses IAM conditions, network sources and MFA.
    /// </summary>
    public static ImmutableArray<PolicyStatement> ParCreators(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
        {
            if (Granting(s) is not var (_, access, condition)) continue;
            var mayInclude = access switch
            {
                VerbAccess { Verb: Verb.Manage } v => ParCapableTypes.Contains(v.ResourceType, StringComparer.OrdinalIgnoreCase),
                PermissionAccess p => p.Permissions.Contains(ParManage, StringComparer.OrdinalIgnoreCase),
                _ => false,
            };
            if (!mayInclude) continue;
            if (condition is null || ConditionEvaluator.Evaluate(condition, v => Only(v, Permission, ParManage)).Possible())
                found.Add(s);
        }
        return found.ToImmutable();
    }
}
