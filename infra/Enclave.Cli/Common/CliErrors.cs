using Enclave.Policy.Engine;
using Enclave.Policy.Inputs;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;
using Enclave.Policy.Waivers;
using Enclave.Escaping;

namespace Enclave.Cli.Common;

/// <summary>
/// Runs a command body and turns every failure into one line on stderr plus its exit code. Commands throw; only
/// this decides what the user sees. Further exception types (e.g. stack configuration errors) register a mapping.
/// Every error line goes through <see cref="Line"/>: one line, escaped, capped, whatever the message quotes.
/// </summary>
public static class CliErrors
{
    private static readonly List<Func<Exception, (int Code, string Message)?>> Mappings = [];

    /// <summary>Adds a mapping for an exception type thrown by another component (config, offline runner…).</summary>
    public static void Register(Func<Exception, (int Code, string Message)?> mapping)
    {
        lock (Mappings) Mappings.Add(mapping);
    }

    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            error.WriteLine(Line(message));
            return code;
        }
    }

    /// <summary>
    /// The line printed for an error: messages quote file names, keys and values from inputs, so control, ANSI and
    /// bidi characters and line breaks are escaped and the whole is capped (<see cref="SafeText"/>).
    /// </summary>
    public static string Line(string message) => "enclave: error: " + SafeText.Escape(message, SafeText.LineLength);

    public static (int Code, string Message) Describe(Exception e)
    {
        switch (e)
        {
            case CliException c: return (c.ExitCode, c.Message);
            case ArtifactLoadException a: return (ExitCodes.InputUnreadable, a.Message);
            case InputFileException f: return (ExitCodes.InputUnreadable, f.Message);
            case InputLimitException l: return (ExitCodes.UsageOrConfig, l.Message);
            case AccessBudgetException r: return (ExitCodes.InputUnreadable, r.Problem);
            case WaiverFileException w: return (w.Unreadable ? ExitCodes.InputUnreadable : ExitCodes.UsageOrConfig, w.Message);
            case RuleEvaluationException r: return (ExitCodes.InternalError, $"internal error: {r.Message} (please report this)");
            case GateFaultException g: return (ExitCodes.InternalError, $"internal error: {g.Message} (please report this)");
        }
        lock (Mappings)
            foreach (var mapping in Mappings)
                if (mapping(e) is { } mapped) return mapped;
        return e switch
        {
            UnauthorizedAccessException or IOException => (ExitCodes.InputUnreadable, OneLine(e.Message)),
            OperationCanceledException => (ExitCodes.UsageOrConfig, "cancelled"),
            _ => (ExitCodes.InternalError, $"internal error: {e.GetType().Name}: {OneLine(e.Message)} (please report this)"),
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
