namespace Enclave.Policy.Loaders;

/// <summary>The parts of an engine URN <c>urn:pulumi:STACK::PROJECT::qualified$type::name</c>.</summary>
public readonly record struct UrnParts(string Stack, string Project, string QualifiedType, string Type, string Name)
{
    private const string Prefix = "urn:pulumi:";

    /// <summary>Splits a URN; null when it is not a Pulumi URN. The name may itself contain "::".</summary>
    public static UrnParts? TryParse(string? urn)
    {
        if (!TrySplit(urn, out var stack, out var project, out var qualified, out var name)) return null;
        var q = urn![qualified];
        return new UrnParts(urn[stack], urn[project], q, q[(q.LastIndexOf('$') + 1)..], urn[name]);
    }

    /// <summary>
    /// Where the parts of a URN are, without making a string of each (a loader needs only the name of every
    /// resource); false when it is not a Pulumi URN. Same rule as <see cref="TryParse"/>: the name is everything
    /// after the third <c>::</c>.
    /// </summary>
    public static bool TrySplit(string? urn, out Range stack, out Range project, out Range qualifiedType, out Range name)
    {
        stack = project = qualifiedType = name = default;
        if (urn is null || !urn.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var text = urn.AsSpan();
        var a = text[Prefix.Length..].IndexOf("::", StringComparison.Ordinal);
        if (a < 0) return false;
        a += Prefix.Length;
        var b = text[(a + 2)..].IndexOf("::", StringComparison.Ordinal);
        if (b < 0) return false;
        b += a + 2;
        var c = text[(b + 2)..].IndexOf("::", StringComparison.Ordinal);
        if (c < 0) return false;
        c += b + 2;
        if (a == Prefix.Length || c == b + 2) return false;
        (stack, project, qualifiedType, name) = (Prefix.Length..a, (a + 2)..b, (b + 2)..c, (c + 2)..);
        return true;
    }

    /// <summary>The type a URN names (after the last <c>$</c> of its qualified type).</summary>
    public static string TypeOf(string urn, Range qualifiedType)
    {
        var q = urn.AsSpan(qualifiedType);
        return q[(q.LastIndexOf('$') + 1)..].ToString();
    }

    /// <summary>The URN of the stack resource Pulumi creates for every stack.</summary>
    public static string StackUrn(string stack, string project) =>
        $"{Prefix}{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";

    /// <summary>Splits a provider reference <c>providerUrn::providerId</c> into its URN and id (id null when unknown).</summary>
    public static (string Urn, string? Id) SplitProviderReference(string reference)
    {
        var cut = reference.LastIndexOf("::", StringComparison.Ordinal);
        if (cut < 0) return (reference, null);
        var id = reference[(cut + 2)..];
        return (reference[..cut], id.Length == 0 || id == PulumiValues.UnknownSentinel ? null : id);
    }
}
