namespace Enclave.Policy.Review.Diff;

/// <summary>
/// The part of a URN that names a resource within its stack: <c>qualifiedType::name</c>, without the
/// <c>urn:pulumi:STACK::PROJECT::</c> prefix. Resources are matched on it so two stacks (a dev plan against a
/// prod plan) can be compared too.
/// </summary>
public static class UrnKey
{
    public static string Of(string urn)
    {
        if (!urn.StartsWith("urn:pulumi:", StringComparison.Ordinal)) return urn;
        var first = urn.IndexOf("::", StringComparison.Ordinal);
        if (first < 0) return urn;
        var second = urn.IndexOf("::", first + 2, StringComparison.Ordinal);
        return second < 0 ? urn : urn[(second + 2)..];
    }
}
