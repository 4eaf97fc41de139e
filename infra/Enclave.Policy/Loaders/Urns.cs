namespace Enclave.Policy.Loaders;

/// <summary>The parts of an engine URN <c>urn:pulumi:STACK::PROJECT::qualified$type::name</c>.</summary>
public readonly record struct UrnParts(string Stack, string Project, string QualifiedType, string Type, string Name)
{
    private const string Prefix = "urn:pulumi:";

    /// <summary>Splits a URN; null when it is not a Pulumi URN. The name may itself contain "::".</summary>
    public static UrnParts? TryParse(string? urn)
    {
        if (urn is null || !urn.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = urn[Prefix.Length..].Split("::", 4);
        if (parts.Length != 4 || parts[0].Length == 0 || parts[2].Length == 0) return null;
        var qualified = parts[2];
        var type = qualified[(qualified.LastIndexOf('$') + 1)..];
        return new UrnParts(parts[0], parts[1], qualified, type, parts[3]);
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
