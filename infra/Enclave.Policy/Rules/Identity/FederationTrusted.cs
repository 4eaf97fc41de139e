using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every identity provider in the stack, legacy (<c>IdentityProvider</c>) or of an identity domain
/// (<c>DomainsIdentityProvider</c>, social providers included), is one the stack's <c>federation</c> allow-list pins:
/// same name, same SAML entity id in its metadata, for legacy federation the listed metadata URL, and every signing
/// certificate it presents (in its metadata, or a domain provider's <c>signingCertificate</c>) one of the pinned
/// <c>signingCertificateSha256</c> fingerprints: a trusted entity id with another party's certificate is another party.
/// A legacy provider is judged as deployed too: its <c>signingCertificate</c> and <c>redirectUrl</c> outputs are what
/// OCI checks assertions with and sends sign-in to, whatever the program's metadata input says (a console edit or a
/// refreshed state shows them). No certificate presented may have expired by the day of the run: an expired pin is a
/// retired key still trusted (rotate to the next pin); one not yet valid passes (a rotation's next certificate).
/// Where sign-in is sent (a domain provider's <c>idpSsoUrl</c>, the metadata's <c>SingleSignOnService</c> locations,
/// a legacy provider's deployed <c>redirectUrl</c>) must be https on the host of the pinned metadata URL.
/// </summary>
public sealed class FederationTrusted : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-001", "Only allow-listed identity providers federate into the enclave", Severity.Critical, Enforcement.Mandatory,
        "An identity provider decides who its users are: one the gatekeepers did not approve (above all the parent company's) can mint any identity, and a trusted name with other metadata is another provider.",
        "List the provider in `federation.identityProviders` (name, SAML entity id, metadata URL, signingCertificateSha256) or remove it; social identity providers cannot be pinned and are not allowed.")
    {
        Scope = RuleScope.Resource,
    };

    /// <summary>The identity provider types this rule judges, legacy and of an identity domain (ENC-IDN-096 places the latter).</summary>
    internal static readonly string[] ProviderTypes =
        [OciTypes.IdentityProvider, OciTypes.DomainsIdentityProvider, OciTypes.DomainsSocialIdentityProvider];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var trusted = context.Policy.Identity.IdentityProviders;
        foreach (var idp in context.Graph.OfType(OciTypes.IdentityProvider))
            sink.Judge(idp.Urn, idp.Label, Legacy(idp, trusted, context.Today));
        foreach (var idp in context.Graph.OfType(OciTypes.DomainsIdentityProvider))
            sink.Judge(idp.Urn, idp.Label, Domains(idp, trusted, context.Today));
        foreach (var idp in context.Graph.OfType(OciTypes.DomainsSocialIdentityProvider))
            sink.Fail(idp.Urn, $"{idp.Label}: a social identity provider cannot be pinned by a SAML entity id; only federation.identityProviders may federate");
    }

    /// <summary>Is the provider trusted (its verdict as a truth value), for rules that judge what it maps?</summary>
    public static Truth Trusted(ResourceNode idp, PolicyContext policy) =>
        Trusted(idp, policy, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Is the provider trusted on <paramref name="today"/> (the run's day: certificates expire)?</summary>
    public static Truth Trusted(ResourceNode idp, PolicyContext policy, DateOnly today) => idp.Type switch
    {
        OciTypes.IdentityProvider => Legacy(idp, policy.Identity.IdentityProviders, today).Outcome,
        OciTypes.DomainsIdentityProvider => Domains(idp, policy.Identity.IdentityProviders, today).Outcome,
        _ => Truth.False,
    };

    private static Assessment Legacy(ResourceNode idp, IReadOnlyList<TrustedIdentityProvider> trusted, DateOnly today)
    {
        var a = new Assessment();
        var entry = Entry(a, idp.Input("name"), trusted);
        if (entry is null) return a;
        if (entry.MetadataUrl is { } url)
            a.Require(idp.Input("metadataUrl").EqualsString(url), $"metadataUrl is {url}");
        var metadata = idp.Input("metadata");
        a.Require(EntityIdIn(metadata, entry), $"its metadata declares entityID {entry.EntityId}");
        RequirePinned(a, entry, Certificates(metadata, "metadata", fromMetadata: true), today);
        RequireSignInOnHost(a, entry, metadata, sso: null);
        // OCI derives these from the metadata it holds, which a console edit changes without touching the program's
        // input: the deployed values are the certificate assertions are checked with and where sign-in goes. Absent or
        // not computed yet (a plan, an offline run, a preview) they are the metadata's, judged above.
        if (Deployed(idp, "metadata") is { } shown && !shown.Equals(metadata))
        {
            a.Require(EntityIdIn(shown, entry), $"its deployed metadata declares entityID {entry.EntityId}");
            RequirePinned(a, entry, Certificates(shown, "deployed metadata", fromMetadata: true), today);
            RequireSignInOnHost(a, entry, shown, sso: null);
        }
        if (Deployed(idp, "signingCertificate") is { } deployed)
            RequirePinned(a, entry, Certificates(deployed, "deployed signingCertificate", fromMetadata: false), today);
        if (Deployed(idp, "redirectUrl") is { } redirect)
            RequireSignInOnHost(a, entry, metadata: null, redirect, "deployed redirectUrl");
        return a;
    }

    /// <summary>
    /// An output OCI computes, when the artifact shows one: null when absent or not computed yet (an offline run, a
    /// plan, a preview step: nothing deployed, the inputs are judged); a state holds every value.
    /// </summary>
    private static PropertyValue? Deployed(ResourceNode idp, string key) =>
        idp.Outputs.TryGetValue(key, out var value) && !value.IsNull && value is not UnknownValue ? value : null;

    private static Assessment Domains(ResourceNode idp, IReadOnlyList<TrustedIdentityProvider> trusted, DateOnly today)
    {
        var a = new Assessment();
        var type = idp.Input("type");
        if (!type.IsNull)
            a.Require(type.EqualsString("SAML", StringComparison.OrdinalIgnoreCase), $"type is SAML (not {type}: only SAML providers can be pinned)");
        var entry = Entry(a, idp.Input("partnerName"), trusted);
        if (entry is null) return a;
        DomainTrust(a, entry, idp.Input, "", today);
        // As deployed: a certificate, entity id or sign-in URL changed in the console shows only in a state's outputs
        // (the program's input keeps the pinned value), and it is the one the identity domain uses.
        if (DomainFields.Any(key => Deployed(idp, key) is { } deployed && !deployed.Equals(idp.Input(key))))
            DomainTrust(a, entry, key => Deployed(idp, key) ?? idp.Input(key), "deployed ", today);
        return a;
    }

    /// <summary>The fields of a domain provider that say who it is and who signs for it (judged as given and as deployed).</summary>
    private static readonly string[] DomainFields = ["partnerProviderId", "metadata", "signingCertificate", "idpSsoUrl"];

    private static void DomainTrust(Assessment a, TrustedIdentityProvider entry, Func<string, PropertyValue> read, string prefix, DateOnly today)
    {
        // The entity id is stated as partnerProviderId, in the metadata, or both: each one stated must match, and one must be.
        var providerId = read("partnerProviderId");
        var metadata = read("metadata");
        if (providerId.IsNull && metadata.IsNull)
            a.Require(Truth.False, $"entity id is stated ({prefix}partnerProviderId or metadata) as {entry.EntityId}");
        if (!providerId.IsNull) a.Require(providerId.EqualsString(entry.EntityId), $"{prefix}partnerProviderId is {entry.EntityId}");
        if (!metadata.IsNull) a.Require(EntityIdIn(metadata, entry), $"its {prefix}metadata declares entityID {entry.EntityId}");
        // The signing certificate is stated as signingCertificate, in the metadata, or both: each one stated must be pinned.
        var certificate = read("signingCertificate");
        if (certificate.IsNull && metadata.IsNull)
            RequirePinned(a, entry, (Truth.False, [], $"it states no signing certificate ({prefix}signingCertificate or metadata)"), today);
        if (!certificate.IsNull) RequirePinned(a, entry, Certificates(certificate, prefix + "signingCertificate", fromMetadata: false), today);
        if (!metadata.IsNull) RequirePinned(a, entry, Certificates(metadata, prefix + "metadata", fromMetadata: true), today);
        var sso = read("idpSsoUrl");
        RequireSignInOnHost(a, entry, metadata.IsNull ? null : metadata, sso.IsNull ? null : sso, prefix + "idpSsoUrl");
    }

    /// <summary>
    /// Where sign-in is sent: with a pinned metadata URL, every SSO location (the metadata's <c>SingleSignOnService</c>,
    /// the field <paramref name="field"/>) must be https on the same host: a trusted certificate with another party's
    /// login page is phishing the gatekeepers' credentials. Without a pinned URL there is no host to compare with.
    /// </summary>
    private static void RequireSignInOnHost(Assessment a, TrustedIdentityProvider entry, PropertyValue? metadata, PropertyValue? sso, string field = "")
    {
        if (entry.MetadataUrl is not { } pinned || !Uri.TryCreate(pinned, UriKind.Absolute, out var pinnedUri)) return;
        var requirement = $"sign-in goes to an https URL on {pinnedUri.Host} (the host of its pinned metadata URL)";
        if (sso is { } url)
            a.Require(OnHost(url, pinnedUri.Host), $"{field} is an https URL on {pinnedUri.Host} (the host of its pinned metadata URL)");
        // Unreadable metadata already fails the entity id and certificate checks; only readable locations are judged here.
        if (metadata is not { IsKnown: true, IsSecret: false } || metadata.AsString() is not { } xml ||
            SamlMetadata.SingleSignOnLocations(xml, out var tooMany) is not { } locations) return;
        if (tooMany) a.Require(Truth.False, requirement, "its metadata lists more sign-on locations than the gate reads");
        else
            foreach (var location in locations)
                a.Require(OnHost(PropertyValue.Of(location), pinnedUri.Host), requirement,
                    $"its metadata sends sign-in to {Quote(location)}, not an https URL on {pinnedUri.Host}");
    }

    /// <summary>A location from the artifact, cut short for a message (it may be hostile and long).</summary>
    private static string Quote(string text) => text.Length <= 120 ? text : text[..120] + "…";

    /// <summary>The allow-list entry of the provider's name (requirement recorded); null when there is none to compare with.</summary>
    private static TrustedIdentityProvider? Entry(Assessment a, PropertyValue name, IReadOnlyList<TrustedIdentityProvider> trusted)
    {
        if (!name.IsKnown)
        {
            a.Require(Truth.Unknown, "its name is on federation.identityProviders");
            return null;
        }
        var entry = name.AsString() is { } text
            ? trusted.FirstOrDefault(t => string.Equals(t.Name, text, StringComparison.OrdinalIgnoreCase))
            : null;
        a.Require(TruthLogic.Of(entry is not null), $"its name ({name}) is on federation.identityProviders",
            whenViolated: entry is null ? $"'{name}' is not on federation.identityProviders" : null);
        return entry;
    }

    /// <summary>
    /// The fingerprints a value presents: readable (True, fingerprints), deploy-time unknown (Unknown), or unreadable,
    /// secret or empty (False with the reason): a certificate the gate cannot read is never taken as the pinned one.
    /// </summary>
    private static (Truth Read, IReadOnlyList<SigningCertificate> Certificates, string? Problem) Certificates(PropertyValue value, string field, bool fromMetadata)
    {
        if (value.IsSecret) return (Truth.False, [], $"its {field} is secret, so its signing certificate cannot be compared with the pins");
        if (!value.IsKnown) return (Truth.Unknown, [], null);
        if (value.AsString() is not { } text) return (Truth.False, [], $"its {field} is not text");
        string? problem;
        IReadOnlyList<SigningCertificate>? found = fromMetadata
            ? SigningCertificates.ReadMetadata(text, out problem)
            : SigningCertificates.Read(text, out problem) is { } one ? [one] : null;
        return found is null ? (Truth.False, [], $"{field}: {problem}") : (Truth.True, found, null);
    }

    private static void RequirePinned(Assessment a, TrustedIdentityProvider entry, (Truth Read, IReadOnlyList<SigningCertificate> Certificates, string? Problem) certs, DateOnly today)
    {
        const string Requirement = "every signing certificate it presents is pinned by federation.identityProviders[].signingCertificateSha256";
        if (entry.SigningCertificateSha256.IsEmpty)
        {
            a.Require(Truth.False, Requirement, $"'{entry.Name}' pins no signing certificate (federation.identityProviders[].signingCertificateSha256 is empty)");
            return;
        }
        if (certs.Read != Truth.True)
        {
            a.Require(certs.Read, Requirement, certs.Problem);
            return;
        }
        var foreign = certs.Certificates.FirstOrDefault(c => !entry.SigningCertificateSha256.Contains(c.Sha256, StringComparer.Ordinal));
        a.Require(TruthLogic.Of(foreign is null), Requirement,
            foreign is null ? null : $"it presents a signing certificate with SHA-256 {foreign.Sha256}, which '{entry.Name}' does not pin");
        // Decided: an expired certificate fails (not a warning). OCI does not refuse assertions signed with an expired
        // key, so an expired pin keeps a retired (possibly leaked) key trusted; rotate to the next pin. One not yet
        // valid passes (see SigningCertificate.Expired): a rotation's next certificate is pinned ahead of use.
        var stale = certs.Certificates.Select(c => c.Expired(today)).FirstOrDefault(why => why is not null);
        a.Require(TruthLogic.Of(stale is null), "no signing certificate it presents has expired", stale);
    }

    private static Truth OnHost(PropertyValue url, string host)
    {
        if (url.IsSecret) return Truth.False;
        if (!url.IsKnown) return Truth.Unknown;
        return TruthLogic.Of(url.AsString() is { } text && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) &&
                             uri.Scheme == Uri.UriSchemeHttps && string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase));
    }

    private static Truth EntityIdIn(PropertyValue metadata, TrustedIdentityProvider entry)
    {
        if (!metadata.IsKnown) return Truth.Unknown;
        if (metadata.AsString() is not { } xml) return Truth.False;
        return TruthLogic.Of(SamlMetadata.EntityId(xml, out _) is { } id && string.Equals(id, entry.EntityId, StringComparison.Ordinal));
    }
}
