using Enclave.Policy.Rules.Common;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Reports;

/// <summary>
/// The section of <c>docs/rules.md</c> that says how verdicts count: fail-closed per artifact, <c>--undetermined</c>,
/// the isolation-relevant settings that may never be secret, and what a waiver may do. Generated with the catalogue
/// so the document cannot drift from the code that decides.
/// </summary>
public static class RuleSemanticsMarkdown
{
    public static void Write(TextWriter o)
    {
        o.WriteLine("## How verdicts count");
        o.WriteLine();
        o.WriteLine("Every rule is an allow-list and answers per resource: **pass**, **fail** or **undetermined** (it met a value it cannot read: " +
                    "a value computed at deploy time, a secret, a reference it cannot resolve, a setting it cannot parse). Whatever the gate " +
                    "cannot read counts **against** the change (fail-closed):");
        o.WriteLine();
        o.WriteLine("| Input | Undetermined finding of a mandatory rule |");
        o.WriteLine("|---|---|");
        o.WriteLine("| offline run of the program (`enclave check STACK`, `enclave plan`) | **blocks**: the program's own run knows every isolation-relevant value |");
        o.WriteLine("| `--plan FILE` (an `enclave plan --format json`) | **blocks** |");
        o.WriteLine("| `--state FILE` (`pulumi stack export`, checkpoint) | **blocks**: a deployed state holds every value |");
        o.WriteLine("| `--preview-json FILE` (`pulumi preview --json`) | reported as undetermined, not blocking: the cloud computes some values at deploy time; check the state after the update |");
        o.WriteLine();
        o.WriteLine("A blocking undetermined finding is reported as a violation (`fail`, `\"unreadable\": true` in JSON) whose message starts " +
                    "with `could not be read:` and says why that blocks. A **secret** is never \"computed at deploy time\": an isolation-relevant " +
                    "setting (below) that is secret fails ENC-GOV-006 in every input, previews included. A provider without a region fails " +
                    "ENC-REG-001 (its region would come from the deploying machine), and a resource whose region cannot be told is never " +
                    "assumed to be in the deployment region. Advisory rules never block unless `--fail-on` reaches them.");
        o.WriteLine();
        o.WriteLine("`--undetermined warn` (on `check` and `plan`; default `block`) relaxes this explicitly: undetermined findings are reported " +
                    "but do not block. It does not relax ENC-GOV-006 or any `fail`.");
        o.WriteLine();
        o.WriteLine("### Isolation-relevant settings (never secret)");
        o.WriteLine();
        o.WriteLine("Declared once (`IsolationSettings`) and read by ENC-GOV-006; a test checks that every input whose secrecy changes a mandatory rule's verdict on prod is listed.");
        o.WriteLine();
        o.WriteLine("| Type | Inputs |");
        o.WriteLine("|---|---|");
        foreach (var group in IsolationSettings.All.GroupBy(s => s.Type))
            o.WriteLine($"| `{group.Key}` | {string.Join(", ", group.Select(s => $"`{s.Key}`"))} |");
        o.WriteLine();
        o.WriteLine("### Waivers");
        o.WriteLine();
        o.WriteLine($"A waiver (`--waivers FILE`) names exactly one rule id (no wildcards), a URN glob, a reason and an expiry at most " +
                    $"{WaiverLimits.MaxLifetimeDays} days from today (`--waiver-max-days N` lowers the limit, never raises it). A waiver of a critical " +
                    "mandatory rule must say `critical: true` and name its `approver`. A waiver whose URN glob matches more than one resource must say " +
                    "`matches: many`, or it suppresses nothing and fails ENC-GOV-901. Findings of ENC-GOV-9xx cannot be waived; an expired waiver " +
                    "fails ENC-GOV-900. `--soft-fail` exits 0 but still reports each violation as a violation.");
    }
}
