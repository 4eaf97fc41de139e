using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Enclave.Offline.Fakes;
using Enclave.Offline.Stacks;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>
/// The real enclave program (infra/Enclave) with a stack's real config (what the CLI would pass it) against the
/// fake engine, whose providers are the offline runner's fake cloud for that stack.
/// </summary>
public static class EnclaveProgram
{
    public static readonly ImmutableArray<string> Stacks = StackConfigFile.ListStacks(Programs.RepoRoot);

    public static StackConfig Config(string stack) => StackConfigFile.Load(Programs.RepoRoot, stack);

    public static FakeEngineOptions Options(StackConfig config, bool dryRun)
    {
        var settings = EnclaveConfig.Load(config.Source, config.Stack);
        return new FakeEngineOptions
        {
            Project = config.Project,
            Stack = config.Stack,
            DryRun = dryRun,
            Providers = new FakeCloudMocks(FakeCloud.For(settings), settings.DeploymentRegion),
        };
    }

    public static Task<EngineRun> RunAsync(StackConfig config, FakeEngineOptions options)
        => EngineRun.RunAsync(Programs.Enclave, options, config.Values, config.SecretKeys);

    /// <summary>The stack config with one value replaced (as if the stack file said so).</summary>
    public static StackConfig With(StackConfig config, string key, string value)
        => config with { Values = config.Values.SetItem(key, value) };

    /// <summary>The fake secrets the fake cloud generated during a run (random passwords).</summary>
    public static IReadOnlyCollection<string> GeneratedSecrets(EngineRun run) => ((FakeCloudMocks)run.Options.Providers).SecretValues;

    /// <summary>The stack outputs the program declares (its [Output] properties).</summary>
    public static ImmutableArray<string> DeclaredStackOutputs { get; } = typeof(EnclaveStack)
        .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
        .Select(p => p.GetCustomAttributes(typeof(Pulumi.OutputAttribute), false).OfType<Pulumi.OutputAttribute>().FirstOrDefault()?.Name)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToImmutableArray();
}
