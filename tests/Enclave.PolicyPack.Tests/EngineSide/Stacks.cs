using System.Collections.Concurrent;
using Enclave.Offline;
using Enclave.Offline.Stacks;
using Enclave.Policy.Graph;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// The shipped stacks as the engine would see them in a preview: the program run offline with the stack's real
/// config (the same graph `enclave check STACK` judges) and the config the CLI would hand the pack. Each stack is run
/// once per test assembly.
/// </summary>
public static class Stacks
{
    public static readonly string[] Shipped = ["dev", "staging", "prod"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<(ResourceGraph, StackConfig)>>> Runs = new();

    public static Task<(ResourceGraph Graph, StackConfig Config)> PreviewAsync(string stack) =>
        Runs.GetOrAdd(stack, s => new Lazy<Task<(ResourceGraph, StackConfig)>>(async () =>
        {
            var result = await OfflinePlanner.RunAsync(PackProcess.RepoRoot, s, preview: true);
            return (result.Graph, StackConfigFile.Load(PackProcess.RepoRoot, s));
        })).Value;
}
