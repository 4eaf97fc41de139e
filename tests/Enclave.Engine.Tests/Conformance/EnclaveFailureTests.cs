using Enclave.Engine.Tests.Running;
using Grpc.Core;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>How a `pulumi preview`/`pulumi up` of the enclave ends when its config is wrong or the engine refuses a request.</summary>
public sealed class EnclaveFailureTests
{
    [Fact]
    public async Task Non_US_home_region_stops_the_run_with_the_config_message_and_exit_32()
    {
        var config = EnclaveProgram.With(EnclaveProgram.Config("dev"), "us-data-enclave:homeRegion", "eu-frankfurt-1");
        var run = await EnclaveProgram.RunAsync(config, EnclaveProgram.Options(EnclaveProgram.Config("dev"), dryRun: true));

        Assert.False(run.Exit.TimedOut, run.Describe());
        Assert.True(run.Exit.ExitCode == 32, run.Describe());
        var error = Assert.Single(run.Recording.Errors);
        Assert.Contains("homeRegion", error.Message);
        Assert.Contains("eu-frankfurt-1", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
        Assert.Empty(run.Recording.Registrations);
        Assert.Equal(0, run.Recording.ShutdownSignals);
    }

    [Fact]
    public async Task Refused_vault_fails_the_run_cleanly()
    {
        var config = EnclaveProgram.Config("dev");
        var options = EnclaveProgram.Options(config, dryRun: false) with
        {
            Refuse = r => r.Type == "oci:Kms/vault:Vault" ? new Status(StatusCode.PermissionDenied, "not authorized to create vaults") : null,
        };
        var run = await EnclaveProgram.RunAsync(config, options);

        Assert.False(run.Exit.TimedOut, "the run hung after a refused registration\n" + run.Describe());
        Assert.True(run.Exit.ExitCode == 32, run.Describe());
        // The engine's reason reaches the user (the official SDK reports the gRPC error as the program's failure).
        Assert.Contains(run.Recording.Errors, e => e.Message.Contains("not authorized to create vaults", StringComparison.Ordinal));
        Assert.Equal(0, run.Recording.ShutdownSignals);
    }

    [Fact]
    public async Task Enclave_started_without_the_engine_explains_how_to_run_it_without_a_stack_trace()
    {
        var exit = await ProgramProcess.RunAsync(Programs.Enclave, new Dictionary<string, string>());

        Assert.False(exit.TimedOut);
        Assert.Equal(2, exit.ExitCode);
        Assert.Contains("Program run without the Pulumi engine available; re-run using the `pulumi` CLI", exit.Stderr);
        Assert.Contains("plan <stack>", exit.Stderr);
        Assert.DoesNotContain("   at ", exit.Stderr);
    }

    [Theory]
    [InlineData("PULUMI_DRY_RUN", "maybe")]
    [InlineData("PULUMI_PARALLEL", null)]
    [InlineData("PULUMI_STACK", null)]
    public async Task Incomplete_engine_environment_is_one_error_line_without_a_stack_trace(string variable, string? value)
    {
        var run = await RunWithEngineVariableAsync(variable, value);

        Assert.False(run.Exit.TimedOut, run.Describe());
        Assert.True(run.Exit.ExitCode == 2, run.Describe()); // not 134, the runtime's unhandled-exception abort
        var line = Assert.Single(run.Exit.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Exit.Stderr);
        Assert.Empty(run.Recording.Registrations);
    }

    /// <summary>A run of the dev stack's preview with one engine variable changed (null: removed).</summary>
    internal static Task<EngineRun> RunWithEngineVariableAsync(string variable, string? value)
    {
        var config = EnclaveProgram.Config("dev");
        return EngineRun.RunAsync(Programs.Enclave, EnclaveProgram.Options(config, dryRun: true), config.Values, config.SecretKeys,
            editVariables: v =>
            {
                var edited = new Dictionary<string, string>(v);
                if (value is null) edited.Remove(variable); else edited[variable] = value;
                return edited;
            });
    }
}
