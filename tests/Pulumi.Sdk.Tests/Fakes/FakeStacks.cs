namespace Pulumi.Sdk.Tests.Fakes;

/// <summary>The small sample program: VCN, subnet, generated admin password, autonomous database.</summary>
public sealed class FakeEnclaveStack : Stack
{
    public const string Compartment = "ocid1.compartment.oc1..enclave";

    public FakeEnclaveStack()
    {
        var vcn = new FakeVcn("enclave-vcn", new FakeVcnArgs
        {
            CompartmentId = Compartment,
            CidrBlocks = { "10.0.0.0/16" },
            DisplayName = "enclave",
            DnsLabel = "enclave",
            FreeformTags = { { "env", "test" }, { "owner", "data" } },
        });

        var subnet = new FakeSubnet("db-subnet", new FakeSubnetArgs
        {
            CompartmentId = Compartment,
            VcnId = vcn.Id,
            CidrBlock = "10.0.1.0/24",
            ProhibitPublicIpOnVnic = true,
            // Provider-computed (unknown during preview, absent from the mock's state).
            DnsLabel = vcn.VcnDomainName,
        });

        var password = new FakePassword("admin-password", new FakePasswordArgs { Length = 24, Special = true });

        var database = new FakeDatabase("enclave-db", new FakeDatabaseArgs
        {
            CompartmentId = Compartment,
            DbName = "enclave",
            AdminPassword = password.Result,
            SubnetId = subnet.Id,
            CpuCoreCount = 2,
            DataStorageSizeInTbs = 1,
            IsFreeTier = false,
        });

        VcnId = vcn.Id;
        SubnetCidr = subnet.CidrBlock;
        DatabaseName = database.DbName;
        ConnectionLabel = Output.Format($"{database.DbName}@{subnet.CidrBlock}");
        PasswordLength = Output.CreateSecret(24);
    }

    [Output("vcnId")]
    public Output<string> VcnId { get; set; }

    [Output("subnetCidr")]
    public Output<string> SubnetCidr { get; set; }

    [Output]
    public Output<string> DatabaseName { get; set; }

    [Output("connectionLabel")]
    public Output<string> ConnectionLabel { get; set; }

    [Output("passwordLength")]
    public Output<int> PasswordLength { get; set; }
}

/// <summary>A stack that forgets to assign one of its outputs.</summary>
public sealed class UnassignedOutputStack : Stack
{
    public UnassignedOutputStack()
    {
        Assigned = Output.Create("yes");
        Forgotten = null!;
    }

    [Output("assigned")]
    public Output<string> Assigned { get; set; }

    [Output("forgotten")]
    public Output<string> Forgotten { get; set; }
}

/// <summary>A stack whose constructor throws.</summary>
public sealed class ThrowingStack : Stack
{
    public ThrowingStack()
    {
        _ = new FakePassword("created-before-the-error", new FakePasswordArgs { Length = 8 });
        throw new InvalidOperationException("the program failed on purpose");
    }
}

/// <summary>A component grouping a VCN and a subnet, with outputs.</summary>
public sealed class FakeNetwork : ComponentResource
{
    public FakeVcn Vcn { get; }
    public FakeSubnet Subnet { get; }

    public FakeNetwork(string name, ComponentResourceOptions? options = null)
        : base("enclave:network:Network", name, options)
    {
        Vcn = new FakeVcn($"{name}-vcn", new FakeVcnArgs { CompartmentId = "c", CidrBlocks = { "10.1.0.0/16" } },
            new CustomResourceOptions { Parent = this });
        Subnet = new FakeSubnet($"{name}-subnet", new FakeSubnetArgs { CompartmentId = "c", CidrBlock = "10.1.1.0/24", VcnId = Vcn.Id },
            new CustomResourceOptions { Parent = this });
        RegisterOutputs(new Dictionary<string, object?> { ["vcnId"] = Vcn.Id, ["subnetCount"] = 1 });
    }
}
