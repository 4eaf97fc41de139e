using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

/// <summary>Issue 11, one control per test and stack; each broken variant shows the helper catches the removed control.</summary>
public sealed class HardeningTests
{
    private static Task<Deployed> WithStatements(string stack, string policyName, Func<IReadOnlyList<string>, IEnumerable<string>> edit) =>
        EnclaveRun.RunAsync(stack, Variant.Change(Oci.Policy, p => p.Str("name")?.EndsWith(policyName, StringComparison.Ordinal) == true
            ? p.With("statements", edit(p.Strings("statements")).Cast<object>().ToList())
            : p));

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Pars_NoGrantCreatesThemAndCreationNotifies(string stack) =>
        Holds(HardeningRules.NoGrantCreatesPreauthenticatedRequests(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Pars_NoGrantCreatesThem_ReportsOperatorGrantWithoutExclusion() =>
        Broken(HardeningRules.NoGrantCreatesPreauthenticatedRequests(await WithStatements("prod", "operators-policy",
            s => s.Select(x => x.Replace("request.permission != 'PAR_MANAGE', ", "", StringComparison.Ordinal)))), "may create pre-authenticated requests");

    [Fact]
    public async Task Pars_CreationNotifies_ReportsMissingAuditAlert() =>
        Broken(HardeningRules.NoGrantCreatesPreauthenticatedRequests(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Connector, "target.kind", "objectStorage", nameContains: "us-phoenix-1-audit-alerts"))),
            "PAR creation in us-phoenix-1 notifies nobody");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Operators_RunTheDatabaseButCannotWeakenIt(string stack) =>
        Holds(HardeningRules.OperatorsRunButCannotWeakenDatabase(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Operators_RunTheDatabase_ReportsUpdateGrant() =>
        Broken(HardeningRules.OperatorsRunButCannotWeakenDatabase(await WithStatements("dev", "operators-policy",
            s => s.Select(x => x.Replace("'StartAutonomousDatabase'", "'UpdateAutonomousDatabase'", StringComparison.Ordinal)))),
            "more than run the database");

    [Fact]
    public async Task Operators_RunTheDatabase_ReportsManageFamily() =>
        Broken(HardeningRules.OperatorsRunButCannotWeakenDatabase(await WithStatements("dev", "operators-policy",
            s => s.Select(x => x.Replace("inspect autonomous-database-family", "manage autonomous-database-family", StringComparison.Ordinal)))),
            "more than run the database");

    // Restoring or cloning from a backup copies the data: the program grants operators no backup management at all,
    // so a grant that would let them read a backup's contents is caught here before the gate (ENC-IAM-009) sees it.
    [Fact]
    public async Task Operators_RunTheDatabase_ReportsBackupManagement() =>
        Broken(HardeningRules.OperatorsRunButCannotWeakenDatabase(await WithStatements("prod", "operators-policy",
            s => s.Select(x => x.Replace("inspect autonomous-database-family", "manage autonomous-backups", StringComparison.Ordinal)))),
            "more than run the database");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Personas_RequireMfaAndTheirNetworkSource(string stack) =>
        Holds(HardeningRules.PersonasRequireMfaAndTheirNetworkSource(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Personas_RequireMfa_ReportsAuditorWithoutMfa() =>
        Broken(HardeningRules.PersonasRequireMfaAndTheirNetworkSource(await WithStatements("staging", "auditors-root-policy",
            s => s.Select(x => x.Replace(", request.user.mfaTotpVerified = 'true'", "", StringComparison.Ordinal)))), "not conditioned on MFA");

    [Fact]
    public async Task Personas_RequireTheirNetworkSource_ReportsAuditorOnGatekeeperSource() =>
        Broken(HardeningRules.PersonasRequireMfaAndTheirNetworkSource(await WithStatements("staging", "auditors-policy",
            s => s.Select(x => x.Replace("auditor-networks", "gatekeeper-networks", StringComparison.Ordinal)))), "auditor-networks network source");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task PasswordPolicy_MeetsCis(string stack) => Holds(HardeningRules.PasswordPolicyMeetsCis(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task PasswordPolicy_MeetsCis_ReportsShortPasswords() =>
        Broken(HardeningRules.PasswordPolicyMeetsCis(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.AuthenticationPolicy, "passwordPolicy.minimumPasswordLength", 8.0))), "minimum password length 8");

    [Fact]
    public async Task PersonaGroups_AreDomainGroupsInProd_ReportsMissingDomainGroup() =>
        Broken(IamRules.GroupsExistForEveryPersona(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.DomainsGroup, "displayName", "someone-else", nameContains: "operators"))), "no domain group 'usde-prod-db-operators'");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Buckets_ReadsAreLoggedAndArchived(string stack) =>
        Holds(HardeningRules.BucketReadsAreLoggedAndArchived(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task UserData_ReadsAreLogged_ReportsWriteOnlyLogging() =>
        Broken(HardeningRules.BucketReadsAreLoggedAndArchived(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Log, "configuration.source.category", "write", nameContains: "user-data-bucket-read-log"))), "0 read logs on");

    [Fact]
    public async Task Archive_ReadsAreLogged_ReportsDisabledStandbyLog() =>
        Broken(HardeningRules.BucketReadsAreLoggedAndArchived(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.Log, "isEnabled", false, nameContains: "us-phoenix-1-archive-bucket-read-log"))), "0 read logs on");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ThreatEvents_NotifyTheGatekeepers(string stack) =>
        Holds(HardeningRules.ThreatEventsNotifyGatekeepers(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ThreatEvents_NotifyTheGatekeepers_ReportsDisabledVaultRule() =>
        Broken(HardeningRules.ThreatEventsNotifyGatekeepers(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.EventRule, "isEnabled", false, nameContains: "us-phoenix-1-vault-and-key"))),
            "schedulekeydeletion.begin (vault-and-key-lifecycle) in us-phoenix-1");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task AuditOnlyOperations_NotifyTheGatekeepers(string stack) =>
        Holds(HardeningRules.AuditOnlyOperationsNotifyGatekeepers(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task AuditOnlyOperations_ReportNarrowedFilter() =>
        Broken(HardeningRules.AuditOnlyOperationsNotifyGatekeepers(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.Connector, c => c.Name.Contains("audit-alerts", StringComparison.Ordinal)
                ? c.With("tasks", new List<object?> { new Dictionary<string, object?> { ["kind"] = "logRule", ["condition"] = "data.eventName = 'CreatePreauthenticatedRequest'" } })
                : c))),
            "CreateRemotePeeringConnection (remote-peering) in us-ashburn-1 notifies nobody");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task CloudGuard_TargetDetectsOnTheEnclave(string stack) =>
        Holds(HardeningRules.CloudGuardTargetDetectsOnTheEnclave(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task CloudGuard_TargetDetects_ReportsTargetElsewhere() =>
        Broken(HardeningRules.CloudGuardTargetDetectsOnTheEnclave(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.CloudGuardTarget, "targetResourceId", "ocid1.compartment.oc1..aaaaaaaaelsewhere"))), "not the enclave's top compartment");

