using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// A Policy resource with what every IAM rule reads of it: its label, its statements, and those of them that are
/// unknown until deploy or unreadable. Worked out once per view, not once per rule.
/// </summary>
public sealed record PolicyResource(ResourceNode Node, string Label, IReadOnlyList<PolicyStatement> Statements,
    ImmutableArray<PolicyStatement> Opaque)
{
    /// <summary>
    /// Each Policy resource (in graph order) with the statements whose policy has its URN as source id. A policy's
    /// statements are consecutive in the set, so each is a slice of it (no copy); only two resources with the same
    /// URN need a list of their own.
    /// </summary>
    internal static IReadOnlyList<PolicyResource> All(IEnumerable<ResourceNode> policies, ImmutableArray<PolicyStatement> statements)
    {
        var all = ImmutableCollectionsMarshal.AsArray(statements)!;
        var bySource = new Dictionary<string, IReadOnlyList<PolicyStatement>>(StringComparer.Ordinal);
        for (var start = 0; start < all.Length;)
        {
            var end = start + 1;
            while (end < all.Length && ReferenceEquals(all[end].Policy, all[start].Policy)) end++;
            IReadOnlyList<PolicyStatement> slice = new ArraySegment<PolicyStatement>(all, start, end - start);
            var key = all[start].Policy.SourceId ?? "";
            bySource[key] = bySource.TryGetValue(key, out var earlier) ? [.. earlier, .. slice] : slice;
            start = end;
        }
        return [.. policies.Select(p => bySource.GetValueOrDefault(p.Urn) is { } of
            ? new PolicyResource(p, p.Label, of, OpaqueOf(of))
            : new PolicyResource(p, p.Label, [], []))];
    }

    private static ImmutableArray<PolicyStatement> OpaqueOf(IReadOnlyList<PolicyStatement> statements)
    {
        ImmutableArray<PolicyStatement>.Builder? opaque = null;
        for (var i = 0; i < statements.Count; i++)
            if (statements[i].IsOpaque) (opaque ??= ImmutableArray.CreateBuilder<PolicyStatement>()).Add(statements[i]);
        return opaque?.DrainToImmutable() ?? [];
    }
}
