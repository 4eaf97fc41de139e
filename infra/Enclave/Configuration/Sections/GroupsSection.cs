using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:groups</c>: the enclave's personas. None may be an excluded parent-company identity,
/// and no two personas may share a group (that would merge their duties).</summary>
internal static class GroupsSection
{
    private static readonly string[] Personas = ["gatekeeper", "operator", "auditor", "storageAdmin"];
    private static readonly string[] Fields = [.. Personas, "identityDomain", "identityDomainUrl"];

    public static GroupSettings? Read(ConfigReader r, ReadContext context)
    {
        var o = r.Object(ConfigKeys.Groups, "an object naming the IAM groups", Fields);
        if (o is null) return null;

        const string what = "an IAM group name (letters, digits, '.', '_', '-', at most 100 characters)";
        var domainKey = o.FieldKey("identityDomain");
        var domain = o.String("identityDomain", "an identity domain name (omit it for the Default domain)", required: false);
        if (domain is not null)
        {
            if (!Names.IamName().IsMatch(domain))
                r.Report(domainKey, $"'{domain}' is not an identity domain name (letters, digits, '.', '_', '-', at most 100 characters)");
            else if (Exclusions.MatchDomain(domain, context.Exclusions) is { } excluded)
                r.Report(domainKey, $"'{domain}' is the parent-company identity domain '{excluded}' " +
                                    $"({ConfigKeys.ParentExclusions}.identityDomains); the enclave's groups must live in a US-controlled domain");
        }

        var url = ReadUrl(r, o, domain);

        var names = new Dictionary<string, string?>();
        foreach (var persona in Personas)
        {
            var key = o.FieldKey(persona);
            var name = o.String(persona, what);
            names[persona] = name;
            if (name is null) continue;
            if (!Names.IamName().IsMatch(name))
            {
                r.Report(key, $"'{name}' is not {what}");
                continue;
            }
            if (Names.ReservedGroupNames.Contains(name))
            {
                r.Report(key, $"'{name}' is a reserved name (a tenancy-wide group or an IAM policy keyword); " +
                              $"name a group of the {persona} persona's own, e.g. usde-{persona.ToLowerInvariant()}s");
                continue;
            }
            if (Exclusions.MatchGroup(name, domain, context.Exclusions) is { } excluded)
                r.Report(key, $"'{name}' is the excluded parent-company group '{excluded}' ({ConfigKeys.ParentExclusions}.groups); " +
                              "use a group that only the US data-security team controls");
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var persona in Personas)
        {
            if (names[persona] is not { } name) continue;
            if (seen.TryGetValue(name, out var first))
                r.Report(o.FieldKey(persona), $"'{name}' is already the {first} group ({o.FieldKey(first)}); each persona needs its own group");
            else seen[name] = persona;
        }

        if (names.Values.Any(n => n is null)) return null;
        return new GroupSettings
        {
            Gatekeeper = names["gatekeeper"]!,
            Operator = names["operator"]!,
            Auditor = names["auditor"]!,
            StorageAdmin = names["storageAdmin"]!,
            IdentityDomain = domain,
            IdentityDomainUrl = url,
        };
    }

    /// <summary>The identity domain's URL (its idcsEndpoint), meaningful only beside the domain's name.</summary>
    private static string? ReadUrl(ConfigReader r, ConfigObject o, string? domain)
    {
        const string what = "the identity domain's URL as `oci iam domain list` shows it, e.g. https://idcs-0123456789abcdef0123456789abcdef.identity.oraclecloud.com:443";
        var key = o.FieldKey("identityDomainUrl");
        if (o.String("identityDomainUrl", what, required: false) is not { } url) return null;
        if (!Names.IdentityDomainUrl().IsMatch(url))
        {
            r.Report(key, $"'{url}' is not {what}");
            return null;
        }
        if (domain is null)
        {
            r.Report(key, "names an identity domain's URL, but groups.identityDomain names no domain (the groups are then Default-domain IAM groups); set both or neither");
            return null;
        }
        return url;
    }
}
