using Enclave.Engine.Tests.Conformance;
using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Grpc.Core;
using Pulumirpc;

namespace Enclave.Engine.Tests.SubsetOnly;

/// <summary>
/// Where the sdk/ subset is friendlier than the official SDK 3.112.1 (sdk/Pulumi/README.md, "Deliberate differences").
/// Not compiled under -p:UseOfficialPulumiSdk=true (SubsetOnly/): the official SDK behaves otherwise on purpose or by
/// a bug, and the program's own behaviour in these cases is checked by Conformance/*FailureTests on both.
/// </summary>
public sealed class SubsetOnlyFailureTests
{
    /// <summary>The official SDK logs the bare gRPC error; the subset says which registration the engine refused.</summary>
    [Fact]
    public async Task Refused_registration_error_names_the_resource()
    {
        var options = ProbeProgram.Options(dryRun: false) with
        {
            Refuse = r => r.Type == "oci:Core/vcn:Vcn" ? new Status(StatusCode.InvalidArgument, "vcn rejected by the fake engine") : null,
        };
        var run = await ProbeProgram.RunAsync(options);

        Assert.True(run.Exit.ExitCode == 32, run.Describe());
        Assert.Contains(run.Recording.Errors, e =>
            e.Message.Contains("oci:Core/vcn:Vcn 'network-vcn'", StringComparison.Ordinal)
            && e.Message.Contains("vcn rejected by the fake engine", StringComparison.Ordinal));
    }

    /// <summary>
    /// A failed step comes back with result FAIL and no outputs. The official SDK then dereferences the missing
    /// outputs (NullReferenceException in Deployment.CompleteResourceAsync) and exits 32 with that error; the subset
    /// leaves the resource's outputs unknown, as the official code intends, and lets the engine report the failure.
    /// </summary>
    [Fact]
    public async Task Failed_step_leaves_its_outputs_unknown_and_the_run_ends_normally()
    {
        var options = ProbeProgram.Options(dryRun: false) with
        {
            StepResult = r => r.Type == "random:index/randomPassword:RandomPassword" ? Result.Fail : Result.Success,
        };
        var run = await ProbeProgram.RunAsync(options);

        Assert.True(run.Exit.ExitCode == 0 && !run.Exit.TimedOut, run.Describe());
        var adminPassword = run.Input(run.Single("oci:Database/autonomousDatabase:AutonomousDatabase", "database"), "adminPassword");
        Assert.True(Wire.IsUnknown(adminPassword), adminPassword.ToString());
    }

    /// <summary>
    /// The official SDK answers any missing or malformed engine variable with "Program run without the Pulumi engine
    /// available" (and does not check addresses or PULUMI_CONFIG's shape before connecting); the subset names the
    /// variable and what it expects.
    /// </summary>
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

    [Theory]
    [InlineData("PULUMI_DRY_RUN", "maybe", "PULUMI_DRY_RUN must be 'true' (preview) or 'false' (update); got 'maybe'")]
    [InlineData("PULUMI_PARALLEL", null, "PULUMI_PARALLEL must be a whole number of parallel resource operations; it is not set")]
    [InlineData("PULUMI_STACK", null, "PULUMI_STACK must be the stack name; it is not set")]
    public async Task Incomplete_engine_environment_names_the_variable(string variable, string? value, string expected)
    {
        var run = await EnclaveFailureTests.RunWithEngineVariableAsync(variable, value);

        Assert.True(run.Exit.ExitCode == 2, run.Describe());
        var line = Assert.Single(run.Exit.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: The Pulumi engine's environment is incomplete: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
