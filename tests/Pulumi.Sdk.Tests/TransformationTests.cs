using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;

namespace Pulumi.Sdk.Tests;

/// <summary>Resource transformations: run for the stack and every descendant, may rewrite args, never the parent.</summary>
public sealed class TransformationTests
{
    /// <summary>A stack whose transformations are supplied by the test (TStack needs a parameterless ctor).</summary>
    public sealed class ObservedStack : Stack
    {
        public static readonly AsyncLocal<ResourceTransformation?> Hook = new();

        public ObservedStack()
            : base(new StackOptions { ResourceTransformations = { args => Hook.Value?.Invoke(args) } })
        {
            _ = new FakeNetwork("net");
        }
    }

    [Fact]
    public async Task Stack_transformations_see_the_stack_and_every_descendant_with_their_parents()
    {
        var seen = new List<(string Type, string Name, string? Parent)>();
        ObservedStack.Hook.Value = args =>
        {
            lock (seen) seen.Add((args.Resource.GetResourceType(), args.Resource.GetResourceName(), args.Options.Parent?.GetResourceName()));
            return null;
        };
        await Deployment.TestAsync<ObservedStack>(new RecordingMocks().Object, new TestOptions { IsPreview = false });

        Assert.Contains(("pulumi:pulumi:Stack", "project-stack", null), seen);
        Assert.Contains(("enclave:network:Network", "net", null), seen);
        Assert.Contains((FakeTokens.Vcn, "net-vcn", "net"), seen);
        Assert.Contains((FakeTokens.Subnet, "net-subnet", "net"), seen);
    }

    [Fact]
    public async Task A_transformation_can_replace_args_before_registration()
    {
        ObservedStack.Hook.Value = args => args.Resource.GetResourceType() == FakeTokens.Vcn
            ? new ResourceTransformationResult(
                new FakeVcnArgs { CompartmentId = "rewritten", CidrBlocks = { "10.9.0.0/16" } }, args.Options)
            : null;
        var mocks = new RecordingMocks();
        await Deployment.TestAsync<ObservedStack>(mocks.Object, new TestOptions { IsPreview = false });

        Assert.Equal("rewritten", mocks.Single(FakeTokens.Vcn, "net-vcn").Inputs["compartmentId"]);
    }

    [Fact]
    public async Task Changing_the_parent_in_a_transformation_fails_the_program()
    {
        ObservedStack.Hook.Value = args => args.Resource.GetResourceType() == FakeTokens.Subnet
            ? new ResourceTransformationResult(args.Args, new CustomResourceOptions { Parent = null })
            : null;

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => Deployment.TestAsync<ObservedStack>(new RecordingMocks().Object, new TestOptions { IsPreview = false }));
        Assert.Contains("Transformations cannot currently be used to change the 'parent' of a resource.", error.Message);
    }
}
