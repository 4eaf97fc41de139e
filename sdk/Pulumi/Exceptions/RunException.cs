namespace Pulumi;

/// <summary>
/// An error whose message is meant for the user as is: the runner reports only the message, without a stack
/// trace. Config errors and TestAsync failures use it.
/// </summary>
public class RunException : Exception
{
    public RunException(string message) : base(message)
    {
    }

    public RunException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    public static RunException OutputsHaveIncorrectType(IEnumerable<string> outputAttributeNames)
    {
        var message = $"Output(s) '{string.Join(", ", outputAttributeNames)}' have incorrect type. [Output] attributed properties must be instances of Output<T>.";
        return new RunException(message);
    }
}

/// <summary>An error tied to a resource: reported to the engine against that resource's URN.</summary>
public class ResourceException : Exception
{
    internal Resource? Resource { get; }
    internal bool HideStack { get; }

    public ResourceException(string message, Resource? resource, bool hideStack = false) : base(message)
    {
        Resource = resource;
        HideStack = hideStack;
    }
}

/// <summary>Raised when sending a log message to the engine failed (then nothing more can be reported).</summary>
public class LogException : Exception
{
    public LogException(Exception exception) : base("Error occurred during logging", exception)
    {
    }
}
