using System.Globalization;
using Enclave.Policy.Inputs;

namespace Enclave.Policy.Reports;

/// <summary>
/// How many rows one access table may hold (<c>ENCLAVE_MAX_ACCESS_ROWS</c>, else 1,000,000). A table has up to one row
/// per data-bearing resource per statement that may reach it, and a compartment whose place in the tree is unknown
/// may be reached by every statement: a hostile state of a few megabytes would otherwise ask for billions of rows.
/// Counted as rows are produced, so memory and time stop at the budget rather than after it.
/// </summary>
public static class AccessRowBudget
{
    public const string Variable = "ENCLAVE_MAX_ACCESS_ROWS";
    public const long DefaultMaxRows = 1_000_000;

    /// <summary>The budget in force: <see cref="Variable"/> when set, else <see cref="DefaultMaxRows"/>.</summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive count.</exception>
    public static long MaxRows => InputLimits.MaxCount(Variable, DefaultMaxRows);
}

/// <summary>
/// The access table of an input would pass its row budget: the input cannot be read as a table of that size, so the
/// CLI exits 3 (unreadable input) and names the file it read. <see cref="Problem"/> says what and how to raise it.
/// </summary>
public sealed class AccessRowLimitException(long limit)
    : AccessBudgetException(limit, $"the access table would exceed the {limit.ToString("N0", CultureInfo.InvariantCulture)}-row limit " +
                $"(a row per data-bearing resource per statement that may reach it; set {AccessRowBudget.Variable} to raise it)");

/// <summary>
/// An access table would pass one of its budgets (rows, <see cref="AccessRowBudget"/>; work, <see cref="AccessWorkBudget"/>):
/// the CLI exits 3 (unreadable input) naming the file it read. <see cref="Problem"/> says which limit and how to raise it.
/// </summary>
public abstract class AccessBudgetException(long limit, string message, Exception? inner = null) : Exception(message, inner)
{
    public long Limit { get; } = limit;

    /// <summary>What is wrong, without a file name (the caller knows which input it was).</summary>
    public string Problem => Message;
}
