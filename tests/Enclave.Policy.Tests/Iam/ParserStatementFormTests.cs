using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.ParseAssert;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Every statement form of reference §3.1 parses to the tree it means.</summary>
public sealed class ParserStatementFormTests
{
    [Fact]
    public void Allow_with_verb_type_and_tenancy()
    {
        var s = Ok<GrantStatement>("allow group NetAdmins to manage vcns in tenancy");
        Assert.Equal(new GrantStatement(Effect.Allow, Groups(Group("NetAdmins")), new VerbAccess(Verb.Manage, "vcns"),
            TenancyLocation.Instance, null), s);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_whitespace_is_insignificant()
    {
        var a = Ok("ALLOW Group NetAdmins\n\tTO  Manage VCNs\r\n IN Tenancy");
        var b = Ok("allow group NetAdmins to manage vcns in tenancy");
        Assert.Equal(b, a);
    }

    [Fact]
    public void Names_keep_their_case_while_resource_types_and_permissions_are_normalized()
    {
        var s = Ok<GrantStatement>("allow group NetAdmins to {vcn_read, Subnet_Create} in tenancy");
        Assert.Equal("NetAdmins", ((GroupSubject)s.Subject).Groups[0].Name);
        Assert.Equal(new PermissionAccess(["VCN_READ", "SUBNET_CREATE"]), s.Access);
    }

    [Fact]
    public void Group_by_ocid()
    {
        var s = Ok<GrantStatement>("allow group id ocid1.group.oc1..aaaa to read buckets in tenancy");
        Assert.Equal(Groups(GroupReference.ById("ocid1.group.oc1..aaaa")), s.Subject);
    }

    [Theory]
    [InlineData("allow group 'Gatekeepers'/'Data Admins' to read buckets in tenancy")]
    [InlineData("allow group \"Gatekeepers\"/\"Data Admins\" to read buckets in tenancy")]
    [InlineData("allow group Gatekeepers / 'Data Admins' to read buckets in tenancy")]
    public void Domain_qualified_group(string text)
    {
        var s = Ok<GrantStatement>(text);
        Assert.Equal(Groups(Group("Data Admins", "Gatekeepers")), s.Subject);
    }

    [Fact]
    public void Unquoted_domain_slash_name()
    {
        var s = Ok<GrantStatement>("allow group Gatekeepers/DataAdmins to read buckets in tenancy");
        Assert.Equal(Groups(Group("DataAdmins", "Gatekeepers")), s.Subject);
    }

    [Theory]
    [InlineData("allow group A, B, 'Dom'/'C' to read buckets in tenancy")]
    [InlineData("allow group A, group B, group Dom/C to read buckets in tenancy")]
    [InlineData("allow group A,B,Dom/C to read buckets in tenancy")]
    public void Several_groups(string text)
    {
        var s = Ok<GrantStatement>(text);
        Assert.Equal(Groups(Group("A"), Group("B"), Group("C", "Dom")), s.Subject);
    }

    [Fact]
    public void Several_groups_by_ocid_with_repeated_id()
    {
        var s = Ok<GrantStatement>("allow group id ocid1.group.oc1..a, id ocid1.group.oc1..b to read buckets in tenancy");
        Assert.Equal(Groups(GroupReference.ById("ocid1.group.oc1..a"), GroupReference.ById("ocid1.group.oc1..b")), s.Subject);
    }

    [Fact]
    public void Dynamic_groups_by_name_domain_and_ocid()
    {
        var s = Ok<GrantStatement>("allow dynamic-group 'Dom'/'fn-dg', id ocid1.dynamicgroup.oc1..x to use keys in tenancy");
        Assert.Equal(Groups(GroupReference.ByName("fn-dg", "Dom", dynamic: true),
            GroupReference.ById("ocid1.dynamicgroup.oc1..x", dynamic: true)), s.Subject);
    }

    [Fact]
    public void Any_user_any_group_and_services()
    {
        Assert.Equal(AnyUserSubject.Instance, Ok<GrantStatement>("allow any-user to inspect vcns in tenancy").Subject);
        Assert.Equal(AnyGroupSubject.Instance, Ok<GrantStatement>("allow any-group to inspect vcns in tenancy").Subject);
        Assert.Equal(new ServiceSubject(["blockstorage", "objectstorage-us-ashburn-1"]),
            Ok<GrantStatement>("allow service blockstorage, objectstorage-us-ashburn-1 to use keys in tenancy").Subject);
    }

    [Theory]
    [InlineData("inspect", Verb.Inspect)]
    [InlineData("read", Verb.Read)]
    [InlineData("use", Verb.Use)]
    [InlineData("manage", Verb.Manage)]
    public void Verbs(string word, Verb verb) =>
        Assert.Equal(new VerbAccess(verb, "all-resources"), Ok<GrantStatement>($"allow any-group to {word} all-resources in tenancy").Access);

    [Fact]
    public void Compartment_path_and_id_locations()
    {
        Assert.Equal(new CompartmentPathLocation(["enclave", "data", "db"]),
            Ok<GrantStatement>("allow group A to read buckets in compartment enclave:data:db").Location);
        Assert.Equal(new CompartmentPathLocation(["my cmp"]),
            Ok<GrantStatement>("allow group A to read buckets in compartment 'my cmp'").Location);
        Assert.Equal(new CompartmentIdLocation("ocid1.compartment.oc1..x"),
            Ok<GrantStatement>("allow group A to read buckets in compartment id ocid1.compartment.oc1..x").Location);
    }

    [Fact]
    public void Deny_forms()
    {
        var plain = Ok<GrantStatement>("deny group A to manage buckets in tenancy");
        Assert.Equal(Effect.Deny, plain.Effect);
        var admit = Ok<AdmitStatement>("deny admit any-user of tenancy Parent to manage all-resources in tenancy");
        Assert.Equal(new AdmitStatement(Effect.Deny, AnyUserSubject.Instance, "Parent",
            new VerbAccess(Verb.Manage, "all-resources"), TenancyLocation.Instance, null), admit);
        var endorse = Ok<EndorseStatement>("deny endorse group A to manage all-resources in any-tenancy");
        Assert.Equal(Effect.Deny, endorse.Effect);
        Assert.Equal(AnyTenancyLocation.Instance, endorse.Location);
    }

    [Theory]
    [InlineData("define tenancy SourceT as ocid1.tenancy.oc1..src", DefineKind.Tenancy, "SourceT", "ocid1.tenancy.oc1..src")]
    [InlineData("define group SrcAdmins as ocid1.group.oc1..g", DefineKind.Group, "SrcAdmins", "ocid1.group.oc1..g")]
    [InlineData("Define Dynamic-Group SrcFns as ocid1.dynamicgroup.oc1..d", DefineKind.DynamicGroup, "SrcFns", "ocid1.dynamicgroup.oc1..d")]
    public void Define_forms(string text, DefineKind kind, string alias, string ocid) =>
        Assert.Equal(new DefineStatement(kind, alias, ocid), Ok(text));

    [Fact]
    public void Endorse_forms()
    {
        Assert.Equal(new EndorseStatement(Effect.Allow, Groups(Group("Ops")), new VerbAccess(Verb.Read, "objects"),
                new ForeignTenancyLocation("DestT"), null),
            Ok("endorse group Ops to read objects in tenancy DestT"));
        Assert.Equal(AnyTenancyLocation.Instance,
            Ok<EndorseStatement>("endorse group Ops to read objects in any-tenancy").Location);
    }

    [Fact]
    public void Endorse_and_admit_associate_forms()
    {
        var e = Ok<EndorseStatement>("endorse group NetworkAdmin to associate local-peering-gateways in compartment Req with local-peering-gateways in tenancy Acceptor");
        Assert.Equal(new AssociateAccess("local-peering-gateways", "local-peering-gateways", new ForeignTenancyLocation("Acceptor")), e.Access);
        Assert.Equal(new CompartmentPathLocation(["Req"]), e.Location);
        var a = Ok<AdmitStatement>("admit group NetworkAdmin of tenancy Requestor to associate local-peering-gateways in compartment Acc with local-peering-gateways in tenancy Requestor");
        Assert.IsType<AssociateAccess>(a.Access);
        Assert.Equal("Requestor", a.TenancyAlias);
        var any = Ok<EndorseStatement>("endorse group Administrators to associate local-peering-gateways in compartment Req with local-peering-gateways in any-tenancy");
        Assert.Equal(new AssociateAccess("local-peering-gateways", "local-peering-gateways", AnyTenancyLocation.Instance), any.Access);
    }

    [Fact]
    public void Acceptor_side_of_cross_tenancy_peering_names_the_requestor_first_and_keeps_the_local_side_as_location()
    {
        const string text = "Admit group RequestorGrp of tenancy Requestor to associate local-peering-gateways in tenancy Requestor with local-peering-gateways in compartment id ocid1.compartment.oc1..acceptor";
        var a = Ok<AdmitStatement>(text);
        Assert.Equal(new AssociateAccess("local-peering-gateways", "local-peering-gateways", new ForeignTenancyLocation("Requestor"), ForeignFirst: true), a.Access);
        Assert.Equal(new CompartmentIdLocation("ocid1.compartment.oc1..acceptor"), a.Location);
        Assert.Equal("admit group RequestorGrp of tenancy Requestor to associate local-peering-gateways in tenancy Requestor with local-peering-gateways in compartment id ocid1.compartment.oc1..acceptor",
            a.ToString());
        var rpc = Ok<AdmitStatement>("admit group G of tenancy R to associate remote-peering-connections in tenancy R with remote-peering-connections in tenancy");
        Assert.Equal(TenancyLocation.Instance, rpc.Location);
        Assert.Equal(new AssociateAccess("remote-peering-connections", "remote-peering-connections", new ForeignTenancyLocation("R"), ForeignFirst: true), rpc.Access);
    }

    [Theory]
    [InlineData("admit group G of tenancy R to associate local-peering-gateways in tenancy R with local-peering-gateways in tenancy S", "in this tenancy")]
    [InlineData("endorse group G to associate local-peering-gateways in compartment A with local-peering-gateways in compartment B", "in another tenancy")]
    public void An_association_needs_exactly_one_foreign_side(string text, string reason) =>
        Assert.Contains(reason, PolicyParser.Parse(text).Error!.Message);

    [Fact]
    public void Admit_forms()
    {
        Assert.Equal(new AdmitStatement(Effect.Allow, Groups(Group("SrcAdmins")), "SourceT",
                new VerbAccess(Verb.Read, "objects"), TenancyLocation.Instance, null),
            Ok("admit group SrcAdmins of tenancy SourceT to read objects in tenancy"));
        Assert.Equal(Groups(GroupReference.ByName("SrcFns", null, dynamic: true)),
            Ok<AdmitStatement>("admit dynamic-group SrcFns of tenancy SourceT to use keys in compartment c").Subject);
        Assert.Equal(AnyUserSubject.Instance, Ok<AdmitStatement>("admit any-user of tenancy SourceT to read objects in tenancy").Subject);
        Assert.Equal(new ServiceSubject(["PSM"]),
            Ok<AdmitStatement>("admit service PSM of tenancy SourceT to manage instances in tenancy where request.region = 'IAD'").Subject);
    }
}
