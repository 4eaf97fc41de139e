using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The data-access allow-list (ENC-IAM-008), the persona ceilings (ENC-IAM-009), dynamic groups (ENC-IAM-010),
/// foreign-region services (ENC-IAM-011), principal pins (ENC-IAM-002): a pass, a fail and an undetermined case each,
/// on the compliant enclave with its root policy's statements replaced.
/// </summary>
public class DataAccessRuleTests
{
    private const string Net = FromGatekeeperNetworks;

    private static FindingStatus Status(string rule, params string[] statements) => Status(rule, CompliantEnclave.Policy, GraphPath.HandKnownIds, statements);

    private static FindingStatus Status(string rule, PolicyContext policy, GraphPath path, params string[] statements)
    {
        var g = Build().With("root-policy", "statements", statements);
        var report = RuleRunner.Run(g, path, rule, policy);
        return report.Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    [Theory]
    [InlineData($"allow group enclave-operators to read objects in compartment usde-dev where {Net}", FindingStatus.Pass)]
    [InlineData("allow service objectstorage-us-ashburn-1 to use keys in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("allow service cloudguard to read all-resources in tenancy", FindingStatus.Pass)]
    [InlineData("allow dynamic-group usde-dev-adb to use keys in compartment usde-dev", FindingStatus.Pass)]
    [InlineData($"allow any-user to manage objects in compartment usde-dev where all {{request.principal.type = 'serviceconnector', request.principal.compartment.id = '{SecurityId}'}}", FindingStatus.Pass)]
    [InlineData("allow group data-team to read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow group data-team to inspect vaults in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow group data-team to read log-content in tenancy where request.region = 'IAD'", FindingStatus.Fail)]
    [InlineData("allow group data-team to {OBJECT_READ} in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow group data-team to read bucket in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow group data-team to read virtual-network-family in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("allow dynamic-group rogue to read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow any-user to read objects in compartment usde-dev where request.principal.type = 'instance'", FindingStatus.Fail)]
    [InlineData($"allow any-user to read objects in compartment usde-dev where any {{request.principal.compartment.id = '{SecurityId}', request.principal.type = 'fnfunc'}}", FindingStatus.Fail)]
    [InlineData($"allow any-user to read objects in compartment usde-dev where request.principal.compartment.id = '{Tenancy}'", FindingStatus.Fail)]
    [InlineData("allow any-user to read objects in compartment usde-dev where request.principal.compartment.id = /ocid1.compartment.*/", FindingStatus.Fail)]
    [InlineData("allow any-group to read objects in compartment usde-dev where request.groups.id = 'ocid1.group.oc1.iad.gatekeepers'", FindingStatus.Pass)]
    [InlineData("allow group data-team to read objects in compartment usde-dev where request.groups.id = 'ocid1.group.oc1.iad.gatekeepers'", FindingStatus.Pass)]
    [InlineData("allow service objectstorage-eu-frankfurt-1 to use keys in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow service dataflow to read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("admit any-user of tenancy P to read objects in tenancy", FindingStatus.Fail)]
    [InlineData("deny group data-team to read objects in compartment usde-dev", FindingStatus.Pass)]
    public void Only_personas_and_the_enclaves_own_principals_reach_data(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-008", statement));

    [Fact]
    public void A_statement_naming_a_persona_and_another_group_is_not_the_persona_alone()
    {
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-008", $"allow group enclave-gatekeepers, group enclave-operators to read objects in compartment usde-dev where {Net}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", $"allow group enclave-gatekeepers, group data-team to read objects in compartment usde-dev where {Net}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", $"allow group data-team, group enclave-gatekeepers to read objects in compartment usde-dev where {Net}"));
    }

    [Fact]
    public void Personas_are_recognised_only_in_their_identity_domain()
    {
        var inDomain = CompliantEnclave.Policy with { IdentityDomain = "UsEnclave" };
        const string Grant = "to read objects in compartment usde-dev where " + Net;
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-008", inDomain, GraphPath.HandKnownIds, $"allow group 'UsEnclave'/'enclave-operators' {Grant}"));
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-008", inDomain, GraphPath.HandKnownIds, $"allow group UsEnclave/enclave-operators {Grant}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", inDomain, GraphPath.HandKnownIds, $"allow group enclave-operators {Grant}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", inDomain, GraphPath.HandKnownIds, $"allow group 'Other'/'enclave-operators' {Grant}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", CompliantEnclave.Policy, GraphPath.HandKnownIds, $"allow group 'UsEnclave'/'enclave-operators' {Grant}"));
        // A configured group may name its own domain (Domain/Name).
        var qualified = CompliantEnclave.Policy with { OperatorGroup = "Ops/enclave-operators" };
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-008", qualified, GraphPath.HandKnownIds, $"allow group Ops/enclave-operators {Grant}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", qualified, GraphPath.HandKnownIds, $"allow group enclave-operators {Grant}"));
    }

    [Fact]
    public void A_persona_group_named_by_its_ocid_is_the_persona_only_when_the_stack_declares_that_group()
    {
        Assert.Equal(FindingStatus.Pass, Status("ENC-IAM-008", $"allow group id ocid1.group.oc1.iad.operators to read objects in compartment usde-dev where {Net}"));
        Assert.Equal(FindingStatus.Fail, Status("ENC-IAM-008", $"allow group id ocid1.group.oc1..someoneelse to read objects in compartment usde-dev where {Net}"));
    }

    [Fact]
    public void A_pin_on_a_compartment_whose_id_is_not_known_yet_is_undetermined_not_passed()
    {
        var g = Build();
        g.Add(Graph.OciTypes.Compartment, "data", new { compartmentId = GraphBuilder.Ref("enclave"), name = "usde-dev-data", description = "data" });
        g.With("root-policy", "statements", new[]
        {
            "allow any-user to read objects in compartment usde-dev where request.principal.compartment.id = 'ocid1.compartment.oc1.iad.data'",
        });
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Run(g, GraphPath.HandUnknownIds, "ENC-IAM-008").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status);
        Assert.Equal(FindingStatus.Pass, RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-008").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status);
    }

    [Theory]
    // Operators: never manage keys or vaults, never delete the database, never PAR_MANAGE, always from the gatekeeper networks.
    [InlineData("enclave-operators", $"read keys in compartment usde-dev where {Net}", FindingStatus.Pass)]
    [InlineData("enclave-operators", $"manage keys in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"use vaults in compartment usde-dev where {Net}", FindingStatus.Fail)]
    // ... and never see, write, clone or re-open its contents: every content permission ruled out, or the operation pinned.
    // Restoring or cloning from a backup copies the data: the family grant must rule out the backup content too.
    [InlineData("enclave-operators", $"manage autonomous-database-family in compartment usde-dev where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_WRITE', request.permission != 'AUTONOMOUS_DATABASE_CREATE', request.permission != 'AUTONOMOUS_DATABASE_UPDATE', {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"manage autonomous-database-family in compartment usde-dev where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_WRITE', request.permission != 'AUTONOMOUS_DATABASE_CREATE', request.permission != 'AUTONOMOUS_DATABASE_UPDATE', request.permission != 'AUTONOMOUS_DB_BACKUP_CONTENT_READ', {Net}}}", FindingStatus.Pass)]
    [InlineData("enclave-operators", $"manage autonomous-database-family in compartment usde-dev where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"use autonomous-databases in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"read autonomous-databases in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"use autonomous-databases in compartment usde-dev where all {{request.operation = 'StopAutonomousDatabase', {Net}}}", FindingStatus.Pass)]
    [InlineData("enclave-operators", $"use autonomous-databases in compartment usde-dev where all {{any {{request.operation = 'StopAutonomousDatabase', request.operation = 'GenerateAutonomousDatabaseWallet'}}, {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"{{AUTONOMOUS_DATABASE_CONTENT_READ}} in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"manage autonomous-database-family in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", "manage autonomous-database-family in compartment usde-dev where request.permission != 'AUTONOMOUS_DATABASE_DELETE'", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"manage autonomous-database-family in compartment usde-dev where any {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"manage object-family in compartment usde-dev where all {{request.permission != 'BUCKET_DELETE', request.permission != 'OBJECT_DELETE', request.permission != 'PAR_MANAGE', {Net}}}", FindingStatus.Pass)]
    [InlineData("enclave-operators", $"manage object-family in compartment usde-dev where all {{request.permission != 'BUCKET_DELETE', request.permission != 'OBJECT_DELETE', {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"{{PAR_MANAGE}} in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-operators", $"{{OBJECT_CREATE, OBJECT_READ}} in compartment usde-dev where {Net}", FindingStatus.Pass)]
    [InlineData("enclave-operators", $"read objects in compartment usde-dev where request.networkSource.name = 'elsewhere'", FindingStatus.Fail)]
    [InlineData("enclave-operators", "inspect objects in compartment usde-dev", FindingStatus.Pass)]
    // Auditors: logs and configuration, never user data.
    [InlineData("enclave-auditors", "read buckets in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("enclave-auditors", "read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "read objects in compartment usde-dev where target.bucket.name = 'usde-dev-archive'", FindingStatus.Pass)]
    [InlineData("enclave-auditors", "read objects in compartment usde-dev where target.bucket.name = 'usde-dev-data'", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "read objects in compartment usde-dev where target.bucket.name = /usde-dev-*/", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "read objects in compartment usde-dev where any {target.bucket.name = 'usde-dev-archive', request.region = 'IAD'}", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "read autonomous-databases in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "read autonomous-databases in compartment usde-dev where request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ'", FindingStatus.Pass)]
    [InlineData("enclave-auditors", "read all-resources in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("enclave-auditors", "inspect all-resources in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("enclave-auditors", "read log-content in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("enclave-auditors", "use keys in compartment usde-dev", FindingStatus.Fail)]
    // Storage admins: see what they delete, delete, nothing more.
    [InlineData("enclave-storage-admins", $"manage object-family in compartment usde-dev where all {{any {{request.permission = 'BUCKET_DELETE', request.permission = 'OBJECT_DELETE'}}, {Net}}}", FindingStatus.Pass)]
    [InlineData("enclave-storage-admins", $"manage object-family in compartment usde-dev where all {{request.permission != 'BUCKET_DELETE', {Net}}}", FindingStatus.Fail)]
    [InlineData("enclave-storage-admins", $"read objects in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-storage-admins", $"{{OBJECT_DELETE}} in compartment usde-dev where {Net}", FindingStatus.Pass)]
    [InlineData("enclave-storage-admins", $"{{OBJECT_DELETE, OBJECT_READ}} in compartment usde-dev where {Net}", FindingStatus.Fail)]
    // Gatekeepers: everything on keys and logs, from their networks; no pre-authenticated requests.
    [InlineData("enclave-gatekeepers", $"manage keys in compartment usde-dev where {Net}", FindingStatus.Pass)]
    [InlineData("enclave-gatekeepers", "manage keys in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("enclave-gatekeepers", $"manage buckets in compartment usde-dev where {Net}", FindingStatus.Fail)]
    [InlineData("enclave-gatekeepers", $"manage autonomous-databases in compartment usde-dev where {Net}", FindingStatus.Fail)]
    public void Each_persona_stays_under_its_ceiling(string group, string grant, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-009", CompliantEnclave.Policy with { AuditorGroup = "enclave-auditors" }, GraphPath.HandKnownIds, $"allow group {group} to {grant}"));

    [Fact]
    public void A_network_source_condition_is_undetermined_while_the_stacks_network_source_name_is_unknown()
    {
        var g = Build();
        g.With("gatekeeper-networks", "name", GraphBuilder.Unknown);
        g.With("root-policy", "statements", new[] { "allow group enclave-gatekeepers to manage keys in compartment usde-dev where request.networkSource.name = 'other-net'" });
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-009").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status);
    }

    [Theory]
    [InlineData("ALL {resource.type = 'autonomousdatabase', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Pass)]
    [InlineData("ALL {resource.type = 'AutonomousDatabase', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave', tag.ops.team.value = 'db'}", FindingStatus.Pass)]
    [InlineData("resource.id = 'ocid1.autonomousdatabase.oc1.iad.adb'", FindingStatus.Pass)]
    [InlineData("ALL {resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave', resource.id = 'ocid1.autonomousdatabase.oc1.iad.adb'}", FindingStatus.Pass)]
    // A place without the kind: every function, instance or container created in the compartment would be a member.
    [InlineData("resource.compartment.id = 'ocid1.compartment.oc1.iad.security'", FindingStatus.Fail)]
    [InlineData("ALL {instance.compartment.id = 'ocid1.compartment.oc1.iad.enclave', tag.ops.team.value = 'db'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.type = 'fnfunc', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.type != 'instance', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.type = 'autonomous*', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave', ANY {resource.type = 'autonomousdatabase', resource.type = 'instance'}}", FindingStatus.Fail)]
    [InlineData("ANY {resource.id = 'ocid1.autonomousdatabase.oc1.iad.adb', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.type = 'autonomousdatabase'}", FindingStatus.Fail)]
    [InlineData("ANY {resource.type = 'fnfunc', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.compartment.id = 'ocid1.tenancy.oc1..enclavetenancy'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.compartment.id != 'ocid1.compartment.oc1.iad.enclave'}", FindingStatus.Fail)]
    [InlineData("ALL {resource.type = 'fnfunc', resource.compartment.id = 'ocid1.compartment.oc1.iad.enclave'", FindingStatus.Fail)]
    public void Dynamic_groups_match_only_enclave_resources(string rule, FindingStatus expected)
    {
        var g = Build().With("adb-dg", "matchingRule", rule);
        Assert.Equal(expected, RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-010").Findings.Single(f => f.Urn == g.Urn("adb-dg")).Status);
    }

    [Fact]
    public void A_dynamic_group_whose_rule_is_not_pinned_is_no_allow_listed_principal()
    {
        var g = Build().With("adb-dg", "matchingRule", "resource.type = 'autonomousdatabase'");
        Assert.Equal(FindingStatus.Fail, RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-008").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status);
    }

    [Theory]
    [InlineData("allow service objectstorage-us-ashburn-1 to use keys in tenancy", FindingStatus.Pass)]
    [InlineData("allow service objectstorage-US-ASHBURN-1 to use keys in tenancy", FindingStatus.Pass)]
    [InlineData("allow service blockstorage, objectstorage-eu-frankfurt-1 to use keys in tenancy", FindingStatus.Fail)]
    [InlineData("allow service objectstorage-us-gov-ashburn-1 to read buckets in tenancy", FindingStatus.Fail)]
    [InlineData("endorse service objectstorage-ap-tokyo-1 to read objects in any-tenancy", FindingStatus.Fail)]
    [InlineData("deny service objectstorage-eu-frankfurt-1 to use keys in tenancy", FindingStatus.Pass)]
    public void Service_principals_only_of_allowed_regions(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-011", statement));

    [Theory]
    [InlineData($"allow any-user to use subnets in compartment usde-dev where all {{request.principal.type = 'cluster', request.principal.compartment.id = '{EnclaveId}'}}", FindingStatus.Pass)]
    [InlineData("allow any-user to use subnets in compartment usde-dev where request.principal.type = 'cluster'", FindingStatus.Fail)]
    [InlineData("allow any-group to inspect users in tenancy", FindingStatus.Fail)]
    [InlineData("allow any-user to use subnets in compartment usde-dev where request.principal.id = 'ocid1.autonomousdatabase.oc1.iad.adb'", FindingStatus.Pass)]
    public void Any_user_grants_need_a_principal_pin_not_a_principal_type(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status("ENC-IAM-002", statement));

    [Theory]
    [InlineData("ENC-IAM-001", FindingStatus.Fail)]
    [InlineData("ENC-IAM-003", FindingStatus.Fail)]
    [InlineData("ENC-IAM-004", FindingStatus.Fail)]
    [InlineData("ENC-IAM-008", FindingStatus.Fail)]
    [InlineData("ENC-IAM-009", FindingStatus.Fail)]
    [InlineData("ENC-IAM-011", FindingStatus.Fail)]
    [InlineData("ENC-IAM-002", FindingStatus.Undetermined)]
    [InlineData("ENC-IAM-005", FindingStatus.Undetermined)]
    [InlineData("ENC-IAM-006", FindingStatus.Undetermined)]
    [InlineData("ENC-IAM-007", FindingStatus.Undetermined)]
    public void A_statement_that_does_not_parse_fails_every_critical_iam_rule(string rule, FindingStatus expected)
    {
        Assert.Equal(expected, Status(rule, "allow group enclave-operators to read objects in compartment usde-dev where all {request.region = 'IAD'"));
        Assert.Equal(expected, Status(rule, "allow group enclave-gatekeepers to manage policies in tenancy", "Allow group data-team to reed objects in tenancy"));
    }
}
