using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>
/// (statement tree by reference, policy compartment key by ordinal text): copies of a text share their tree, so a
/// statement judged where its policy is attached is judged once per tree and attachment, never by a structural hash.
/// </summary>
internal sealed class TreeAndPlace : IEqualityComparer<(Statement Tree, string? Place)>
{
    public static readonly TreeAndPlace Instance = new();

    public bool Equals((Statement Tree, string? Place) x, (Statement Tree, string? Place) y) =>
        ReferenceEquals(x.Tree, y.Tree) && string.Equals(x.Place, y.Place, StringComparison.Ordinal);

    public int GetHashCode((Statement Tree, string? Place) key) =>
        HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Tree), key.Place is null ? 0 : StringComparer.Ordinal.GetHashCode(key.Place));
}
