using System.Xml.Linq;
using Enclave.Components.Iam;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Tests.Rules;

/// <summary>
/// Facts the gate declares about the program, held equal to the program: the plugin version providers must run
/// (ENC-GOV-081) and the database operations an operator may be pinned to (ENC-IAM-009).
/// </summary>
public sealed class ProgramMatchesGateTablesTests
{
    [Fact]
    public void The_gate_pins_providers_to_the_Pulumi_Oci_version_the_program_builds_with()
    {
        var props = XDocument.Load(Path.Combine(Root(), "Directory.Packages.props"));
        var declared = props.Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == "Pulumi.Oci");
        Assert.Equal(OciTypes.ProviderVersion, (string?)declared.Attribute("Version"));
    }

    [Fact]
    public void The_operators_database_operations_are_the_ones_their_ceiling_allows()
    {
        Assert.Equal(EnclaveStatements.OperatorDatabaseOperations.Order(), PersonaCeilings.OperatorDatabaseOperations.Order());
    }

    // The gate sees the recipe's policies by OCID only, so it counts them: its list must be the program's whole recipe,
    // or a recipe that drops a policy would still hold "enough" (ENC-GOV-003).
    [Fact]
    public void The_security_zone_recipe_the_gate_requires_is_the_programs_whole_recipe()
    {
        Assert.Equal(Enclave.Components.Tenancy.SecurityZonePolicies.Required.Select(p => p["deny ".Length..]).Order(),
            Enclave.Policy.Rules.Governance.SecurityZoneRecipe.RequiredPolicies.Order());
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        throw new InvalidOperationException("Directory.Packages.props not found above the test assembly");
    }
}
