using System.Collections.Immutable;

namespace Enclave.Policy;

/// <summary>
/// The identity plane's allow-lists (stack config <c>federation</c> and <c>breakGlass</c>): the identity providers the
/// enclave trusts and the only local users, with the groups they may join and the credentials they may hold. Empty
/// lists allow nothing: an identity provider, user, membership or credential the lists do not name is a violation.
/// </summary>
public sealed record IdentityPlane
{
    public static readonly IdentityPlane None = new();

    public ImmutableArray<TrustedIdentityProvider> IdentityProviders { get; init; } = [];

    public ImmutableArray<BreakGlassAccount> Users { get; init; } = [];
}

/// <summary>
/// A trusted IdP: its name, the SAML entity id its metadata must declare, (legacy federation) its metadata URL, and
/// the SHA-256 fingerprints of the signing certificates it may use: the certificate, not the name or entity id, is
/// what decides whose assertions the enclave accepts.
/// </summary>
public sealed record TrustedIdentityProvider(string Name, string EntityId, string? MetadataUrl = null)
{
    /// <summary>Lower-case hex SHA-256 fingerprints of the DER signing certificates (several while one rotates); empty pins nothing.</summary>
    public ImmutableArray<string> SigningCertificateSha256 { get; init; } = [];
}

/// <summary>Kinds of user credentials (one OCI resource type each).</summary>
public enum UserCredential { ApiKey, AuthToken, CustomerSecretKey, SmtpCredential }

/// <summary>A break-glass user: name, optional e-mail and OCID, the group names it may join, the credentials it may hold.</summary>
public sealed record BreakGlassAccount(string Name)
{
    public string? Email { get; init; }

    /// <summary>The user's OCID, for a user created outside the stack (memberships and credentials may name it).</summary>
    public string? Ocid { get; init; }

    /// <summary>Names of the groups (the persona groups of the stack) it may be a member of.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];

    public ImmutableArray<UserCredential> Credentials { get; init; } = [];
}
