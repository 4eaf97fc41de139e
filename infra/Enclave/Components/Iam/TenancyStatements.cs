namespace Enclave.Components.Iam;

/// <summary>
/// Statements that OCI only accepts in a root (tenancy) policy: IAM objects, Cloud Guard, root event rules, audit.
/// Only the gatekeepers may manage IAM objects, only from their networks, and never the Administrators group
/// (CIS 1.3). Auditors get inspect/read only.
/// </summary>
public static class TenancyStatements
{
    /// <summary>IAM object types only the gatekeepers may manage.</summary>
    public static readonly IReadOnlyList<string> IamObjectTypes =
        ["dynamic-groups", "identity-providers", "network-sources", "authentication-policies", "policies"];

    public static IReadOnlyList<string> Gatekeeper(Personas p)
    {
        var gk = p.Group(p.Gatekeeper);
        var net = p.FromGatekeeperNetworks;
        var statements = new List<string>
        {
            // Non-applicable target variables make a statement grant nothing, so listing needs its own inspect (CIS 1.3).
            $"allow {gk} to inspect users in tenancy where {net}",
            $"allow {gk} to inspect groups in tenancy where {net}",
            $"allow {gk} to manage groups in tenancy where all {{target.group.name != 'Administrators', {net}}}",
        };
        statements.AddRange(IamObjectTypes.Select(type => $"allow {gk} to manage {type} in tenancy where {net}"));
        statements.Add($"allow {gk} to manage cloud-guard-family in tenancy where {net}");
        statements.Add($"allow {gk} to manage cloudevents-rules in tenancy where {net}");
        statements.Add($"allow {gk} to read audit-events in tenancy where {net}");
        return statements;
    }

    public static IReadOnlyList<string> Auditor(Personas p)
    {
        var au = p.Group(p.Auditor);
        return
        [
            $"allow {au} to inspect compartments in tenancy",
            $"allow {au} to inspect users in tenancy",
            $"allow {au} to inspect groups in tenancy",
            $"allow {au} to inspect dynamic-groups in tenancy",
            $"allow {au} to inspect identity-providers in tenancy",
            $"allow {au} to inspect network-sources in tenancy",
            $"allow {au} to inspect authentication-policies in tenancy",
            $"allow {au} to read policies in tenancy",
            $"allow {au} to read audit-events in tenancy",
            $"allow {au} to read cloud-guard-family in tenancy",
            $"allow {au} to read cloudevents-rules in tenancy",
            $"allow {au} to read tag-namespaces in tenancy",
        ];
    }

    /// <summary>Cloud Guard must read the tenancy to detect problems (landing-zone wording).</summary>
    public static IReadOnlyList<string> Services() =>
    [
        "allow service cloudguard to read all-resources in tenancy",
        "allow service cloudguard to use network-security-groups in tenancy",
    ];
}
