using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every credential the stack issues (API keys, auth tokens, customer secret keys, SMTP credentials; legacy and
/// identity-domain resources alike) belongs to a break-glass user whose config entry allows that kind. Kinds no entry
/// can allow (database and OAuth client credentials) and the deploying identity's own credentials (<c>DomainsMy*</c>)
/// are never allowed, nor is sign-in material embedded in an identity-domain user (<see cref="EmbeddedCredentials"/>).
/// </summary>
public sealed class CredentialsAllowListed : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-005", "Credentials only for break-glass users, of the kinds the config allows", Severity.Critical, Enforcement.Mandatory,
        "An API key, auth token or secret key (or a certificate, Kerberos principal, social account or database login embedded in an identity-domain user) is a password that bypasses federation, MFA and the sign-on network perimeter; whoever holds it is that user from anywhere.",
        "Remove the credential, or add its kind to the owner's `breakGlass.users[].credentials` once the gatekeepers approve it.",
        Cis: "1.8, 1.9, 1.10, 1.12");

    /// <summary>Credential types, the kind an entry may allow (null: none can), and where the owner is named.</summary>
    private static readonly (string Type, UserCredential? Kind, string? UserKey)[] Types =
    [
        (OciTypes.ApiKey, UserCredential.ApiKey, "userId"),
        (OciTypes.AuthToken, UserCredential.AuthToken, "userId"),
        (OciTypes.CustomerSecretKey, UserCredential.CustomerSecretKey, "userId"),
        (OciTypes.SmtpCredential, UserCredential.SmtpCredential, "userId"),
        (OciTypes.DbCredential, null, "userId"),
        (OciTypes.DomainsApiKey, UserCredential.ApiKey, "user"),
        (OciTypes.DomainsAuthToken, UserCredential.AuthToken, "user"),
        (OciTypes.DomainsCustomerSecretKey, UserCredential.CustomerSecretKey, "user"),
        (OciTypes.DomainsSmtpCredential, UserCredential.SmtpCredential, "user"),
        (OciTypes.DomainsUserDbCredential, null, "user"),
        (OciTypes.DomainsOauth2clientCredential, null, "user"),
        (OciTypes.DomainsMyApiKey, null, null),
        (OciTypes.DomainsMyAuthToken, null, null),
        (OciTypes.DomainsMyCustomerSecretKey, null, null),
        (OciTypes.DomainsMySmtpCredential, null, null),
        (OciTypes.DomainsMyUserDbCredential, null, null),
        (OciTypes.DomainsMyOauth2clientCredential, null, null),
    ];

    /// <summary>The credential types this rule judges, legacy and of an identity domain (ENC-IDN-096 places the latter).</summary>
    internal static IEnumerable<string> CredentialTypes => Types.Select(t => t.Type);

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var plane = new IdentityPlaneGraph(context);
        foreach (var (type, kind, userKey) in Types)
            foreach (var credential in context.Graph.OfType(type))
            {
                if (kind is not { } k)
                {
                    sink.Fail(credential.Urn, userKey is null
                        ? $"{credential.Label}: a credential for the deploying identity itself, which no breakGlass entry can allow"
                        : $"{credential.Label}: a {OciTypes.ShortName(type)}, a kind of credential no breakGlass entry can allow");
                    continue;
                }
                var (value, ocid) = userKey == "userId"
                    ? (credential.Input("userId"), PropertyValue.Null)
                    : (credential.Input("user")["value"], credential.Input("user")["ocid"]);
                var allowed = plane.UserAllows(credential, userKey!, value, ocid,
                    account => TruthLogic.Of(account.Credentials.Contains(k)), out var who);
                sink.Judge(credential.Urn, allowed,
                    $"{credential.Label}: {who} may hold a credential of kind {k}",
                    $"{credential.Label}: {k} for {who}: breakGlass.users does not allow it",
                    $"{credential.Label}: its user is not known until deploy");
            }
        foreach (var user in context.Graph.OfType(OciTypes.DomainsUser))
            sink.Judge(user.Urn, user.Label, EmbeddedCredentials.Assess(user));
    }
}
