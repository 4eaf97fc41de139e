namespace Enclave.Configuration.Checks;

/// <summary>Matching the enclave's own identities against the parent company's exclusion list. IAM names are
/// case-insensitive in OCI, so every comparison is too.</summary>
public static class Exclusions
{
    private const string DefaultDomain = "Default";

    /// <summary>The exclusion entry naming group <paramref name="name"/> of identity domain <paramref name="domain"/>
    /// (null = Default), if any. <c>Name</c> entries match in every domain; <c>Domain/Name</c> entries in that domain only.</summary>
    public static string? MatchGroup(string name, string? domain, ParentExclusionSettings exclusions)
    {
        foreach (var entry in exclusions.Groups)
        {
            var slash = entry.IndexOf('/');
            var entryName = slash < 0 ? entry : entry[(slash + 1)..];
            var entryDomain = slash < 0 ? null : entry[..slash];
            if (!Same(entryName, name)) continue;
            if (entryDomain is null || Same(entryDomain, domain ?? DefaultDomain)) return entry;
        }
        return null;
    }

    public static string? MatchDomain(string domain, ParentExclusionSettings exclusions) =>
        exclusions.IdentityDomains.FirstOrDefault(d => Same(d, domain));

    public static string? MatchTenancy(string ocid, ParentExclusionSettings exclusions) =>
        exclusions.TenancyOcids.FirstOrDefault(t => string.Equals(t, ocid, StringComparison.Ordinal));

    /// <summary>The excluded e-mail domain that <paramref name="email"/> belongs to (the domain or a subdomain), if any.</summary>
    public static string? MatchEmail(string email, ParentExclusionSettings exclusions) =>
        Names.EmailDomain(email) is { } domain
            ? exclusions.EmailDomains.FirstOrDefault(d => Names.IsSameOrSubdomain(domain, d))
            : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
