using Enclave.Offline;
using Enclave.Policy;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Iam;
using Enclave.Tests.Configuration;

namespace Enclave.Tests.Offline;

/// <summary>
/// The other half of the firewall: each persona can actually do its job, and only through its guard. The isolation
/// rules bound what a persona may do (ceilings); these tests hold the floor, read by the gate's own IAM evaluator
/// from the statements the program declares. A grant that goes missing (the gatekeepers unable to manage IAM, the
/// auditors unable to read the audit log) leaves the enclave unrun or unwatched, and a guard that stops holding
/// (MFA, network source, the operator's operations, the storage admins' delete-only permission) lets a stolen
/// password or an API key act as a persona.
/// </summary>
[Collection(OfflineCollection.Name)]
public sealed class PersonaAccessTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    private enum Who { Gatekeeper, Operator, StorageAdmin, Auditor }

    /// <summary>(persona, verb, resource type, where: "tenancy" or a compartment function, extra request variables;
    /// <c>{prefix}</c> in a value is the stack's name prefix).</summary>
    private static readonly (Who Who, Verb Verb, string Type, string Where, (string, string)[] Extra)[] Floor =
    [
        // Gatekeepers: the sole IAM administrators (tenancy), and the enclave's security, network and keys.
        (Who.Gatekeeper, Verb.Inspect, "users", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "groups", "tenancy", [("target.group.name", "usde-data-readers")]),
        (Who.Gatekeeper, Verb.Manage, "dynamic-groups", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "identity-providers", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "network-sources", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "authentication-policies", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "policies", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "cloud-guard-family", "tenancy", []),
        (Who.Gatekeeper, Verb.Manage, "cloudevents-rules", "tenancy", []),
        (Who.Gatekeeper, Verb.Read, "audit-events", "tenancy", []),
        (Who.Gatekeeper, Verb.Inspect, "all-resources", "top", []),
        (Who.Gatekeeper, Verb.Manage, "compartments", "top", []),
        (Who.Gatekeeper, Verb.Manage, "tag-namespaces", "top", []),
        (Who.Gatekeeper, Verb.Manage, "tag-defaults", "top", []),
        (Who.Gatekeeper, Verb.Manage, "vcns", "network", []),
        (Who.Gatekeeper, Verb.Manage, "vaults", "security", []),
        (Who.Gatekeeper, Verb.Manage, "keys", "security", []),
        (Who.Gatekeeper, Verb.Manage, "log-groups", "security", []),
        (Who.Gatekeeper, Verb.Manage, "serviceconnectors", "security", []),
        (Who.Gatekeeper, Verb.Manage, "ons-topics", "security", []),
        (Who.Gatekeeper, Verb.Manage, "bastion", "security", []),
        (Who.Gatekeeper, Verb.Read, "autonomous-databases", "database", []),
        (Who.Gatekeeper, Verb.Manage, "objects", "security", [("request.permission", "OBJECT_CREATE")]),
        // Operators: look at and run the database, reach it through the Bastion, keep the app buckets.
        (Who.Operator, Verb.Inspect, "autonomous-databases", "database", []),
        (Who.Operator, Verb.Use, "autonomous-databases", "database", [("request.operation", "StartAutonomousDatabase")]),
        (Who.Operator, Verb.Use, "autonomous-databases", "database", [("request.operation", "StopAutonomousDatabase")]),
        (Who.Operator, Verb.Use, "autonomous-databases", "database", [("request.operation", "RestartAutonomousDatabase")]),
        (Who.Operator, Verb.Read, "data-safe-assessment-family", "database", []),
        (Who.Operator, Verb.Read, "metrics", "database", []),
        (Who.Operator, Verb.Read, "vcns", "network", []),
        (Who.Operator, Verb.Use, "subnets", "network", []),
        (Who.Operator, Verb.Use, "network-security-groups", "network", []),
        (Who.Operator, Verb.Use, "vnics", "network", []),
        (Who.Operator, Verb.Manage, "private-ips", "network", []),
        (Who.Operator, Verb.Read, "vaults", "security", []),
        (Who.Operator, Verb.Use, "bastion", "security", []),
        (Who.Operator, Verb.Manage, "bastion-session", "security", []),
        (Who.Operator, Verb.Manage, "objects", "app", [("request.permission", "OBJECT_CREATE")]),
        // Storage admins: the only deletes.
        (Who.StorageAdmin, Verb.Read, "buckets", "app", []),
        (Who.StorageAdmin, Verb.Inspect, "objects", "app", []),
        (Who.StorageAdmin, Verb.Manage, "buckets", "app", [("request.permission", "BUCKET_DELETE")]),
        (Who.StorageAdmin, Verb.Manage, "objects", "app", [("request.permission", "OBJECT_DELETE")]),
        // Auditors: read-only oversight of IAM, audit, Cloud Guard and the enclave's configuration and logs.
        (Who.Auditor, Verb.Inspect, "compartments", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "users", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "groups", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "dynamic-groups", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "identity-providers", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "network-sources", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "authentication-policies", "tenancy", []),
        (Who.Auditor, Verb.Read, "policies", "tenancy", []),
        (Who.Auditor, Verb.Read, "audit-events", "tenancy", []),
        (Who.Auditor, Verb.Read, "cloud-guard-family", "tenancy", []),
        (Who.Auditor, Verb.Read, "cloudevents-rules", "tenancy", []),
        (Who.Auditor, Verb.Read, "tag-namespaces", "tenancy", []),
        (Who.Auditor, Verb.Inspect, "all-resources", "top", []),
        (Who.Auditor, Verb.Read, "buckets", "top", []),
        (Who.Auditor, Verb.Inspect, "autonomous-databases", "database", []),
        (Who.Auditor, Verb.Read, "vcns", "network", []),
        (Who.Auditor, Verb.Read, "vaults", "security", []),
        (Who.Auditor, Verb.Read, "keys", "security", []),
        (Who.Auditor, Verb.Read, "log-groups", "security", []),
        (Who.Auditor, Verb.Read, "log-content", "security", []),
        (Who.Auditor, Verb.Read, "serviceconnectors", "security", []),
        (Who.Auditor, Verb.Read, "ons-topics", "security", []),
        (Who.Auditor, Verb.Read, "bastion", "security", []),
        (Who.Auditor, Verb.Read, "objects", "security", [("target.bucket.name", "{prefix}-log-archive"), ("request.permission", "OBJECT_READ")]),
    ];

    [Theory, MemberData(nameof(Stacks))]
    public async Task Every_persona_can_do_its_job_from_its_network_with_mfa(string stack)
    {
        var policy = await PlanAsync(stack);
        var (view, where) = (policy.View, policy.Where);
        var missing = Floor.Where(f => !view.Evaluator.MayAllow(Member(policy, f.Who), f.Verb, f.Type, where(f.Where),
                Guarded(policy, f.Who, f.Extra)).Definite)
            .Select(f => $"{f.Who} cannot {f.Verb} {f.Type} in {f.Where}").ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task No_persona_grant_holds_without_mfa_or_outside_its_network_source(string stack)
    {
        var policy = await PlanAsync(stack);
        var (view, where) = (policy.View, policy.Where);
        var unguarded = new List<string>();
        foreach (var f in Floor)
        {
            var member = Member(policy, f.Who);
            var noMfa = Guarded(policy, f.Who, f.Extra).Variables.ToDictionary(StringComparer.OrdinalIgnoreCase);
            noMfa["request.user.mfaTotpVerified"] = "false";
            var elsewhere = Guarded(policy, f.Who, f.Extra).Variables.ToDictionary(StringComparer.OrdinalIgnoreCase);
            elsewhere["request.networkSource.name"] = "somewhere-else";
            if (view.Evaluator.MayAllow(member, f.Verb, f.Type, where(f.Where), new AccessContext { Variables = noMfa }) is { MayAllow: true } a)
                unguarded.Add($"{f.Who} may {f.Verb} {f.Type} in {f.Where} without MFA: {Through(a)}");
            if (view.Evaluator.MayAllow(member, f.Verb, f.Type, where(f.Where), new AccessContext { Variables = elsewhere }) is { MayAllow: true } b)
                unguarded.Add($"{f.Who} may {f.Verb} {f.Type} in {f.Where} from outside its network source: {Through(b)}");
        }
        Assert.True(unguarded.Count == 0, string.Join("\n", unguarded));
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task Operators_cannot_change_the_database_beyond_running_it(string stack)
    {
        var policy = await PlanAsync(stack);
        var (view, where) = (policy.View, policy.Where);
        foreach (var operation in new[] { "UpdateAutonomousDatabase", "CreateAutonomousDatabase", "GenerateAutonomousDatabaseWallet" })
            Assert.False(view.Evaluator.MayAllow(Member(policy, Who.Operator), Verb.Use, "autonomous-databases", where("database"),
                Guarded(policy, Who.Operator, [("request.operation", operation)])).MayAllow, operation);
        // Nor delete what they keep, nor mint a pre-authenticated request.
        foreach (var permission in new[] { "OBJECT_DELETE", "PAR_MANAGE" })
            Assert.False(view.Evaluator.MayAllow(Member(policy, Who.Operator), Verb.Manage, "objects", where("app"),
                Guarded(policy, Who.Operator, [("request.permission", permission)])).MayAllow, permission);
        Assert.False(view.Evaluator.MayAllow(Member(policy, Who.Operator), Verb.Manage, "buckets", where("app"),
            Guarded(policy, Who.Operator, [("request.permission", "BUCKET_DELETE")])).MayAllow, "BUCKET_DELETE");
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task Storage_admins_can_delete_but_not_create_or_read_user_data(string stack)
    {
        var policy = await PlanAsync(stack);
        var (view, where) = (policy.View, policy.Where);
        var admin = Member(policy, Who.StorageAdmin);
        foreach (var permission in new[] { "OBJECT_CREATE", "OBJECT_READ", "PAR_MANAGE", "BUCKET_UPDATE" })
            Assert.False(view.Evaluator.MayAllow(admin, Verb.Manage, "objects", where("app"),
                Guarded(policy, Who.StorageAdmin, [("request.permission", permission)])).MayAllow, permission);
        Assert.False(view.Evaluator.MayAllow(admin, Verb.Read, "objects", where("app"),
            Guarded(policy, Who.StorageAdmin, [("request.permission", "OBJECT_READ")])).MayAllow, "read objects");
    }

    private static string Through(AccessDecision d) => string.Join(" | ", d.Grants.Select(g => g.Statement.DisplayText));

    /// <summary>One offline plan of a stack, read by the gate's IAM evaluator.</summary>
    private sealed record Plan(IamView View, PolicyContext Policy, string NamePrefix, Func<string, string?> Where);

    private static async Task<Plan> PlanAsync(string stack)
    {
        var plan = await OfflinePlans.Of(stack);
        var view = IamView.For(new RuleContext(plan.Graph, plan.Policy));
        var prefix = plan.Settings.NamePrefix;
        var compartments = plan.Graph.OfType("oci:Identity/compartment:Compartment")
            .ToDictionary(c => c.Input("name").AsString() ?? c.Urn, c => c.Id.AsString(), StringComparer.Ordinal);
        string? Where(string function) => function == "tenancy" ? plan.Policy.TenancyId
            : compartments.TryGetValue($"{prefix}-{function}-cmp", out var id) ? id
            : throw new InvalidOperationException($"no compartment {prefix}-{function}-cmp in {stack}");
        return new Plan(view, plan.Policy, prefix, Where);
    }

    private static Principal Member(Plan p, Who who) => Principal.GroupMember(who switch
    {
        Who.Gatekeeper => p.Policy.GatekeeperGroup,
        Who.Operator => p.Policy.OperatorGroup,
        Who.StorageAdmin => p.Policy.StorageAdminGroup,
        _ => p.Policy.AuditorGroup,
    }, p.Policy.IdentityDomain ?? GroupReference.DefaultDomain);

    /// <summary>The request facts a persona's legitimate request carries: MFA and its own network source.</summary>
    private static AccessContext Guarded(Plan p, Who who, (string, string)[] extra)
    {
        var prefix = p.NamePrefix;
        var source = who == Who.Auditor ? $"{prefix}-auditor-networks" : $"{prefix}-gatekeeper-networks";
        return AccessContext.With([("request.user.mfaTotpVerified", "true"), ("request.networkSource.name", source),
            .. extra.Select(e => (e.Item1, e.Item2.Replace("{prefix}", prefix, StringComparison.Ordinal)))]);
    }
}
