using System.Collections.Immutable;
using Moq;
using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>Provider functions are answered by IMocks.CallAsync and converted to [OutputType] results.</summary>
public sealed class InvokeTests
{
    internal static RecordingMocks NewMocks()
    {
        var mocks = new RecordingMocks();
        mocks.CallResults[FakeTokens.GetServices] = args => ImmutableDictionary<string, object>.Empty
            .Add("id", "services-" + (args.Args.TryGetValue("nameFilter", out var filter) ? filter : "all"))
            .Add("services", ImmutableArray.Create<object>(
                ImmutableDictionary<string, object>.Empty.Add("cidrBlock", "all-iad-services-in-oracle-services-network").Add("name", "All IAD Services")));
        return mocks;
    }

    [Fact]
    public async Task InvokeAsync_calls_the_mock_with_token_and_args_and_converts_the_result()
    {
        var mocks = NewMocks();
        FakeGetServicesResult? result = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), async () =>
        {
            result = await FakeGetServices.InvokeAsync(new FakeGetServicesArgs { NameFilter = "All .* Services" });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal(FakeTokens.GetServices, call.Token);
        Assert.Equal("All .* Services", call.Args["nameFilter"]);
        Assert.Equal("services-All .* Services", result!.Id);
        var service = Assert.Single(result.Services);
        Assert.Equal("all-iad-services-in-oracle-services-network", service.CidrBlock);
        Assert.Equal("All IAD Services", service.Name);
    }

    [Fact]
    public async Task Output_form_invoke_resolves_with_dependencies_of_its_arguments()
    {
        var mocks = NewMocks();
        Output<FakeGetServicesResult>? result = null;
        FakeVcn? vcn = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c", DisplayName = "filter-from-vcn" });
            result = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = vcn.DisplayName });
        });

        Assert.Equal("services-filter-from-vcn", (await OutputUtilities.GetValueAsync(result!)).Id);
        Assert.Contains(vcn!, await OutputUtilities.GetDependenciesAsync(result!));
    }

    [Fact]
    public async Task Output_form_invoke_with_an_unknown_argument_is_unknown_and_does_not_call_the_mock()
    {
        var mocks = NewMocks();
        Output<FakeGetServicesResult>? result = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            result = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = OutputUtilities.CreateUnknown("later") });
        });

        Assert.False(await OutputUtilities.GetIsKnownAsync(result!));
        mocks.Mock.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Never);
    }

    [Fact]
    public async Task Output_form_invoke_with_an_unknown_argument_carries_no_dependencies_or_secrecy()
    {
        // Official Deployment_Invoke.cs: an unknown in the serialized arguments short-circuits to an unknown result
        // with no resources and no secrecy, whatever the unknown argument depended on.
        var mocks = NewMocks();
        Output<FakeGetServicesResult>? result = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            result = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = Output.CreateSecret(vcn.VcnDomainName) });
        });

        Assert.False(await OutputUtilities.GetIsKnownAsync(result!));
        Assert.Empty(await OutputUtilities.GetDependenciesAsync(result!));
        Assert.False(await Output.IsSecretAsync(result!));
        mocks.Mock.Verify(m => m.CallAsync(It.IsAny<MockCallArgs>()), Times.Never);
    }

    [Fact]
    public async Task Output_form_invoke_waits_for_known_ids_of_what_its_arguments_and_depends_on_reach()
    {
        // Official since 3.72 (Deployment_Invoke.cs): a resource reached by the arguments or DependsOn (a component
        // standing for its children) whose ID is unknown makes the result unknown, and the provider is not called.
        var mocks = NewMocks();
        mocks.Ids[FakeTokens.Vcn] = _ => null;
        Output<FakeGetServicesResult>? fromArguments = null, fromComponent = null, fromKnown = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c", DisplayName = "known-name" });
            fromArguments = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = vcn.DisplayName });
            var network = new FakeNetwork("net");
            fromComponent = Deployment.Instance.Invoke<FakeGetServicesResult>(FakeTokens.GetServices,
                new FakeGetServicesInvokeArgs { NameFilter = "component" }, new InvokeOutputOptions { DependsOn = { network } });
            var password = new FakePassword("p", new FakePasswordArgs { Length = 4 });
            fromKnown = Deployment.Instance.Invoke<FakeGetServicesResult>(FakeTokens.GetServices,
                new FakeGetServicesInvokeArgs { NameFilter = "known" }, new InvokeOutputOptions { DependsOn = { password } });
        });

        Assert.False(await OutputUtilities.GetIsKnownAsync(fromArguments!));
        Assert.False(await OutputUtilities.GetIsKnownAsync(fromComponent!));
        Assert.Equal("services-known", (await OutputUtilities.GetValueAsync(fromKnown!)).Id);
        Assert.Equal("known", Assert.Single(mocks.Calls).Args["nameFilter"]);
    }

    [Fact]
    public async Task InvokeSingle_returns_the_only_field_of_the_result()
    {
        var mocks = new RecordingMocks();
        mocks.CallResults["testoci:ObjectStorage/getNamespace:getNamespace"] = _ => ImmutableDictionary<string, object>.Empty.Add("namespace", "axaxnpcrorw5");
        string? value = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), async () =>
        {
            value = await Deployment.Instance.InvokeSingleAsync<string>("testoci:ObjectStorage/getNamespace:getNamespace", InvokeArgs.Empty);
        });

        Assert.Equal("axaxnpcrorw5", value);
    }
}
