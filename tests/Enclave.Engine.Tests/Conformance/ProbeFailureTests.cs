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
        Assert.Contains(run.Recording.Errors, e =>
            e.Message.Contains("oci:Core/vcn:Vcn 'network-vcn'", StringComparison.Ordinal)
            && e.Message.Contains("vcn rejected by the fake engine", StringComparison.Ordinal));
        Assert.Equal(0, run.Recording.ShutdownSignals);
        // Work that did not depend on the refused resource still went through.
        Assert.Contains(run.Recording.Registrations, r => r.Type == "oci:Identity/compartment:Compartment");
    }

    [Fact]
    public async Task Failed_step_leaves_its_outputs_unknown_and_the_run_ends_normally()
    {
        var options = ProbeProgram.Options(dryRun: false) with
        {
            StepResult = r => r.Type == "random:index/randomPassword:RandomPassword" ? Result.Fail : Result.Success,
        };
        var run = await ProbeProgram.RunAsync(options);

        // The engine reports the failed step itself; the program just must not treat its outputs as known.
        Assert.True(run.Exit.ExitCode == 0 && !run.Exit.TimedOut, run.Describe());
        var adminPassword = run.Input(run.Single("oci:Database/autonomousDatabase:AutonomousDatabase", "database"), "adminPassword");
        Assert.True(Wire.IsUnknown(adminPassword), adminPassword.ToString());
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

    [Theory]
    [InlineData("PULUMI_MONITOR", "localhost", "PULUMI_MONITOR must be the address the Pulumi engine listens on, as host:port")]
    [InlineData("PULUMI_CONFIG", "{\"probe:tenancyOcid\": \"ocid1.tenancy.oc1..probe\"", "PULUMI_CONFIG must be a JSON object")]
    [InlineData("PULUMI_CONFIG_SECRET_KEYS", "probe:tenancyOcid", "PULUMI_CONFIG_SECRET_KEYS must be a JSON array")]
    public async Task Malformed_engine_variable_is_named_in_the_error(string variable, string value, string expected)
    {
        var run = await EngineRun.RunAsync(Programs.Probe, ProbeProgram.Options(dryRun: true), ProbeProgram.Config, ProbeProgram.SecretKeys,
            editVariables: v => new Dictionary<string, string>(v) { [variable] = value });

        Assert.NotEqual(0, run.Exit.ExitCode);
        Assert.Contains(expected, run.Exit.Stderr);
        Assert.Empty(run.Recording.Registrations);
    }
}
