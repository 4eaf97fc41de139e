namespace Enclave.Offline.Stacks;

/// <summary>
/// A project or stack file cannot be used: unreadable, not YAML, the wrong shape, an unknown stack. The message
/// names the file (relative to the repository root) and, when there is one, the line and column
/// (<c>stacks/Pulumi.dev.yaml:12:5: …</c>). Tools map it to exit code 2 (usage or config error), except when
/// <see cref="Unreadable"/>: the file could not be read at all (missing, not a regular file, too large, not text),
/// which is exit 3 like every other unreadable input.
/// </summary>
public sealed class StackConfigException : Exception
{
    public StackConfigException(string file, string message, int? line = null, int? column = null)
        : base(Locate(file, line, column) + message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The shared opener refused the file (<see cref="Enclave.Policy.Inputs.InputFileException"/>).</summary>
    public StackConfigException(Enclave.Policy.Inputs.InputFileException unreadable)
        : base(unreadable.Message, unreadable)
    {
        File = unreadable.Path;
        Unreadable = true;
    }

    /// <summary>The file could not be read at all (exit 3); otherwise its content is wrong (exit 2).</summary>
    public bool Unreadable { get; }

    public string File { get; }
    public int? Line { get; }
    public int? Column { get; }

    private static string Locate(string file, int? line, int? column) =>
        line is null ? $"{file}: " : column is null ? $"{file}:{line}: " : $"{file}:{line}:{column}: ";
}
