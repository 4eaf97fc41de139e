namespace Enclave.Cli.Common;

/// <summary>The `enclave` exit codes (documented in the README and `enclave --help`).</summary>
public static class ExitCodes
{
    /// <summary>Clean: nothing at or above the gate.</summary>
    public const int Ok = 0;
    /// <summary>Policy violations at or above the threshold (mandatory rules always count unless --soft-fail).</summary>
    public const int Violations = 1;
    /// <summary>Usage or configuration error: bad flags, unknown stack, invalid waiver file or stack config.</summary>
    public const int UsageOrConfig = 2;
    /// <summary>
    /// An input could not be read: missing, not a regular file, over its size cap, binary, malformed, truncated or
    /// unsupported — whatever it is for, stack configs and waiver files included.
    /// </summary>
    public const int InputUnreadable = 3;
    /// <summary>A defect in the tool itself (a rule threw); the message names it.</summary>
    public const int InternalError = 70;
}

/// <summary>An error meant for the user: one line on stderr and the given exit code, never a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.UsageOrConfig, message);
    public static CliException Input(string message) => new(ExitCodes.InputUnreadable, message);
}
