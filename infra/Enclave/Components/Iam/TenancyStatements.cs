namespace Enclave.Components.Iam;

/// <summary>
/// Statements that OCI only accepts in a root (tenancy) policy: IAM objects, Cloud Guard, root event rules, audit.
/// Only the gatekeepers may manage IAM objects, only from their networks with MFA, and never the Administrators
/// group (CIS 1.3). Auditors get inspect/read only, from their own network source with MFA.
/// </summary>
public static class TenancyStatements
{
    /// <summary>IAM object types only the gatekeepers may manage.</summary>
    public static readonly IReadOnlyList<string> IamObjectTypes =
        ["dynamic-groups", "identity-providers", "network-sources", "authentication-policies", "policies"];

    public static IReadOnlyList<string> Gatekeeper(Personas p)
    {
        var gk = p.Group(p.Gatekeeper);
        var guard = p.GatekeeperGuard;
        string Allow(string what) => $"allow {gk} to {what} in tenancy where all {{{guard}}}";
        var statements = new List<string>
        {
            // Non-applicable target variables make a statement grant nothing, so listing needs its own inspect (CIS 1.3).
            Allow("inspect users"),
            Allow("inspect groups"),
            $"allow {gk} to manage groups in tenancy where all {{target.group.name != 'Administrators', {guard}}}",
        };
        statements.AddRange(IamObjectTypes.Select(type => Allow($"manage {type}")));
        statements.Add(Allow("manage cloud-guard-family"));
        statements.Add(Allow("manage cloudevents-rules"));
        statements.Add(Allow("read audit-events"));
        return statements;
    }

    public static IReadOnlyList<string> Auditor(Personas p)
    {
        var au = p.Group(p.Auditor);
        string Allow(string what) => $"allow {au} to {what} in tenancy where all {{{p.AuditorGuard}}}";
        return
        [
            Allow("inspect compartments"),
            Allow("inspect users"),
            Allow("inspect groups"),
            Allow("inspect dynamic-groups"),
            Allow("inspect identity-providers"),
            Allow("inspect network-sources"),
            Allow("inspect authentication-policies"),
            Allow("read policies"),
            Allow("read audit-events"),
            Allow("read cloud-guard-family"),
            Allow("read cloudevents-rules"),
            Allow("read tag-namespaces"),
        ];
    }

    /// <summary>Cloud Guard must read the tenancy to detect problems (landing-zone wording).</summary>
    public static IReadOnlyList<string> Services() =>
    [
        "allow service cloudguard to read all-resources in tenancy",
        "allow service cloudguard to use network-security-groups in tenancy",
    ];
}
