namespace Enclave.Policy.Iam;

/// <summary>
/// How many statement evaluations (one statement matched against one query for one subject) a run of reverse queries
/// (<see cref="AccessEvaluator.WhoMay"/>) or of forward ones (<see cref="AccessEvaluator.MayAllow"/>, where a statement
/// counts by its size) may spend. The rows a table produces are bounded elsewhere; this bounds the
/// work that produces no row: N buckets asked one by one against M statements whose conditions all fail cost N×M
/// evaluations and yield nothing, so a hostile state of a few megabytes could otherwise run for minutes.
/// Counted inside the evaluator, before each evaluation, so the run stops at the budget rather than after it.
/// </summary>
public sealed class EvaluationBudget(long limit)
{
    /// <summary>The most evaluations allowed.</summary>
    public long Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "a budget is positive");

    /// <summary>Evaluations spent so far.</summary>
    public long Spent { get; private set; }

    /// <summary>Spends <paramref name="count"/> evaluations (one by default).</summary>
    /// <exception cref="EvaluationBudgetExceededException">The budget would be passed.</exception>
    public void Spend(long count = 1)
    {
        if (Spent > Limit - count) throw new EvaluationBudgetExceededException(Limit);
        Spent += count;
    }
}

/// <summary>A run of reverse queries would pass its <see cref="EvaluationBudget"/>.</summary>
public sealed class EvaluationBudgetExceededException(long limit)
    : Exception($"more than {limit} statement evaluations")
{
    public long Limit { get; } = limit;
}
