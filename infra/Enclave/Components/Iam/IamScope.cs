using Enclave.Configuration;

namespace Enclave.Components.Iam;

/// <summary>Resolved OCIDs the enclave's policy statements point at (statements are plain text, so ids, not Outputs).</summary>
public sealed record IamScope(
    string TopCompartmentId,
    string NetworkCompartmentId,
    string SecurityCompartmentId,
    string DatabaseCompartmentId,
    string AppCompartmentId,
    string DatabaseKeyId,
    string BucketsKeyId,
    string AdminSecretName);

/// <summary>
/// Who the statements are about: the persona groups (optionally in a named identity domain), the database's dynamic
/// group and the network sources that condition console/API access (gatekeepers, operators and storage admins from the
/// gatekeeper networks; auditors from their own).
/// </summary>
public sealed record Personas(
    string Gatekeeper,
    string Operator,
    string Auditor,
    string StorageAdmin,
    string? IdentityDomain,
    string DatabaseDynamicGroup,
    string NetworkSource,
    string AuditorNetworkSource)
{
    /// <summary>CIS 1.7: the request's user passed a TOTP multi-factor check. Every persona grant requires it, so a
    /// stolen password (or an API key, which never carries MFA) is not enough to act as a persona.</summary>
    public const string MfaVerified = "request.user.mfaTotpVerified = 'true'";

    /// <summary>The personas, dynamic group and network sources a stack's settings name.</summary>
    public static Personas Of(EnclaveSettings settings)
    {
        var groups = settings.Groups;
        return new Personas(groups.Gatekeeper, groups.Operator, groups.Auditor, groups.StorageAdmin,
            groups.IdentityDomain, Naming.Display(settings.NamePrefix, "adb-kms-dg"),
            Naming.Display(settings.NamePrefix, "gatekeeper-networks"), Naming.Display(settings.NamePrefix, "auditor-networks"));
    }

    /// <summary>Policy subject for a group: <c>group Name</c> (Default domain) or <c>group 'Domain'/'Name'</c>.</summary>
    public string Group(string name) => Subject(name, IdentityDomain);

    /// <summary>Policy subject for a group of <paramref name="domain"/> (null: the Default domain).</summary>
    public static string Subject(string name, string? domain) => domain is null ? $"group {name}" : $"group '{domain}'/'{name}'";

    /// <summary>The request comes from the gatekeeper networks.</summary>
    public string FromGatekeeperNetworks => $"request.networkSource.name = '{NetworkSource}'";

    /// <summary>The request comes from the auditors' own network source.</summary>
    public string FromAuditorNetworks => $"request.networkSource.name = '{AuditorNetworkSource}'";

    /// <summary>The clauses every gatekeeper/operator/storage-admin grant carries (inside an <c>all {…}</c>).</summary>
    public string GatekeeperGuard => $"{FromGatekeeperNetworks}, {MfaVerified}";

    /// <summary>The clauses every auditor grant carries (inside an <c>all {…}</c>).</summary>
    public string AuditorGuard => $"{FromAuditorNetworks}, {MfaVerified}";
}
