using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;

namespace Pulumi.Sdk.Tests;

/// <summary>How program failures surface from TestAsync.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task An_exception_in_the_stack_constructor_surfaces_as_RunException()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<ThrowingStack>(new RecordingMocks().Object));

        Assert.StartsWith("Running program '", error.Message);
        Assert.Contains("' failed with an unhandled exception:", error.Message);
        Assert.Contains("System.InvalidOperationException: the program failed on purpose", error.Message);
    }

    [Fact]
    public async Task An_exception_in_a_delegate_program_surfaces_as_RunException()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(),
            (Action)(() => throw new ArgumentException("bad argument in program"))));

        Assert.Contains("System.ArgumentException: bad argument in program", error.Message);
    }

    [Fact]
    public async Task A_throwing_Apply_fails_the_run_even_if_its_result_is_unused()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions { IsPreview = false }, () =>
        {
            var password = new FakePassword("p", new FakePasswordArgs { Length = 8 });
            password.Id.Apply(new Func<string, string>(_ => throw new InvalidOperationException("apply callback failed")));
        }));

        Assert.Contains("apply callback failed", error.Message);
    }

    [Fact]
    public async Task A_missing_required_input_reports_the_official_message()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(),
            () => { _ = new FakeVcn("no-compartment", new FakeVcnArgs { DisplayName = "x" }); }));

        Assert.Contains($"[Input] {typeof(FakeVcnArgs).FullName}.CompartmentId is required but was not given a value", error.Message);
        Assert.Contains("System.ArgumentNullException", error.Message);
    }

    [Fact]
    public async Task An_unassigned_stack_output_reports_the_official_message()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<UnassignedOutputStack>(new RecordingMocks().Object));

        Assert.Equal("Output(s) 'forgotten' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.", error.Message);
    }

    [Fact]
    public async Task Log_Error_in_the_program_fails_the_test_with_that_message()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(),
            () => Log.Error("policy violated: public subnet")));

        Assert.Equal("policy violated: public subnet", error.Message);
    }

    [Fact]
    public async Task Warnings_and_info_do_not_fail_the_test()
    {
        var resources = await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            Log.Warn("just a warning");
            Log.Info("just info");
            Log.Debug("just debug");
        });

        Assert.Empty(resources);
    }

    [Fact]
    public async Task A_RunException_thrown_by_the_program_is_reported_by_its_message_only()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(),
            (Action)(() => throw new RunException("user-facing problem"))));

        Assert.Equal("user-facing problem", error.Message);
    }

    [Fact]
    public async Task Several_independent_errors_surface_as_an_AggregateException_of_RunExceptions()
    {
        var error = await Assert.ThrowsAsync<AggregateException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            Log.Error("first problem");
            Log.Error("second problem");
        }));

        Assert.All(error.InnerExceptions, e => Assert.IsType<RunException>(e));
        Assert.Equal(new[] { "first problem", "second problem" }, error.InnerExceptions.Select(e => e.Message));
    }

    [Fact]
    public async Task A_failing_mock_fails_the_run()
    {
        var mocks = new RecordingMocks();
        mocks.Ids[FakeTokens.Password] = _ => throw new TimeoutException("provider unreachable");

        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(mocks.Object, new TestOptions(),
            () => { _ = new FakePassword("p", new FakePasswordArgs { Length = 8 }); }));

        Assert.Contains("provider unreachable", error.Message);
    }
}
