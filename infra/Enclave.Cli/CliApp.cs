using System.CommandLine;

namespace Enclave.Cli;

/// <summary>Builds the `enclave` root command from the command classes in Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("enclave: offline plan, review diff and isolation policy gate for the US data enclave");
        // Commands are added here as they land (plan, diff, check, rules, access).
        return root;
    }

    public static Task<int> RunAsync(string[] args) => BuildRoot().Parse(args).InvokeAsync();
}
