using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Grpc.Core;
using Pulumirpc;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>
/// How a run ends when something goes wrong: the program fails, the engine refuses a request, a step fails,
/// an older engine lacks an RPC, or the program was not started by the engine at all.
/// </summary>
public sealed class ProbeFailureTests
{
    [Fact]
    public async Task Program_error_is_logged_once_as_an_error_and_exits_32()
    {
        const string message = "probe: tenancyOcid must be a tenancy OCID";
        var config = new Dictionary<string, string>(ProbeProgram.Config) { ["probe:failWith"] = message };
        var run = await ProbeProgram.RunAsync(ProbeProgram.Options(dryRun: true), config);

        Assert.False(run.Exit.TimedOut, run.Describe());
        Assert.True(run.Exit.ExitCode == 32, run.Describe());
        var error = Assert.Single(run.Recording.Errors);
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain(run.Recording.Registrations, r => r.Request.Custom);
        Assert.Equal(0, run.Recording.ShutdownSignals);
    }

    [Fact]
    public async Task Refused_registration_fails_the_run_with_the_engine_reason()
    {
        var options = ProbeProgram.Options(dryRun: false) with
        {
            Refuse = r => r.Type == "oci:Core/vcn:Vcn" ? new Status(StatusCode.InvalidArgument, "vcn rejected by the fake engine") : null,
        };
        var run = await ProbeProgram.RunAsync(options);

        Assert.False(run.Exit.TimedOut, "the run hung after a refused registration\n" + run.Describe());
        Assert.True(run.Exit.ExitCode == 32, run.Describe());
        Assert.Contains(run.Recording.Errors, e => e.Message.Contains("vcn rejected by the fake engine", StringComparison.Ordinal));
        Assert.Equal(0, run.Recording.ShutdownSignals);
        // Work that did not depend on the refused resource still went through.
        Assert.Contains(run.Recording.Registrations, r => r.Type == "oci:Identity/compartment:Compartment");
    }

    [Fact]
    public async Task Engine_without_SignalAndWaitForShutdown_is_tolerated()
    {
        var run = await ProbeProgram.RunAsync(ProbeProgram.Options(dryRun: true) with { ShutdownUnimplemented = true });

        ConformanceChecks.Succeeded(run);
    }

    [Fact]
    public async Task Program_started_without_the_engine_says_to_use_the_pulumi_CLI()
    {
        var exit = await ProgramProcess.RunAsync(Programs.Probe, new Dictionary<string, string>());

        Assert.False(exit.TimedOut);
        Assert.NotEqual(0, exit.ExitCode);
        Assert.Contains("Program run without the Pulumi engine available; re-run using the `pulumi` CLI", exit.Stderr);
    }
}
