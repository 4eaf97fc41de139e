using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// The IAM resource types that hold or unlock the enclave's data: objects and buckets (user data and the log
/// archive), Autonomous Databases with their backups and containers, vaults, keys and secrets, and log content. Who
/// may reach these is an allow-list (<see cref="DataAccessJudge"/>); everything else is the other IAM rules' concern.
/// </summary>
public static class DataTypes
{
    /// <summary>Every data-bearing IAM type, individual (never a family), in report order.</summary>
    public static readonly ImmutableArray<string> All =
    [
        "objects", "buckets",
        "autonomous-databases", "autonomous-backups", "autonomous-container-databases",
        "vaults", "keys", "key-delegate", "secrets", "secret-bundles",
        "log-content", "log-groups",
    ];

    /// <summary>The IAM types through which each data-bearing Pulumi type is reached (what <c>enclave access</c> asks about).</summary>
    public static readonly IReadOnlyDictionary<string, ImmutableArray<string>> OfPulumiType =
        new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
        {
            [OciTypes.Bucket] = ["objects", "buckets"],
            [OciTypes.AutonomousDatabase] = ["autonomous-databases", "autonomous-backups"],
            [OciTypes.Vault] = ["vaults", "secret-bundles"],
            [OciTypes.Key] = ["keys", "key-delegate"],
            [OciTypes.LogGroup] = ["log-groups", "log-content"],
            [OciTypes.Log] = ["log-content"],
        };

    /// <summary>
    /// What an access may grant on each data-bearing type: the verb (for a permission list, the highest verb among
    /// its permissions of that type) and, for a permission list, the permissions it names. Association statements
    /// grant only the association itself.
    /// </summary>
    public static ImmutableArray<DataGrant> Of(Access access)
    {
        var grants = ImmutableArray.CreateBuilder<DataGrant>();
        switch (access)
        {
            case VerbAccess v:
                foreach (var type in All)
                    if (ResourceFamilies.Covers(v.ResourceType, type).Possible()) grants.Add(new DataGrant(type, v.Verb, []));
                break;
            case PermissionAccess p:
                foreach (var type in All)
                {
                    Verb? highest = null;
                    var listed = ImmutableArray.CreateBuilder<string>();
                    foreach (var permission in p.Permissions)
                    {
                        if (DataPermissions.VerbOn(permission, type) is not { } verb) continue;
                        listed.Add(permission);
                        if (highest is null || verb > highest) highest = verb;
                    }
                    if (highest is { } h) grants.Add(new DataGrant(type, h, listed.ToImmutable()));
                }
                break;
        }
        return grants.ToImmutable();
    }
}

/// <summary>What one statement may give on one data-bearing type.</summary>
/// <param name="Type">The data-bearing IAM type.</param>
/// <param name="Verb">The verb granted (for a permission list, the highest verb of the permissions of this type).</param>
/// <param name="Permissions">For a permission list, the permissions of this type it names; empty for a verb grant.</param>
public sealed record DataGrant(string Type, Verb Verb, ImmutableArray<string> Permissions)
{
    /// <summary>True for a verb grant (every permission of the verb), false for a permission list.</summary>
    public bool IsVerb => Permissions.IsEmpty;
}
