using System.Collections.Immutable;
using System.Net;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:parentExclusions</c>: the parent company's identities and networks. Read first:
/// every other section is checked against it.</summary>
internal static class ParentExclusionsSection
{
    private static readonly string[] Fields =
        ["tenancyOcids", "identityDomains", "groups", "identityProviders", "emailDomains", "cidrs"];

    public static (ParentExclusionSettings? Settings, ImmutableArray<(string Key, IPNetwork2 Block)> Cidrs) Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.ParentExclusions,
            "an object listing the parent company's identities and networks (each field a list, may be empty)", Fields);
        if (o is null) return (null, []);

        var tenancies = o.StringList("tenancyOcids", $"a list of tenancy OCIDs ({Ocid.Example("tenancy")})", required: false) ?? [];
        var domains = o.StringList("identityDomains", "a list of identity domain names", required: false) ?? [];
        var groups = o.StringList("groups", "a list of group names (Name or Domain/Name) or group OCIDs", required: false) ?? [];
        var idps = o.StringList("identityProviders", "a list of identity provider names", required: false) ?? [];
        var emailDomains = o.StringList("emailDomains", "a list of e-mail domains (e.g. parentco.example)", required: false) ?? [];
        var cidrTexts = o.StringList("cidrs", "a list of CIDR blocks", required: false) ?? [];

        Each(r, o.FieldKey("tenancyOcids"), tenancies, t => Ocid.IsGlobal(t, "tenancy"),
            $"is not a tenancy OCID; expected the shape {Ocid.Example("tenancy")} (any realm)");
        Each(r, o.FieldKey("identityDomains"), domains, d => Names.IamName().IsMatch(d),
            "is not an identity domain name (letters, digits, '.', '_', '-', at most 100 characters)");
        Each(r, o.FieldKey("groups"), groups, IsGroupReference,
            $"is not a group name (Name or Domain/Name) or a group OCID ({Ocid.Example("group")})");
        Each(r, o.FieldKey("identityProviders"), idps, n => Names.IamName().IsMatch(n),
            "is not an identity provider name (letters, digits, '.', '_', '-', at most 100 characters)");
        Each(r, o.FieldKey("emailDomains"), emailDomains, d => Names.Domain().IsMatch(d),
            "is not an e-mail domain; write the domain alone, e.g. parentco.example (no '@')");

        var cidrs = ImmutableArray.CreateBuilder<(string, IPNetwork2)>();
        for (var i = 0; i < cidrTexts.Length; i++)
        {
            var key = $"{o.FieldKey("cidrs")}[{i}]";
            if (r.Cidr(key, cidrTexts[i]) is { } block) cidrs.Add((key, block));
        }

        if (tenancies.IsEmpty && domains.IsEmpty && groups.IsEmpty && idps.IsEmpty && emailDomains.IsEmpty && cidrTexts.IsEmpty)
            r.Report(ConfigKeys.ParentExclusions,
                "lists no identity and no network; name at least the parent company's tenancy OCIDs in tenancyOcids");

        return (new ParentExclusionSettings
        {
            TenancyOcids = tenancies,
            IdentityDomains = domains,
            Groups = groups,
            IdentityProviders = idps,
            EmailDomains = emailDomains,
            Cidrs = cidrTexts,
        }, cidrs.ToImmutable());
    }

    private static bool IsGroupReference(string g)
    {
        if (Ocid.LooksLikeOcid(g)) return Ocid.IsGlobal(g, "group");
        var parts = g.Split('/');
        return parts.Length <= 2 && parts.All(p => Names.IamName().IsMatch(p));
    }

    private static void Each(ConfigReader r, string key, ImmutableArray<string> items, Func<string, bool> valid, string problem)
    {
        for (var i = 0; i < items.Length; i++)
            if (!valid(items[i])) r.Report($"{key}[{i}]", $"'{items[i]}' {problem}");
    }
}
