using Enclave.Configuration;
using Enclave.Offline;
using Enclave.Offline.Planning;
using Enclave.Offline.Stacks;
using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Common;

/// <summary>The repository's stacks through the config loader and the offline runner (issue 4's default source).</summary>
public sealed class OfflineStackSource : IStackSource
{
    static OfflineStackSource()
    {
        // Configuration and program failures are the user's to fix: exit 2 with their own (file:line) messages. A
        // stack config that cannot be read at all (missing, not a regular file, too large, binary) is exit 3 like
        // every other unreadable input.
        CliErrors.Register(e => e switch
        {
            StackConfigException { Unreadable: true } s => (ExitCodes.InputUnreadable, s.Message),
            StackConfigException s => (ExitCodes.UsageOrConfig, s.Message),
            ConfigurationException c => (ExitCodes.UsageOrConfig, c.OneLineMessage),
            OfflineRunException o => (ExitCodes.UsageOrConfig, o.Message.ReplaceLineEndings("; ").TrimEnd(';', ' ')),
            _ => null,
        });
    }

    public IReadOnlyList<string> ListStacks(string repoRoot) => StackContext.ListStacks(repoRoot);

    public PolicyContext LoadPolicy(string repoRoot, string stack) => StackContext.LoadPolicy(repoRoot, stack);

    public async Task<(ResourceGraph Graph, PolicyContext Policy)> RunOfflineAsync(string repoRoot, string stack, CancellationToken cancel)
    {
        var result = await OfflinePlanner.RunAsync(repoRoot, stack, preview: true, cancel);
        return (result.Graph, result.Policy);
    }
}
