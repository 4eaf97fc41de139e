namespace Enclave.Components.Iam;

/// <summary>Resolved OCIDs the enclave's policy statements point at (statements are plain text, so ids, not Outputs).</summary>
public sealed record IamScope(
    string TopCompartmentId,
    string NetworkCompartmentId,
    string SecurityCompartmentId,
    string DatabaseCompartmentId,
    string AppCompartmentId,
    string DatabaseKeyId,
    string BucketsKeyId);

/// <summary>
/// Who the statements are about: the persona groups (optionally in a named identity domain), the database's dynamic
/// group and the network source of gatekeeper CIDRs that conditions console/API access.
/// </summary>
public sealed record Personas(
    string Gatekeeper,
    string Operator,
    string Auditor,
    string StorageAdmin,
    string? IdentityDomain,
    string DatabaseDynamicGroup,
    string NetworkSource)
{
    /// <summary>Policy subject for a group: <c>group Name</c> (Default domain) or <c>group 'Domain'/'Name'</c>.</summary>
    public string Group(string name) => Subject(name, IdentityDomain);

    /// <summary>Policy subject for a group of <paramref name="domain"/> (null: the Default domain).</summary>
    public static string Subject(string name, string? domain) => domain is null ? $"group {name}" : $"group '{domain}'/'{name}'";

    /// <summary>The condition every gatekeeper/operator/storage-admin statement carries: request from gatekeeper networks.</summary>
    public string FromGatekeeperNetworks => $"request.networkSource.name = '{NetworkSource}'";
}
