using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>Components: URNs, outputs, provider inheritance by package.</summary>
public sealed class ComponentTests
{
    [Fact]
    public async Task Component_and_children_get_mock_urns_under_the_stack_type()
    {
        FakeNetwork? network = null;
        var resources = await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions { IsPreview = false },
            () => { network = new FakeNetwork("net"); });

        Assert.Contains(network!, resources);
        Assert.Contains(network!.Vcn, resources);
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$enclave:network:Network::net",
            await OutputUtilities.GetValueAsync(network.Urn));
        // The official mock monitor prefixes every resource with the root type only, whatever the nesting.
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::net-vcn",
            await OutputUtilities.GetValueAsync(network.Vcn.Urn));
    }

    [Fact]
    public async Task Component_outputs_are_registered_for_its_urn()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () => { _ = new FakeNetwork("net"); });

        var registration = mocks.RegisteredOutputs.Single(r => r.Urn.EndsWith("::net", StringComparison.Ordinal));
        Assert.Equal("net-vcn_id", await OutputUtilities.GetValueAsync(registration.Outputs["vcnId"]));
        Assert.Equal(1.0, await OutputUtilities.GetValueAsync(registration.Outputs["subnetCount"]));
    }

    [Fact]
    public async Task Children_inherit_the_component_provider_for_their_package_only()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            var provider = new FakeProvider("explicit");
            var network = new FakeNetwork("net", new ComponentResourceOptions { Providers = { provider } });
            // A grandchild inherits through the chain of parents.
            _ = new FakeSubnet("grandchild", new FakeSubnetArgs { CompartmentId = "c", CidrBlock = "10.1.2.0/24", VcnId = "v" },
                new CustomResourceOptions { Parent = network.Vcn });
            // Another package's resource does not get the testoci provider.
            _ = new CustomResource("otherpkg:index:Thing", "other", null, new CustomResourceOptions { Parent = network });
        });

        const string providerRef = "urn:pulumi:stack::project::pulumi:pulumi:Stack$pulumi:providers:testoci::explicit::explicit_id";
        Assert.Equal(providerRef, mocks.Single(FakeTokens.Vcn, "net-vcn").Provider);
        Assert.Equal(providerRef, mocks.Single(FakeTokens.Subnet, "net-subnet").Provider);
        Assert.Equal(providerRef, mocks.Single(FakeTokens.Subnet, "grandchild").Provider);
        Assert.Equal("", mocks.Single("otherpkg:index:Thing", "other").Provider);
        Assert.Equal("pulumi:providers:testoci", mocks.Single("pulumi:providers:testoci", "explicit").Type);
    }

    [Fact]
    public async Task An_explicit_provider_on_a_custom_resource_is_passed_to_the_mock()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            var provider = new FakeProvider("direct");
            _ = new FakePassword("p", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions { Provider = provider });
        });

        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$pulumi:providers:testoci::direct::direct_id",
            mocks.Single(FakeTokens.Password, "p").Provider);
    }

    [Fact]
    public async Task Giving_both_provider_and_providers_to_a_component_is_an_error()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            var provider = new FakeProvider("p");
            _ = new ComponentResource("enclave:x:Y", "both", new ComponentResourceOptions { Provider = provider, Providers = { provider } });
        }));

        Assert.Contains("Do not supply both 'provider' and 'providers' options to a ComponentResource.", error.Message);
    }

    [Fact]
    public async Task Resources_passed_as_inputs_reach_the_mock_as_resources()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            var vcn = new FakeVcn("referenced", new FakeVcnArgs { CompartmentId = "c" });
            _ = new CustomResource("otherpkg:index:Holder", "holder",
                new DictionaryResourceArgs(System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty.Add("target", vcn)),
                new CustomResourceOptions());
        });

        var target = Assert.IsAssignableFrom<Resource>(mocks.Single("otherpkg:index:Holder", "holder").Inputs["target"]);
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::referenced", await OutputUtilities.GetValueAsync(target.Urn));
    }

    private sealed class PropertyOutputs : ComponentResource
    {
        public PropertyOutputs(string name) : base("enclave:x:Outputs", name)
        {
            Named = Output.Create("named");
            Unnamed = Output.Create("unnamed");
            Blank = Output.Create("blank");
            RegisterOutputs();
        }

        [Output("wire")] public Output<string> Named { get; private set; }
        [Output] public Output<string> Unnamed { get; private set; }
        [Output(" ")] public Output<string> Blank { get; private set; }
    }

    [Fact]
    public async Task Property_outputs_are_keyed_by_their_name_or_else_the_property_name()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () => { _ = new PropertyOutputs("outs"); });

        var outputs = mocks.RegisteredOutputs.Single(r => r.Urn.EndsWith("::outs", StringComparison.Ordinal)).Outputs;
        // As the official RegisterOutputs(): a blank [Output] name means the property name; the URN is not an output.
        Assert.Equal(["Blank", "Unnamed", "wire"], outputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("blank", await OutputUtilities.GetValueAsync(outputs["Blank"]));
    }
}
