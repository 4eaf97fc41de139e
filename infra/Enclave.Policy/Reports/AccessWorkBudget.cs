using System.Globalization;
using Enclave.Policy.Iam;
using Enclave.Policy.Inputs;

namespace Enclave.Policy.Reports;

/// <summary>
/// How many statement evaluations one access table may cost (<c>ENCLAVE_MAX_ACCESS_WORK</c>, else 20,000,000): the
/// row budget bounds what is produced, this bounds what is weighed and produces nothing. Each bucket is asked about
/// on its own (its name may decide a condition), so N buckets against M statements whose conditions all fail cost
/// N×M evaluations and no row: 10,000 × 10,000 from a 12 MB state would run for over a minute. Counted inside the
/// evaluator (<see cref="EvaluationBudget"/>), so the run stops at the budget. The reach verdicts of ENC-IAM-080/090
/// the table applies (<see cref="Rules.Iam.Reach.ReachVerdicts"/>) are charged to it too: a statement, a group and type
/// judged, a compartment a location is followed into; N statements into a compartment with M below it cost N×M and
/// produce no row either. Measured (before reach was charged): the synthetic 10k- and
/// 200k-resource states of <c>bench/scale.sh</c> spend ≈ 75,000 evaluations (the default is ≈ 250× that); 2,000
/// buckets × 2,000 failing conditions spend 12–16 million (≈ 1.5 s); 20 million is ≈ 3 s of CPU, where 5,000 ×
/// 5,000 from a 6 MB state is refused.
/// </summary>
public static class AccessWorkBudget
{
    public const string Variable = "ENCLAVE_MAX_ACCESS_WORK";
    public const long DefaultMaxEvaluations = 20_000_000;

    /// <summary>The budget in force: <see cref="Variable"/> when set, else <see cref="DefaultMaxEvaluations"/>.</summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive count.</exception>
    public static long MaxEvaluations => InputLimits.MaxCount(Variable, DefaultMaxEvaluations);
}

/// <summary>Building an access table would pass its work budget (<see cref="AccessWorkBudget"/>).</summary>
public sealed class AccessWorkLimitException(long limit, Exception? inner = null)
    : AccessBudgetException(limit, $"the access table would take more than {limit.ToString("N0", CultureInfo.InvariantCulture)} " +
        $"statement evaluations (a statement weighed against a data-bearing resource; set {AccessWorkBudget.Variable} to raise it)", inner);

/// <summary>
/// Judging a stack would weigh more statements than the work budget (<see cref="AccessWorkBudget"/>) allows: the
/// gate's forward questions (may this principal do anything?) over a hostile policy set. Not a defect of the rule, so
/// the CLI exits 3 with this one line rather than an internal error.
/// </summary>
public sealed class IamWorkLimitException(string ruleId, long limit, Exception? inner = null)
    : AccessBudgetException(limit, $"rule {ruleId} would weigh more than {limit.ToString("N0", CultureInfo.InvariantCulture)} " +
        $"statement evaluations (a statement, counted by its groups and condition clauses, weighed for one principal; " +
        $"set {AccessWorkBudget.Variable} to raise it)", inner);
