using System.Collections.Immutable;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>
/// <c>us-data-enclave:federation</c> (optional): the identity providers allowed to federate into the enclave, each
/// pinned by name, SAML entity id, the SHA-256 fingerprints of its signing certificates (and optionally the metadata URL). None may be a parent-company IdP or be served
/// from a parent-company domain.
/// </summary>
internal static class FederationSection
{
    private static readonly string[] Fields = ["identityProviders"];
    private static readonly string[] ProviderFields = ["name", "entityId", "metadataUrl", "signingCertificateSha256"];

    /// <summary>Longest entity id or URL accepted (SAML ids are URIs; nothing legitimate comes near this).</summary>
    private const int MaxLength = 1024;

    public static FederationSettings Read(ConfigReader r, ReadContext context)
    {
        var o = r.Object(ConfigKeys.Federation, "an object listing the trusted identity providers", Fields, required: false);
        if (o is null) return FederationSettings.None;
        var items = o.ObjectList("identityProviders",
            "a list of identity providers, each {name, entityId, metadataUrl (optional), signingCertificateSha256}", ProviderFields) ?? [];
        var providers = ImmutableArray.CreateBuilder<AllowedIdentityProvider>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var name = item.String("name", "the identity provider's name (letters, digits, '.', '_', '-')");
            var entityId = item.String("entityId", "the SAML entity id in the provider's metadata (e.g. https://idp.usdata.example/saml)");
            var url = item.String("metadataUrl", "the https URL of the provider's SAML metadata", required: false);
            var pins = item.StringList("signingCertificateSha256",
                "the SHA-256 fingerprints of the provider's signing certificates (64 hex digits each, colons allowed)", required: false);
            var ok = CheckName(r, item, name, context, seen);
            var fingerprints = Fingerprints(r, item.FieldKey("signingCertificateSha256"), pins, ref ok);
            ok &= entityId is not null && CheckUri(r, item.FieldKey("entityId"), entityId, context, httpsOnly: false);
            ok &= url is null || CheckUri(r, item.FieldKey("metadataUrl"), url, context, httpsOnly: true);
            if (ok) providers.Add(new AllowedIdentityProvider { Name = name!, EntityId = entityId!, MetadataUrl = url, SigningCertificateSha256 = fingerprints });
        }
        return new FederationSettings { IdentityProviders = providers.ToImmutable() };
    }

    private static bool CheckName(ConfigReader r, ConfigObject item, string? name, ReadContext context, Dictionary<string, string> seen)
    {
        if (name is null) return false;
        var key = item.FieldKey("name");
        if (!Names.IamName().IsMatch(name))
        {
            r.Report(key, $"'{name}' is not an identity provider name (letters, digits, '.', '_', '-', at most 100 characters)");
            return false;
        }
        if (context.Exclusions.IdentityProviders.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase)) is { } excluded)
        {
            r.Report(key, $"'{name}' is the parent-company identity provider '{excluded}' ({ConfigKeys.ParentExclusions}.identityProviders); " +
                          "only US-controlled identity providers may federate into the enclave");
            return false;
        }
        if (seen.TryGetValue(name, out var first))
        {
            r.Report(key, $"'{name}' is already listed ({first}); list each identity provider once");
            return false;
        }
        seen[name] = key;
        return true;
    }

    /// <summary>An entity id or metadata URL: no blanks, bounded, and (when it names a host) not a parent-company host.</summary>
    private static bool CheckUri(ConfigReader r, string key, string value, ReadContext context, bool httpsOnly)
    {
        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            r.Report(key, $"'{Shorten(value)}' is not usable: it must be one URI of at most {MaxLength} characters without spaces");
            return false;
        }
        var absolute = Uri.TryCreate(value, UriKind.Absolute, out var uri);
        if (httpsOnly && (!absolute || uri!.Scheme != Uri.UriSchemeHttps))
        {
            r.Report(key, $"'{Shorten(value)}' is not an https URL; SAML metadata must be fetched over https (e.g. https://idp.usdata.example/metadata)");
            return false;
        }
        if (absolute && uri!.Host.Length > 0 &&
            context.Exclusions.EmailDomains.FirstOrDefault(d => Names.IsSameOrSubdomain(uri.Host, d)) is { } parent)
        {
            r.Report(key, $"'{Shorten(value)}' is served from the parent-company domain '{parent}' ({ConfigKeys.ParentExclusions}.emailDomains); " +
                          "a parent-company host can issue any identity");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Each pin as lower-case hex (as <c>openssl x509 -noout -fingerprint -sha256</c> prints it, colons allowed). An empty
    /// list is refused: it would look like a pin and trust nothing (leave the key out instead, and the gate says so).
    /// </summary>
    private static ImmutableArray<string> Fingerprints(ConfigReader r, string key, ImmutableArray<string>? pins, ref bool ok)
    {
        if (pins is not { } list) return [];
        if (list.IsEmpty)
        {
            r.Report(key, "is empty: list the SHA-256 fingerprint of each signing certificate the provider uses");
            ok = false;
            return [];
        }
        var result = ImmutableArray.CreateBuilder<string>(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            var hex = list[i].Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                r.Report($"{key}[{i}]", $"'{Shorten(list[i])}' is not a SHA-256 fingerprint: 64 hex digits (colons allowed), " +
                                        "e.g. from `openssl x509 -in idp.pem -noout -fingerprint -sha256`");
                ok = false;
                continue;
            }
            if (result.Contains(hex))
            {
                r.Report($"{key}[{i}]", $"'{Shorten(list[i])}' is already listed; list each certificate once");
                ok = false;
                continue;
            }
            result.Add(hex);
        }
        return result.ToImmutable();
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
