using Enclave.Components.Iam;
using Enclave.Policy.Rules.Iam.Floor;

namespace Enclave.Tests.Rules;

/// <summary>
/// The grant floor ENC-IAM-116 holds US oversight to is what the program grants: every floor grant is one of the
/// program's own auditor and Cloud Guard statements, so the shipped stacks pass it and a change that drops one fails.
/// </summary>
public sealed class ProgramGrantsOversightFloorTests
{
    private static readonly Personas P = new("gk", "op", "au", "sa", null, "dg", "gk-net", "au-net");
    private static readonly IamScope S = new("ocid1.compartment.oc1..top", "ocid1.compartment.oc1..net", "ocid1.compartment.oc1..sec",
        "ocid1.compartment.oc1..db", "ocid1.compartment.oc1..app", "ocid1.key.oc1..db", "ocid1.key.oc1..buckets", "admin");

    [Fact]
    public void Every_auditor_floor_grant_is_one_of_the_programs_auditor_statements()
    {
        var statements = TenancyStatements.Auditor(P).Concat(EnclaveStatements.Auditor(P, S)).ToList();
        foreach (var grant in OversightFloor.Auditor)
            Assert.Contains(statements, s => s.StartsWith($"allow group au to {grant} in ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_Cloud_Guard_floor_grant_is_one_of_the_programs_service_statements()
    {
        var statements = TenancyStatements.Services();
        foreach (var grant in OversightFloor.CloudGuard)
            Assert.Contains($"allow service {OversightFloor.CloudGuardService} to {grant} in tenancy", statements);
    }
}
