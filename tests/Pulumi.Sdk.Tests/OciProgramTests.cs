using System.Collections.Immutable;
using Pulumi.Oci.Core;
using Pulumi.Oci.Database;
using Pulumi.Random;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>A VCN, a private subnet and an autonomous database whose admin password is a RandomPassword.</summary>
public sealed class EnclaveDatabaseStack : Stack
{
    public const string Compartment = "ocid1.compartment.oc1..data";

    public EnclaveDatabaseStack()
    {
        var vcn = new Vcn("enclave-vcn", new VcnArgs
        {
            CompartmentId = Compartment,
            CidrBlocks = { "10.0.0.0/16" },
            DnsLabel = "enclave",
            FreeformTags = { { "env", "test" } },
        });
        var subnet = new Subnet("db-subnet", new SubnetArgs
        {
            CompartmentId = Compartment,
            VcnId = vcn.Id,
            CidrBlock = "10.0.1.0/24",
            ProhibitPublicIpOnVnic = true,
        });
        var password = new RandomPassword("adb-admin-password", new RandomPasswordArgs { Length = 20, Special = true, MinNumeric = 2 });
        var database = new AutonomousDatabase("enclave-adb", new AutonomousDatabaseArgs
        {
            CompartmentId = Compartment,
            DbName = "enclave",
            AdminPassword = password.Result,
            SubnetId = subnet.Id,
            CpuCoreCount = 1,
            DataStorageSizeInTbs = 1,
            IsFreeTier = false,
        });

        DatabaseId = database.Id;
        AdminPassword = database.AdminPassword;
    }

    [Output("databaseId")]
    public Output<string> DatabaseId { get; set; }

    [Output("adminPassword")]
    public Output<string> AdminPassword { get; set; }
}

/// <summary>The sample program over the real Pulumi.Oci / Pulumi.Random subsets.</summary>
public sealed class OciProgramTests
{
    internal static RecordingMocks NewMocks()
    {
        var mocks = new RecordingMocks();
        mocks.ExtraState["random:index/randomPassword:RandomPassword"] = args =>
            ImmutableDictionary<string, object>.Empty.Add("result", new string('x', (int)(double)args.Inputs["length"]));
        return mocks;
    }

    [Fact]
    public async Task The_mock_sees_the_generated_types_wire_names_and_the_plain_admin_password()
    {
        var mocks = NewMocks();
        var resources = await Deployment.TestAsync<EnclaveDatabaseStack>(mocks.Object, new TestOptions { IsPreview = false });

        Assert.Equal(5, resources.Length);
        var vcn = mocks.Single("oci:Core/vcn:Vcn", "enclave-vcn");
        Assert.Equal(EnclaveDatabaseStack.Compartment, vcn.Inputs["compartmentId"]);
        Assert.Equal(new object[] { "10.0.0.0/16" }, (ImmutableArray<object>)vcn.Inputs["cidrBlocks"]);

        var subnet = mocks.Single("oci:Core/subnet:Subnet", "db-subnet");
        Assert.Equal("enclave-vcn_id", subnet.Inputs["vcnId"]);
        Assert.Equal(true, subnet.Inputs["prohibitPublicIpOnVnic"]);

        var password = mocks.Single("random:index/randomPassword:RandomPassword", "adb-admin-password");
        Assert.Equal(20.0, password.Inputs["length"]);
        Assert.Equal(2.0, password.Inputs["minNumeric"]);

        var database = mocks.Single("oci:Database/autonomousDatabase:AutonomousDatabase", "enclave-adb");
        Assert.Equal(new string('x', 20), database.Inputs["adminPassword"]);
        Assert.Equal("db-subnet_id", database.Inputs["subnetId"]);
        Assert.Equal(1.0, database.Inputs["cpuCoreCount"]);
    }

    [Fact]
    public async Task Generated_resources_expose_ids_and_outputs()
    {
        var resources = await Deployment.TestAsync<EnclaveDatabaseStack>(NewMocks().Object, new TestOptions { IsPreview = false });

        var vcn = resources.OfType<Vcn>().Single();
        Assert.Equal("enclave-vcn_id", await OutputUtilities.GetValueAsync(vcn.Id));
        Assert.Equal(new[] { "10.0.0.0/16" }, await OutputUtilities.GetValueAsync(vcn.CidrBlocks));
        Assert.Equal("oci:Core/vcn:Vcn", vcn.GetResourceType());

        var password = resources.OfType<RandomPassword>().Single();
        Assert.Equal(new string('x', 20), await OutputUtilities.GetValueAsync(password.Result));

        var database = resources.OfType<AutonomousDatabase>().Single();
        Assert.Equal("enclave-adb_id", await OutputUtilities.GetValueAsync(database.Id));
        Assert.Equal(new string('x', 20), await OutputUtilities.GetValueAsync(database.AdminPassword));
        Assert.Contains(database, await OutputUtilities.GetDependenciesAsync(database.AdminPassword));
    }

    [Fact]
    public async Task In_preview_provider_computed_outputs_are_unknown()
    {
        var resources = await Deployment.TestAsync<EnclaveDatabaseStack>(NewMocks().Object);

        var vcn = resources.OfType<Vcn>().Single();
        Assert.False(await OutputUtilities.GetIsKnownAsync(vcn.VcnDomainName));
        Assert.True(await OutputUtilities.GetIsKnownAsync(vcn.Id));
    }

    [Fact]
    public async Task Get_reads_an_existing_resource_through_the_mock()
    {
        var mocks = NewMocks();
        mocks.ExtraState["oci:Core/vcn:Vcn"] = _ => ImmutableDictionary<string, object>.Empty.Add("displayName", "legacy-vcn");
        Vcn? vcn = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () => { vcn = Vcn.Get("legacy", "ocid1.vcn.oc1..legacy"); });

        Assert.Equal("ocid1.vcn.oc1..legacy", mocks.Single("oci:Core/vcn:Vcn", "legacy").Id);
        Assert.Equal("ocid1.vcn.oc1..legacy", await OutputUtilities.GetValueAsync(vcn!.Id));
        Assert.Equal("legacy-vcn", await OutputUtilities.GetValueAsync(vcn.DisplayName));
    }

    [Fact]
    public async Task A_generated_resource_passed_as_an_input_is_rehydrated_as_its_class_for_the_mock()
    {
        var mocks = NewMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            var vcn = new Vcn("referenced-vcn", new VcnArgs { CompartmentId = "c", DisplayName = "ref" });
            _ = new CustomResource("otherpkg:index:Holder", "holder",
                new DictionaryResourceArgs(ImmutableDictionary<string, object?>.Empty.Add("vcn", vcn)), new CustomResourceOptions());
        });

        // Rehydration reads the registered state back through the pulumi:pulumi:getResource invoke.
        var rehydrated = Assert.IsType<Vcn>(mocks.Single("otherpkg:index:Holder", "holder").Inputs["vcn"]);
        Assert.Equal("referenced-vcn_id", await OutputUtilities.GetValueAsync(rehydrated.Id));
        Assert.Equal("ref", await OutputUtilities.GetValueAsync(rehydrated.DisplayName));
        Assert.DoesNotContain(mocks.Calls, c => c.Token == "pulumi:pulumi:getResource");
    }
}
