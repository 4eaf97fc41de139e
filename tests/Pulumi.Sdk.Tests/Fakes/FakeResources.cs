using System.Collections.Immutable;

namespace Pulumi.Sdk.Tests.Fakes;

// Test-local resources shaped exactly like generated provider classes (no [ResourceType] attribute, wire names
// in [Input]/[Output], list/map inputs on private backing fields, Merge-based MakeResourceOptions, secret inputs
// wrapped in their setters, schema-secret outputs in AdditionalSecretOutputs).

internal static class FakeTokens
{
    public const string Vcn = "testoci:Core/vcn:Vcn";
    public const string Subnet = "testoci:Core/subnet:Subnet";
    public const string Database = "testoci:Database/autonomousDatabase:AutonomousDatabase";
    public const string Password = "testrandom:index/randomPassword:RandomPassword";
    public const string GetServices = "testoci:Core/getServices:getServices";
    public const string Version = "9.9.9";

    public static CustomResourceOptions MakeResourceOptions(CustomResourceOptions? options, Input<string>? id, params string[] secretOutputs)
    {
        var defaults = new CustomResourceOptions { Version = Version };
        defaults.AdditionalSecretOutputs.AddRange(secretOutputs);
        var merged = CustomResourceOptions.Merge(defaults, options);
        merged.Id = id ?? merged.Id;
        return merged;
    }
}

public sealed class FakeVcn : CustomResource
{
    [Output("cidrBlocks")]
    public Output<ImmutableArray<string>> CidrBlocks { get; private set; } = null!;

    [Output("compartmentId")]
    public Output<string> CompartmentId { get; private set; } = null!;

    [Output("displayName")]
    public Output<string> DisplayName { get; private set; } = null!;

    [Output("dnsLabel")]
    public Output<string> DnsLabel { get; private set; } = null!;

    [Output("freeformTags")]
    public Output<ImmutableDictionary<string, string>> FreeformTags { get; private set; } = null!;

    /// <summary>Computed by the provider: the mock does not return it.</summary>
    [Output("vcnDomainName")]
    public Output<string> VcnDomainName { get; private set; } = null!;

    public FakeVcn(string name, FakeVcnArgs args, CustomResourceOptions? options = null)
        : base(FakeTokens.Vcn, name, args ?? new FakeVcnArgs(), FakeTokens.MakeResourceOptions(options, ""))
    {
    }
}

public sealed class FakeVcnArgs : ResourceArgs
{
    [Input("cidrBlocks")]
    private InputList<string>? _cidrBlocks;

    public InputList<string> CidrBlocks
    {
        get => _cidrBlocks ??= new InputList<string>();
        set => _cidrBlocks = value;
    }

    [Input("compartmentId", required: true)]
    public Input<string> CompartmentId { get; set; } = null!;

    [Input("displayName")]
    public Input<string>? DisplayName { get; set; }

    [Input("dnsLabel")]
    public Input<string>? DnsLabel { get; set; }

    [Input("freeformTags")]
    private InputMap<string>? _freeformTags;

    public InputMap<string> FreeformTags
    {
        get => _freeformTags ??= new InputMap<string>();
        set => _freeformTags = value;
    }
}

public sealed class FakeSubnet : CustomResource
{
    [Output("cidrBlock")]
    public Output<string> CidrBlock { get; private set; } = null!;

    [Output("dnsLabel")]
    public Output<string?> DnsLabel { get; private set; } = null!;

    [Output("prohibitPublicIpOnVnic")]
    public Output<bool> ProhibitPublicIpOnVnic { get; private set; } = null!;

    [Output("vcnId")]
    public Output<string> VcnId { get; private set; } = null!;

    public FakeSubnet(string name, FakeSubnetArgs args, CustomResourceOptions? options = null)
        : base(FakeTokens.Subnet, name, args ?? new FakeSubnetArgs(), FakeTokens.MakeResourceOptions(options, ""))
    {
    }
}

public sealed class FakeSubnetArgs : ResourceArgs
{
    [Input("cidrBlock", required: true)]
    public Input<string> CidrBlock { get; set; } = null!;

    [Input("compartmentId", required: true)]
    public Input<string> CompartmentId { get; set; } = null!;

    [Input("dnsLabel")]
    public Input<string>? DnsLabel { get; set; }

    [Input("prohibitPublicIpOnVnic")]
    public Input<bool>? ProhibitPublicIpOnVnic { get; set; }

    [Input("vcnId", required: true)]
    public Input<string> VcnId { get; set; } = null!;
}

public sealed class FakeDatabase : CustomResource
{
    [Output("adminPassword")]
    public Output<string> AdminPassword { get; private set; } = null!;

    [Output("cpuCoreCount")]
    public Output<int> CpuCoreCount { get; private set; } = null!;

