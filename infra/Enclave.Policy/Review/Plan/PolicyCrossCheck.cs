namespace Enclave.Policy.Review.Plan;

/// <summary>
/// Compares the verdict a plan file carries with the one the current rules give its resources. A review never
/// trusts the stored verdict (a hand-edited or stale plan would hide what changed); it only says when they differ.
/// </summary>
public static class PolicyCrossCheck
{
    /// <returns>A one-line warning naming the file and the first difference, or null when both agree.</returns>
    public static string? Compare(string label, PolicySummary stored, PolicySummary judged)
    {
        var storedKeys = stored.Findings.Select(Key).ToHashSet(StringComparer.Ordinal);
        var judgedKeys = judged.Findings.Select(Key).ToHashSet(StringComparer.Ordinal);
        if (stored.Passed == judged.Passed && storedKeys.SetEquals(judgedKeys)) return null;

        var example = judged.Findings.FirstOrDefault(f => !storedKeys.Contains(Key(f))) is { } added
            ? $"; e.g. {added.RuleId} {Word(added)} on {added.Urn} is not in the file"
            : stored.Findings.FirstOrDefault(f => !judgedKeys.Contains(Key(f))) is { } gone
                ? $"; e.g. the file's {gone.RuleId} {Word(gone)} on {gone.Urn} no longer holds"
                : "";
        return $"Warning: the policy verdict stored in {label} disagrees with the current rules " +
               $"(stored: {Counts(stored)}; re-judged: {Counts(judged)}){example}. " +
               "This review uses the re-judged verdict; the file is stale or was edited by hand.";
    }

    private static string Key(PolicyFinding f) => $"{f.RuleId}\n{f.Urn}\n{f.Verdict}\n{f.Suppressed}";

    private static string Word(PolicyFinding f) => f.Suppressed ? "waived" : f.Verdict.ToString().ToLowerInvariant();

    private static string Counts(PolicySummary p) =>
        $"{p.Violations.Count()} violations, {p.Undetermined} undetermined, {p.Passed} passed";
}
