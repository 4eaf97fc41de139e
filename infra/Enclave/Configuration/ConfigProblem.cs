using System.Collections.Immutable;
using System.Text;

namespace Enclave.Configuration;

/// <summary>One thing wrong with a stack's config: the full key (e.g. <c>us-data-enclave:network.vcnCidr</c>)
/// and a sentence naming the bad value and what is allowed.</summary>
public sealed record ConfigProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";

    /// <summary>
    /// The single message reported for a stack: a header, then the problems — one bulleted line each (what
    /// <c>pulumi up</c> prints), or, with <paramref name="oneLine"/>, joined by <c>"; "</c> on one line (a CLI's stderr).
    /// </summary>
    public static string Format(string stack, IReadOnlyCollection<ConfigProblem> problems, bool oneLine = false)
    {
        var sb = new StringBuilder();
        sb.Append("Configuration of stack '").Append(stack).Append("' is invalid (")
          .Append(problems.Count).Append(problems.Count == 1 ? " problem" : " problems").Append("):");
        var first = true;
        foreach (var p in problems)
        {
            sb.Append(oneLine ? (first ? " " : "; ") : "\n  - ").Append(p);
            first = false;
        }
        return sb.ToString();
    }
}

/// <summary>The outcome of reading a stack's config: settings when every value is valid, otherwise all problems found.</summary>
public sealed record ConfigResult(string Stack, EnclaveSettings? Settings, ImmutableArray<ConfigProblem> Problems)
{
    public bool IsValid => Problems.IsEmpty && Settings is not null;

    /// <summary>The message reported when <see cref="IsValid"/> is false.</summary>
    public string Message => ConfigProblem.Format(Stack, Problems);
}
