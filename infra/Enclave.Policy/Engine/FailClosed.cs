using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Engine;

/// <summary>What the gate does with a finding a mandatory rule could not decide (<c>--undetermined</c>).</summary>
public enum UndeterminedMode
{
    /// <summary>Fail closed (the default): see <see cref="FailClosed"/>.</summary>
    Block,
    /// <summary>Report undetermined findings without blocking: an explicit, visible relaxation.</summary>
    Warn,
}

/// <summary>
/// The one place that decides whether a finding a rule could not decide counts against the change. Rules answer
/// three-valued (<see cref="Verdict.Undetermined"/> when they meet a secret, an unknown, an unresolvable reference or
/// a value they cannot parse); whether that blocks depends on where the graph came from, not on the rule:
/// <list type="bullet">
/// <item>An offline run of the program, a plan document and a deployed state (<c>--state</c>) hold every value the
/// isolation rules read, so a mandatory rule that still cannot decide met something unreadable: that blocks.</item>
/// <item>A preview may hold values the cloud computes at deploy time; those stay advisory there. A <em>secret</em> in
/// an isolation-relevant setting is not such a value: ENC-GOV-006 fails it in every artifact.</item>
/// </list>
/// <see cref="UndeterminedMode.Warn"/> turns the first case off explicitly; advisory rules never block either way.
/// </summary>
public static class FailClosed
{
    /// <summary>Does an undetermined finding of <paramref name="rule"/> block on a graph of <paramref name="origin"/>?</summary>
    public static bool Blocks(RuleInfo rule, GraphOrigin origin, UndeterminedMode mode) =>
        mode == UndeterminedMode.Block && rule.Enforcement == Enforcement.Mandatory && EveryValueKnown(origin);

    /// <summary>Artifacts in which no isolation-relevant value is legitimately unknown.</summary>
    public static bool EveryValueKnown(GraphOrigin origin) => origin != GraphOrigin.Preview;

    /// <summary>
    /// The finding as the gate counts it: an undetermined finding that <see cref="Blocks"/> becomes a violation whose
    /// message says what could not be read and why that blocks; any other finding is returned as it is.
    /// </summary>
    public static Finding Apply(RuleInfo rule, Finding finding, GraphOrigin origin, UndeterminedMode mode)
    {
        if (finding.Verdict != Verdict.Undetermined || !Blocks(rule, origin, mode)) return finding;
        return finding with { Verdict = Verdict.Fail, Unreadable = true, Text = Unreadable(finding.Text, origin) };
    }

    /// <summary>
    /// The message of a finding that blocks because it could not be read: what the rule said (cut like any part of a
    /// message) between the fixed lead-in and the reason. Read from the text's parts: an IAM finding lists every
    /// flagged statement, and concatenating the whole message only to keep its first 2,048 characters cost ~5 % of
    /// a run at 10k resources.
    /// </summary>
    internal static FindingText Unreadable(FindingText said, GraphOrigin origin) =>
        FindingText.FromCappedParts(["could not be read: ", said.CappedString(), Why(origin)]);

    private static string Why(GraphOrigin origin) => origin switch
    {
        GraphOrigin.State => ForState,
        GraphOrigin.Plan => ForPlan,
        _ => ForProgram,
    };

    // Made once: the reason is the same long sentence on every such finding.
    private static readonly string ForState = FailClosedReason("a deployed state");
    private static readonly string ForPlan = FailClosedReason("a plan");
    private static readonly string ForProgram = FailClosedReason("the program's own run");

    private static string FailClosedReason(string artifact) =>
        $" (blocks: {artifact} holds every value, so what the gate cannot read here is a secret, an unresolvable reference or an unparseable setting, and it may hide a path to the enclave's data; make the setting readable, or accept the risk explicitly with --undetermined warn)";
}
