using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The where-clause questions behind the allow-list: does a clause rule a permission out, let only some through, pin
/// a variable to allow-listed values? Answered by evaluation, so any {…}, nesting, != and patterns count as OCI
/// counts them.
/// </summary>
public class ConditionProbeTests
{
    private static Condition C(string text) => PolicyParser.ParseCondition(text).Value!;

    private static Truth Allowed(string v) => v switch
    {
        "ocid1.compartment.oc1..enclave" => Truth.True,
        "ocid1.compartment.oc1..pending" => Truth.Unknown,
        _ => Truth.False,
    };

    private static Truth Pins(string condition) =>
        ConditionProbe.Pins(C(condition), [("request.principal.compartment.id", Allowed), ("request.principal.id", _ => Truth.False)]);

    [Theory]
    [InlineData("request.principal.compartment.id = 'ocid1.compartment.oc1..enclave'", Truth.True)]
    [InlineData("all {request.principal.type = 'serviceconnector', request.principal.compartment.id = 'ocid1.compartment.oc1..enclave'}", Truth.True)]
    [InlineData("request.principal.compartment.id in ('ocid1.compartment.oc1..enclave', 'ocid1.compartment.oc1..other')", Truth.False)]
    [InlineData("request.principal.compartment.id in ('ocid1.compartment.oc1..enclave', 'ocid1.compartment.oc1..pending')", Truth.Unknown)]
    [InlineData("request.principal.type = 'serviceconnector'", Truth.False)]
    [InlineData("any {request.principal.compartment.id = 'ocid1.compartment.oc1..enclave', request.principal.type = 'instance'}", Truth.False)]
    [InlineData("request.principal.compartment.id != 'ocid1.compartment.oc1..other'", Truth.False)]
    [InlineData("request.principal.compartment.id = /ocid1.compartment.oc1..enc*/", Truth.False)]
    [InlineData("all {request.principal.compartment.id = 'ocid1.compartment.oc1..enclave', any {request.principal.compartment.id = 'ocid1.compartment.oc1..other', request.region = 'IAD'}}", Truth.True)]
    [InlineData("any {request.principal.compartment.id = 'ocid1.compartment.oc1..enclave', request.principal.id = 'ocid1.instance.oc1..x'}", Truth.False)]
    public void A_pin_holds_only_when_every_outside_value_is_shut_out(string condition, Truth expected) =>
        Assert.Equal(expected, Pins(condition));

    [Fact]
    public void No_condition_pins_nothing() =>
        Assert.Equal(Truth.False, ConditionProbe.Pins(null, [("request.principal.id", _ => Truth.True)]));

    [Theory]
    [InlineData("request.permission != 'PAR_MANAGE'", "PAR_MANAGE", true)]
    [InlineData("all {request.permission != 'PAR_MANAGE', request.region = 'IAD'}", "PAR_MANAGE", true)]
    [InlineData("any {request.permission != 'PAR_MANAGE', request.region = 'IAD'}", "PAR_MANAGE", false)]
    [InlineData("request.permission not in ('PAR_MANAGE', 'BUCKET_DELETE')", "BUCKET_DELETE", true)]
    [InlineData("request.permission != /PAR_*/", "PAR_MANAGE", true)]
    [InlineData("request.permission = 'OBJECT_READ'", "PAR_MANAGE", true)]
    [InlineData("request.permission != 'OBJECT_DELETE'", "PAR_MANAGE", false)]
    public void Excludes_a_permission_only_when_the_clause_is_false_for_it(string condition, string permission, bool expected) =>
        Assert.Equal(expected, ConditionProbe.Excludes(C(condition), permission));

