using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Engine.Tests.FakeEngine;

namespace Enclave.Engine.Tests.Running;

/// <summary>The variables the Pulumi language host sets for a program it runs (protocol reference §3.1).</summary>
public sealed record EngineEnvironment(
    string Monitor,
    string Engine,
    string Project,
    string Stack,
    bool DryRun,
    string RootDirectory,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlyCollection<string> SecretKeys)
{
    public static EngineEnvironment For(FakeEngineServer engine, string rootDirectory,
        IReadOnlyDictionary<string, string> config, IReadOnlyCollection<string>? secretKeys = null)
        => new(engine.MonitorAddress, engine.EngineAddress, engine.Options.Project, engine.Options.Stack, engine.Options.DryRun,
            rootDirectory, config, secretKeys ?? []);

    public ImmutableDictionary<string, string> ToVariables() => new Dictionary<string, string>
    {
        ["PULUMI_MONITOR"] = Monitor,
        ["PULUMI_ENGINE"] = Engine,
        ["PULUMI_PROJECT"] = Project,
        ["PULUMI_STACK"] = Stack,
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = RootDirectory,
        ["PULUMI_PWD"] = RootDirectory,
        ["PULUMI_DRY_RUN"] = DryRun ? "true" : "false",
        ["PULUMI_QUERY_MODE"] = "false",
        ["PULUMI_PARALLEL"] = "16",
        ["PULUMI_CONFIG"] = JsonSerializer.Serialize(Config),
        ["PULUMI_CONFIG_SECRET_KEYS"] = JsonSerializer.Serialize(SecretKeys),
    }.ToImmutableDictionary();
}
