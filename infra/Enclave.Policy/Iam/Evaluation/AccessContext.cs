namespace Enclave.Policy.Iam;

/// <summary>
/// Extra facts about a request that conditions may test, beyond the principal and the compartment. Without
/// them those conditions stay unknown; with them a query can ask, say, "…when the target group is
/// Administrators?" (<c>target.group.name</c>).
/// </summary>
public sealed record AccessContext
{
    /// <summary>No extra facts.</summary>
    public static AccessContext None { get; } = new();

    /// <summary>The region key for <c>request.region</c> (IAD, PHX, …).</summary>
    public string? Region { get; init; }

    /// <summary>Condition variables and their values (case-insensitive names), e.g. <c>request.permission</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A context with these variables set.</summary>
    public static AccessContext With(params (string Variable, string Value)[] variables) => new()
    {
        Variables = variables.ToDictionary(v => v.Variable, v => v.Value, StringComparer.OrdinalIgnoreCase),
    };
}
