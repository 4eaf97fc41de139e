using System.Globalization;
using System.CommandLine;
using Enclave.Cli.Commands;
using Enclave.Cli.Common;
using Enclave.Policy.Inputs;

namespace Enclave.Cli;

/// <summary>Builds the `enclave` root command from the command classes in Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot() => BuildRoot(CliServices.Default);

    public static RootCommand BuildRoot(CliServices services)
    {
        var root = new RootCommand("enclave: offline plan, review diff and isolation policy gate for the US data enclave\n\n" +
                                   "File inputs are regular files or - for standard input.\n" +
                                   "Exit codes: 0 clean, 1 policy violations, 2 usage or configuration error, 3 unreadable input, " +
                                   "4 changes found with `diff --expect-no-changes`, 70 internal error (please report it), 128+N stopped by signal N " +
                                   "(130 SIGINT, 143 SIGTERM; a report not yet complete is discarded).");
        root.Options.Add(new Option<bool>(NoColor) { Description = "No colour, even on a terminal (as NO_COLOR=1)", Recursive = true });
        root.Options.Add(new Option<bool>(Quiet, "-q") { Description = "Print only the report and errors: no summary line or progress on stderr", Recursive = true });
        root.Subcommands.Add(PlanCommand.Create(services));
        root.Subcommands.Add(DiffCommand.Create(services));
        root.Subcommands.Add(CheckCommand.Create(services));
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(AccessCommand.Create(services));
        root.Subcommands.Add(StacksCommand.Create(services));
        root.Subcommands.Add(ConfigCommand.Create(services));
        return root;
    }

    /// <summary>`--no-color`: plain text even on a terminal (NO_COLOR does the same).</summary>
    public const string NoColor = "--no-color";

    /// <summary>`--quiet`: only the report and errors.</summary>
    public const string Quiet = "--quiet";

    public static async Task<int> RunAsync(string[] args)
    {
        using var signals = Interruption.Process.Handle(Console.Error); // the process's command only, never in-process callers
        return await RunAsync(args, CliServices.Default, Console.Out, Console.Error);
    }

    /// <summary>
    /// Parses and runs. Parse errors (unknown options, bad values) exit 2 with one line on stderr naming the option
    /// or argument and what is valid, so that exit code 1 always means policy violations.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliServices services, TextWriter stdout, TextWriter stderr)
    {
        // Verdicts, reports and errors must not depend on the machine's locale (LANG, LC_ALL): a th-TH runner printed
        // waiver dates in the Thai calendar, and a tr-TR one would compare "i" and "I" as different letters. Scoped to
        // this command's async flow (tests run several in one process), so the caller's culture is left as it was.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        using var inputs = InputsRead.Track(); // --output may not name a file this run reads
        var parseResult = BuildRoot(services).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            stderr.WriteLine(CliErrors.Line(ParseErrors.Describe(parseResult)));
            return ExitCodes.UsageOrConfig;
        }
        // A bad size setting (ENCLAVE_MAX_*_BYTES) is a usage error before any input is read.
        try { InputLimits.Validate(); }
        catch (InputLimitException e)
        {
            stderr.WriteLine(CliErrors.Line(e.Message));
            return ExitCodes.UsageOrConfig;
        }
        Terminal.Configure(parseResult.GetValue<bool>(NoColor), parseResult.GetValue<bool>(Quiet));
        if (HelpText.TryWrite(parseResult, stdout, stderr)) return ExitCodes.Ok;
        // No ProcessTerminationTimeout: System.CommandLine's own SIGINT/SIGTERM handling cancels a token no command
        // waits on; signals are Interruption's.
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null });
    }
}