    [Fact]
    public async Task CloudGuard_TargetDetects_ReportsNoActivityDetector() =>
        Broken(HardeningRules.CloudGuardTargetDetectsOnTheEnclave(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.DetectorRecipe, "sourceDetectorRecipeId", null, nameContains: "activity"))), "no cloned activity detector recipe");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Standby_VaultReplicaIsDeclared(string stack) =>
        Holds(HardeningRules.StandbyVaultReplicaIsDeclared(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Standby_VaultReplicaIsDeclared_ReportsReplicaElsewhere() =>
        Broken(HardeningRules.StandbyVaultReplicaIsDeclared(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.VaultReplica, "replicaRegion", "us-sanjose-1"))), "to us-sanjose-1");

    /// <summary>The standby names the vault through the declared replica, so OCI can only create it once the replica exists.</summary>
    [Fact]
    public async Task Standby_TakesItsVaultFromTheReplica()
    {
        var d = await EnclaveRun.Of("prod");
        var replica = Assert.Single(d.Observations, o => o.Type == Oci.VaultReplica).Resource;
        var standby = Assert.Single(d.Observations, o => o.Type == Oci.AutonomousDatabase && o.Name.EndsWith("standby", StringComparison.Ordinal));
        Pulumi.Output<string> vaultId = ((Pulumi.Oci.Database.AutonomousDatabaseArgs)standby.Args).VaultId!;
        Assert.Contains(replica, await Pulumi.Utilities.OutputUtilities.GetDependenciesAsync(vaultId));
    }
}
