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
    private static RecordingMocks NewMocks()
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
    public async Task Output_form_invoke_with_a_secret_argument_is_secret()
    {
        var mocks = NewMocks();
        Output<FakeGetServicesResult>? result = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            result = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = Output.CreateSecret("hidden") });
        });

        Assert.True(await Output.IsSecretAsync(result!));
        Assert.Equal("services-hidden", (await OutputUtilities.GetValueAsync(result!)).Id);
        Assert.Equal("hidden", Assert.Single(mocks.Calls).Args["nameFilter"]);
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
