using Enclave.Engine.Tests.FakeEngine;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.Engine.Tests.Running;

/// <summary>One program run against a fresh fake engine: how the program exited and everything it sent.</summary>
public sealed record EngineRun(FakeEngineOptions Options, ProgramExit Exit, EngineRecording Recording)
{
    public static async Task<EngineRun> RunAsync(ProgramUnderTest program, FakeEngineOptions options,
        IReadOnlyDictionary<string, string> config, IReadOnlyCollection<string>? secretKeys = null,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? editVariables = null)
    {
        await using var engine = await FakeEngineServer.StartAsync(options);
        var variables = EngineEnvironment.For(engine, Programs.RepoRoot, config, secretKeys).ToVariables();
        var exit = await ProgramProcess.RunAsync(program, editVariables is null ? variables : editVariables(variables));
        return new EngineRun(options, exit, engine.Recording);
    }

    public bool DryRun => Options.DryRun;

    public string StackUrn => Urns.New(Options.Stack, Options.Project, "", Urns.RootStackType, $"{Options.Project}-{Options.Stack}");

    public Registration Single(string type, string name) => Recording.Single(type, name);

    /// <summary>A property of a registration's inputs (fails the test when absent).</summary>
    public Value Input(Registration registration, string property)
        => registration.Request.Object.Fields.TryGetValue(property, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"{registration.Type} '{registration.Name}' was registered without '{property}'");

    /// <summary>The program's output and the recorded errors, for assertion messages.</summary>
    public string Describe()
        => $"{(DryRun ? "preview" : "update")} of {Options.Project}/{Options.Stack}: {Exit}\n--- engine errors ---\n"
           + string.Join("\n", Recording.Errors.Select(e => e.Message))
           + "\n--- protocol violations ---\n" + string.Join("\n", Recording.Violations);
}