    [Output("dataStorageSizeInTbs")]
    public Output<double> DataStorageSizeInTbs { get; private set; } = null!;

    [Output("dbName")]
    public Output<string> DbName { get; private set; } = null!;

    [Output("isFreeTier")]
    public Output<bool> IsFreeTier { get; private set; } = null!;

    [Output("subnetId")]
    public Output<string> SubnetId { get; private set; } = null!;

    [Output("connectionStrings")]
    public Output<ImmutableArray<FakeConnectionString>> ConnectionStrings { get; private set; } = null!;

    public FakeDatabase(string name, FakeDatabaseArgs args, CustomResourceOptions? options = null)
        : base(FakeTokens.Database, name, args ?? new FakeDatabaseArgs(), FakeTokens.MakeResourceOptions(options, "", "adminPassword"))
    {
    }
}

public sealed class FakeDatabaseArgs : ResourceArgs
{
    [Input("adminPassword")]
    private Input<string>? _adminPassword;

    /// <summary>Secret in the schema: whatever is assigned is stored as a secret.</summary>
    public Input<string>? AdminPassword
    {
        get => _adminPassword;
        set
        {
            if (value is null) _adminPassword = null;
            else _adminPassword = Output.CreateSecret((Output<string>)value);
        }
    }

    [Input("compartmentId", required: true)]
    public Input<string> CompartmentId { get; set; } = null!;

    [Input("cpuCoreCount")]
    public Input<int>? CpuCoreCount { get; set; }

    [Input("dataStorageSizeInTbs")]
    public Input<int>? DataStorageSizeInTbs { get; set; }

    [Input("dbName", required: true)]
    public Input<string> DbName { get; set; } = null!;

    [Input("isFreeTier")]
    public Input<bool>? IsFreeTier { get; set; }

    [Input("subnetId")]
    public Input<string>? SubnetId { get; set; }
}

[OutputType]
public sealed class FakeConnectionString
{
    public readonly string Name;
    public readonly int Port;
    public readonly ImmutableDictionary<string, string> Options;

    [OutputConstructor]
    private FakeConnectionString(string name, int port, ImmutableDictionary<string, string> options)
    {
        Name = name;
        Port = port;
        Options = options;
    }
}

public sealed class FakePassword : CustomResource
{
    [Output("length")]
    public Output<int> Length { get; private set; } = null!;

    [Output("result")]
    public Output<string> Result { get; private set; } = null!;

    [Output("special")]
    public Output<bool> Special { get; private set; } = null!;

    public FakePassword(string name, FakePasswordArgs args, CustomResourceOptions? options = null)
        : base(FakeTokens.Password, name, args ?? new FakePasswordArgs(), FakeTokens.MakeResourceOptions(options, "", "result"))
    {
    }
}

public sealed class FakePasswordArgs : ResourceArgs
{
    [Input("length", required: true)]
    public Input<int> Length { get; set; } = null!;

    [Input("special")]
    public Input<bool>? Special { get; set; }
}

/// <summary>An explicit provider for the fake package.</summary>
public sealed class FakeProvider : ProviderResource
{
    public FakeProvider(string name, CustomResourceOptions? options = null)
        : base("testoci", name, ResourceArgs.Empty, options)
    {
    }
}

/// <summary>A data source shaped like generated ones (static class with Invoke/InvokeAsync).</summary>
public static class FakeGetServices
{
    public static Task<FakeGetServicesResult> InvokeAsync(FakeGetServicesArgs? args = null, InvokeOptions? options = null)
        => Deployment.Instance.InvokeAsync<FakeGetServicesResult>(FakeTokens.GetServices, args ?? new FakeGetServicesArgs(), options);

    public static Output<FakeGetServicesResult> Invoke(FakeGetServicesInvokeArgs? args = null, InvokeOptions? options = null)
        => Deployment.Instance.Invoke<FakeGetServicesResult>(FakeTokens.GetServices, args ?? new FakeGetServicesInvokeArgs(), options);
}

public sealed class FakeGetServicesArgs : InvokeArgs
{
    [Input("nameFilter")]
    public string? NameFilter { get; set; }
}

public sealed class FakeGetServicesInvokeArgs : InvokeArgs
{
    [Input("nameFilter")]
    public Input<string>? NameFilter { get; set; }
}

[OutputType]
public sealed class FakeGetServicesResult
{
    public readonly string Id;
    public readonly ImmutableArray<FakeService> Services;

    [OutputConstructor]
    private FakeGetServicesResult(string id, ImmutableArray<FakeService> services)
    {
        Id = id;
        Services = services;
    }
}

[OutputType]
public sealed class FakeService
{
    public readonly string CidrBlock;
    public readonly string Name;

    [OutputConstructor]
    private FakeService(string cidrBlock, string name)
    {
        CidrBlock = cidrBlock;
        Name = name;
    }
}
