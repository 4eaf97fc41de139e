using System.Text.RegularExpressions;

namespace Enclave.Configuration.Checks;

/// <summary>Name and address rules for config values (what OCI and mail servers accept).</summary>
/// <remarks>Every pattern ends in <c>\z</c>, never <c>$</c>: .NET's <c>$</c> also matches before a final line feed, so
/// <c>"ParentCo-GlobalAdmins\n"</c> (a double-quoted YAML value) passed as a well-formed group name and, unequal to the
/// excluded <c>ParentCo-GlobalAdmins</c>, as a gatekeeper group.</remarks>
public static partial class Names
{
    /// <summary>Lowercase letters, digits and hyphens, starting with a letter, 2–24 characters (it prefixes
    /// bucket, vault and log names, which have their own limits).</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,22}[a-z0-9]\z")]
    public static partial Regex NamePrefix();

    /// <summary>Autonomous Database name: a letter, then letters or digits, at most 30 characters.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,29}\z")]
    public static partial Regex DbName();

    /// <summary>IAM group or identity domain name: letters, digits, '-', '_', '.', at most 100 characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    public static partial Regex IamName();

    /// <summary>
    /// An identity domain's URL as OCI shows it (the domain's <c>url</c>, a group's <c>idcsEndpoint</c>):
    /// <c>https://idcs-&lt;id&gt;.identity.oraclecloud.com</c>, optionally with <c>:443</c> and a trailing slash.
    /// </summary>
    [GeneratedRegex(@"^https://idcs-[a-z0-9]{1,64}\.identity\.oraclecloud\.com(:443)?/?\z")]
    public static partial Regex IdentityDomainUrl();

    /// <summary>A DNS domain name (e.g. <c>parentco.example</c>).</summary>
    [GeneratedRegex(@"^(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z")]
    public static partial Regex Domain();

    /// <summary>A plain e-mail address: local part (at most 64 characters), '@', a domain name; 254 characters in all (RFC 5321).</summary>
    [GeneratedRegex(@"^(?=.{3,254}\z)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?<domain>(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})\z")]
    public static partial Regex Email();

    /// <summary>
    /// Names an enclave persona group must not take: the tenancy's own Administrators and every-user groups (a
    /// persona named so would hand its duties to, or share them with, everyone in them) and the words the IAM policy
    /// language reserves for principals (<c>any-user</c>, <c>any-group</c>…), which a statement would read as the
    /// keyword, not the group. Compared case-insensitively, as OCI compares group names.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedGroupNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Administrators", "All Domain Users",
        "any-user", "any-group", "any-tenancy", "group", "dynamic-group", "service",
    };

    /// <summary>The domain of a well-formed e-mail address (lowercase), or null.</summary>
    public static string? EmailDomain(string email)
    {
        var m = Email().Match(email);
        return m.Success ? m.Groups["domain"].Value.ToLowerInvariant() : null;
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="excluded"/> or one of its subdomains.</summary>
    public static bool IsSameOrSubdomain(string domain, string excluded)
    {
        domain = domain.ToLowerInvariant();
        excluded = excluded.ToLowerInvariant().TrimStart('@');
        return domain == excluded || domain.EndsWith("." + excluded, StringComparison.Ordinal);
    }
}
