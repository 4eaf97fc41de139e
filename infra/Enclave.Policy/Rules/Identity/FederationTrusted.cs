using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every identity provider in the stack, legacy (<c>IdentityProvider</c>) or of an identity domain
/// (<c>DomainsIdentityProvider</c>, social providers included), is one the stack's <c>federation</c> allow-list pins:
/// same name, same SAML entity id in its metadata, for legacy federation the listed metadata URL, and every signing
/// certificate it presents (in its metadata, or a domain provider's <c>signingCertificate</c>) one of the pinned
/// <c>signingCertificateSha256</c> fingerprints: a trusted entity id with another party's certificate is another party.
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
            sink.Judge(idp.Urn, idp.Label, Legacy(idp, trusted));
        foreach (var idp in context.Graph.OfType(OciTypes.DomainsIdentityProvider))
            sink.Judge(idp.Urn, idp.Label, Domains(idp, trusted));
        foreach (var idp in context.Graph.OfType(OciTypes.DomainsSocialIdentityProvider))
            sink.Fail(idp.Urn, $"{idp.Label}: a social identity provider cannot be pinned by a SAML entity id; only federation.identityProviders may federate");
    }

    /// <summary>Is the provider trusted (its verdict as a truth value), for rules that judge what it maps?</summary>
    public static Truth Trusted(ResourceNode idp, PolicyContext policy) => idp.Type switch
    {
        OciTypes.IdentityProvider => Legacy(idp, policy.Identity.IdentityProviders).Outcome,
        OciTypes.DomainsIdentityProvider => Domains(idp, policy.Identity.IdentityProviders).Outcome,
        _ => Truth.False,
    };

    private static Assessment Legacy(ResourceNode idp, IReadOnlyList<TrustedIdentityProvider> trusted)
    {
        var a = new Assessment();
        var entry = Entry(a, idp.Input("name"), trusted);
        if (entry is null) return a;
        if (entry.MetadataUrl is { } url)
            a.Require(idp.Input("metadataUrl").EqualsString(url), $"metadataUrl is {url}");
        a.Require(EntityIdIn(idp.Input("metadata"), entry), $"its metadata declares entityID {entry.EntityId}");
        RequirePinned(a, entry, Certificates(idp.Input("metadata"), "metadata", fromMetadata: true));
        return a;
    }

    private static Assessment Domains(ResourceNode idp, IReadOnlyList<TrustedIdentityProvider> trusted)
    {
        var a = new Assessment();
        var type = idp.Input("type");
        if (!type.IsNull)
            a.Require(type.EqualsString("SAML", StringComparison.OrdinalIgnoreCase), $"type is SAML (not {type}: only SAML providers can be pinned)");
        var entry = Entry(a, idp.Input("partnerName"), trusted);
        if (entry is null) return a;
        // The entity id is stated as partnerProviderId, in the metadata, or both: each one stated must match, and one must be.
        var providerId = idp.Input("partnerProviderId");
        var metadata = idp.Input("metadata");
        if (providerId.IsNull && metadata.IsNull)
            a.Require(Truth.False, $"entity id is stated (partnerProviderId or metadata) as {entry.EntityId}");
        if (!providerId.IsNull) a.Require(providerId.EqualsString(entry.EntityId), $"partnerProviderId is {entry.EntityId}");
        if (!metadata.IsNull) a.Require(EntityIdIn(metadata, entry), $"its metadata declares entityID {entry.EntityId}");
        // The signing certificate is stated as signingCertificate, in the metadata, or both: each one stated must be pinned.
        var certificate = idp.Input("signingCertificate");
        if (certificate.IsNull && metadata.IsNull)
            RequirePinned(a, entry, (Truth.False, [], "it states no signing certificate (signingCertificate or metadata)"));
        if (!certificate.IsNull) RequirePinned(a, entry, Certificates(certificate, "signingCertificate", fromMetadata: false));
        if (!metadata.IsNull) RequirePinned(a, entry, Certificates(metadata, "metadata", fromMetadata: true));
        // Where sign-in is sent: with a pinned metadata URL, the SSO URL must be https on the same host (a trusted
        // certificate with another party's login page is phishing the gatekeepers' credentials).
        var sso = idp.Input("idpSsoUrl");
        if (entry.MetadataUrl is { } pinned && Uri.TryCreate(pinned, UriKind.Absolute, out var pinnedUri) && !sso.IsNull)
            a.Require(OnHost(sso, pinnedUri.Host), $"idpSsoUrl is an https URL on {pinnedUri.Host} (the host of its pinned metadata URL)");
        return a;
    }

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
    private static (Truth Read, IReadOnlyList<string> Fingerprints, string? Problem) Certificates(PropertyValue value, string field, bool fromMetadata)
    {
        if (value.IsSecret) return (Truth.False, [], $"its {field} is secret, so its signing certificate cannot be compared with the pins");
        if (!value.IsKnown) return (Truth.Unknown, [], null);
        if (value.AsString() is not { } text) return (Truth.False, [], $"its {field} is not text");
        string? problem;
        IReadOnlyList<string>? found = fromMetadata
            ? SigningCertificates.InMetadata(text, out problem)
            : SigningCertificates.Fingerprint(text, out problem) is { } one ? [one] : null;
        return found is null ? (Truth.False, [], $"{field}: {problem}") : (Truth.True, found, null);
    }

    private static void RequirePinned(Assessment a, TrustedIdentityProvider entry, (Truth Read, IReadOnlyList<string> Fingerprints, string? Problem) certs)
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
        var foreign = certs.Fingerprints.FirstOrDefault(f => !entry.SigningCertificateSha256.Contains(f, StringComparer.Ordinal));
        a.Require(TruthLogic.Of(foreign is null), Requirement,
            foreign is null ? null : $"it presents a signing certificate with SHA-256 {foreign}, which '{entry.Name}' does not pin");
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