    [Theory]
    [InlineData("any {request.permission = 'OBJECT_DELETE', request.permission = 'BUCKET_DELETE'}", true)]
    [InlineData("request.permission in ('OBJECT_DELETE', 'BUCKET_DELETE')", true)]
    [InlineData("any {request.permission = 'OBJECT_DELETE', request.permission = 'OBJECT_READ'}", false)]
    [InlineData("request.permission = /*_DELETE/", false)]
    [InlineData("request.permission != 'OBJECT_READ'", false)]
    public void Only_lets_the_named_permissions_through(string condition, bool expected) =>
        Assert.Equal(expected, ConditionProbe.OnlyLets(C(condition), ["OBJECT_DELETE", "BUCKET_DELETE"], ["OBJECT_READ", "PAR_MANAGE"]));

    [Fact]
    public void Every_persona_has_one_ceiling_per_data_bearing_type_and_the_brief_s_limits_hold()
    {
        foreach (var persona in Enum.GetValues<Persona>())
            foreach (var type in DataTypes.All)
                Assert.Single(PersonaCeilings.All, c => c.Persona == persona && c.Type == type);
        Assert.True(PersonaCeilings.For(Persona.Operator, "keys").Elevated <= Verb.Read);
        Assert.True(PersonaCeilings.For(Persona.Operator, "vaults").Elevated <= Verb.Read);
        Assert.Contains("AUTONOMOUS_DATABASE_DELETE", ((Allowance.Excluding)((Allowance.Either)PersonaCeilings.For(Persona.Operator, "autonomous-databases").How).First).Permissions);
        Assert.Contains("PAR_MANAGE", ((Allowance.Excluding)PersonaCeilings.For(Persona.Operator, "buckets").How).Permissions);
        Assert.Equal(Verb.Inspect, PersonaCeilings.For(Persona.Auditor, "objects").Max);
        Assert.IsType<Allowance.ArchiveBucketsOnly>(PersonaCeilings.For(Persona.Auditor, "objects").How);
        Assert.True(PersonaCeilings.For(Persona.Auditor, "log-content").Max >= Verb.Read);
        Assert.All(PersonaCeilings.All.Where(c => c.Persona == Persona.Auditor), c => Assert.True(c.Elevated <= Verb.Read, c.Type));
        Assert.True(PersonaCeilings.NeedsGatekeeperNetwork(Persona.Operator));
    }

    [Theory]
    [InlineData("manage", "object-family", "objects", Verb.Manage)]
    [InlineData("read", "object", "objects", Verb.Read)]
    [InlineData("use", "autonomous-database", "autonomous-databases", Verb.Use)]
    [InlineData("read", "all-resources", "secret-bundles", Verb.Read)]
    [InlineData("manage", "logging-family", "log-content", Verb.Manage)]
    public void A_verb_grant_reaches_the_data_types_its_type_covers(string verb, string type, string data, Verb expected)
    {
        var access = new VerbAccess(Enum.Parse<Verb>(verb, ignoreCase: true), type);
        Assert.Contains(DataTypes.Of(access), g => g.Type == data && g.Verb == expected);
    }

    [Fact]
    public void A_permission_list_reaches_data_at_its_highest_permission_and_unknown_data_permissions_count_as_manage()
    {
        var grants = DataTypes.Of(new PermissionAccess(["OBJECT_INSPECT", "OBJECT_READ", "VCN_READ"]));
        var objects = Assert.Single(grants);
        Assert.Equal(("objects", Verb.Read), (objects.Type, objects.Verb));
        Assert.Equal(Verb.Manage, Assert.Single(DataTypes.Of(new PermissionAccess(["OBJECT_SOMETHING_NEW"]))).Verb);
        Assert.Empty(DataTypes.Of(new PermissionAccess(["VCN_READ", "SUBNET_CREATE"])));
    }

    [Theory]
    [InlineData("objectstorage-us-ashburn-1", "us-ashburn-1")]
    [InlineData("objectstorage-us-gov-ashburn-1", "us-gov-ashburn-1")]
    [InlineData("vulnerability-scanning-service", null)]
    [InlineData("FssOc1Prod", null)]
    public void The_region_of_a_regional_service_principal(string name, string? region) =>
        Assert.Equal(region, EnclaveIdentities.RegionOfService(name));
}
