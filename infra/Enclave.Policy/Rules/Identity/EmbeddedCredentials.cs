using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Sign-in material an identity-domain user carries inside its own resource rather than as a credential resource:
/// X.509 certificates, Kerberos realm users, linked social accounts and a database user name (database credentials).
/// Each lets someone sign in as the user without the federated, MFA-guarded path, and no breakGlass entry can
/// allow any of them, so an allowed break-glass user that carries one is still a violation of ENC-IDN-005.
/// </summary>
public static class EmbeddedCredentials
{
    /// <summary>The inputs read (also declared in <see cref="IsolationSettings"/>, so a secret one is itself a finding).</summary>
    public const string X509 = "x509certificates";
    public const string Kerberos = "urnietfparamsscimschemasoracleidcsextensionkerberosUserUser";
    public const string Social = "urnietfparamsscimschemasoracleidcsextensionsocialAccountUser";
    public const string Database = "urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser";

    /// <summary>One finding's worth of requirements for a <c>DomainsUser</c>: every embedded credential is absent.</summary>
    public static Assessment Assess(ResourceNode user)
    {
        var a = new Assessment();
        a.Require(Empty(user.Input(X509)), $"{X509} is empty",
            $"{X509} lets a client certificate sign in as the user, a credential no breakGlass entry can allow");
        a.Require(Empty(user.Input(Kerberos)["realmUsers"]), $"{Kerberos}.realmUsers is empty",
            $"{Kerberos}.realmUsers maps Kerberos principals onto the user, a credential no breakGlass entry can allow");
        a.Require(Empty(user.Input(Social)["socialAccounts"]), $"{Social}.socialAccounts is empty",
            $"{Social}.socialAccounts links social sign-ins to the user, an identity provider no federation entry trusts");
        a.Require(Empty(user.Input(Database)["dbUserName"]), $"{Database}.dbUserName is not set",
            $"{Database}.dbUserName gives the user database credentials, a kind no breakGlass entry can allow");
        return a;
    }

    /// <summary>
    /// Absent, null, an empty list or an empty string: true. Unknown or secret: unknown. Anything else, of whatever
    /// shape (a map or a string where a list belongs), counts as present: what the gate cannot read as empty is not.
    /// </summary>
    private static Truth Empty(PropertyValue value) =>
        value.IsNull ? Truth.True
        : !value.IsKnown ? Truth.Unknown
        : TruthLogic.Of(value is ListValue { Items.IsEmpty: true } || value.AsString() is "");
}
