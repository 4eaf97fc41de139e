using System.Collections.Immutable;

namespace Enclave.Configuration;

// The identity plane's allow-lists: who may federate into the enclave and which local users (break-glass accounts),
// memberships and credentials may exist. Both keys are optional; absent means none at all, and the policy gate fails
// any identity provider, user, membership or credential the stack's state shows that these lists do not allow.

/// <summary><c>federation</c>: the identity providers the enclave trusts.</summary>
public sealed record FederationSettings
{
    public static readonly FederationSettings None = new();

    /// <summary><c>federation.identityProviders</c>.</summary>
    public ImmutableArray<AllowedIdentityProvider> IdentityProviders { get; init; } = [];
}

/// <summary>
/// One trusted identity provider, pinned by its SAML entity id (and, for legacy federation, its metadata URL): a name
/// alone could be reused for the parent company's IdP with other metadata.
/// </summary>
public sealed record AllowedIdentityProvider
{
    /// <summary><c>name</c>: the IdP's name (<c>IdentityProvider.name</c>, <c>DomainsIdentityProvider.partnerName</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>entityId</c>: the SAML entity id its metadata declares (<c>partnerProviderId</c> in an identity domain).</summary>
    public required string EntityId { get; init; }

    /// <summary><c>metadataUrl</c> (optional): the only metadata URL a legacy <c>IdentityProvider</c> may use.</summary>
    public string? MetadataUrl { get; init; }

    /// <summary>
    /// <c>signingCertificateSha256</c>: SHA-256 fingerprints (lower-case hex) of the DER signing certificates the IdP may
    /// present, two while one rotates. Without any, the gate trusts none of its certificates.
    /// </summary>
    public ImmutableArray<string> SigningCertificateSha256 { get; init; } = [];
}

/// <summary><c>breakGlass</c>: the only local users of the enclave.</summary>
public sealed record BreakGlassSettings
{
    public static readonly BreakGlassSettings None = new();

    /// <summary><c>breakGlass.users</c>.</summary>
    public ImmutableArray<BreakGlassUser> Users { get; init; } = [];
}

/// <summary>Kinds of user credentials OCI issues (each a resource of its own).</summary>
public enum CredentialKind { ApiKey, AuthToken, CustomerSecretKey, SmtpCredential }

/// <summary>One break-glass user: the persona groups it may join and the credentials it may hold.</summary>
public sealed record BreakGlassUser
{
    /// <summary><c>name</c>: the user name (<c>User.name</c>, <c>DomainsUser.userName</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>email</c> (optional): the only e-mail address the user may have.</summary>
    public string? Email { get; init; }

    /// <summary><c>ocid</c> (optional): the user's OCID when it was created outside the stack.</summary>
    public string? Ocid { get; init; }

    /// <summary><c>groups</c>: persona groups (gatekeeper, operator, auditor, storageAdmin) it may be a member of.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];

    /// <summary><c>credentials</c>: apiKey, authToken, customerSecretKey, smtpCredential.</summary>
    public ImmutableArray<CredentialKind> Credentials { get; init; } = [];
}
