namespace Enclave.Policy.Review;

/// <summary>
/// A review input (plan document, preview, export or a git revision) could not be read. The message is the
/// one line a user sees: which file, where in it, and what was expected. The CLI maps it to exit code 3.
/// </summary>
public sealed class ReviewInputException : Exception
{
    public ReviewInputException(string message) : base(message) { }

    public ReviewInputException(string message, Exception inner) : base(message, inner) { }
}
