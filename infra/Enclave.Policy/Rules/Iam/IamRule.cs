using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// Shape of the statement-level IAM rules: one finding per Policy resource. A statement the rule flags fails it, and
/// so does a statement that does not parse (critical rules); a statement unknown until deploy leaves it undetermined.
/// </summary>
public abstract class IamRule : SinkRuleBase
{
    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var view = IamView.For(context);
        var flagged = ByPolicy(Objections(context, view));
        // One assessment for every policy (each finding copies its message's parts, Assessment.Clear): its lists keep
        // the room the largest policy needed instead of a pair of lists per policy, sized to thousands of statements.
        Assessment? reused = null;
        foreach (var policy in view.PolicyResources)
        {
            // Most rules flag few policies: no 100-character URN hashed per policy when they flag none.
            var problems = flagged.Count == 0 ? null : flagged.GetValueOrDefault(policy.Node.Urn);
            var a = reused?.Clear() ?? (reused = new Assessment((problems?.Count ?? 0) + policy.Opaque.Length + 1, (problems?.Count ?? 0) * 6));
            if (problems is not null)
                foreach (var (statement, outcome, problem) in problems)
                    // Stryker disable once String : finding wording (docs/testing.md)
                    a.ObjectInParts(outcome, "statement ", IndexText(statement.Index), " \"", statement.DisplayText, "\": ", problem);
            foreach (var opaque in policy.Opaque)
            {
                if (opaque.Error is { } e)
                    // Stryker disable once String : finding wording (docs/testing.md)
                    a.Require(UnreadableVerdict, $"statement {opaque.Index} parses",
                        $"statement {opaque.Index} does not parse ({e}); what the gate cannot read may grant anything, so it counts against the change");
                else
                    // Stryker disable once String : finding wording (docs/testing.md)
                    a.Require(Truth.Unknown, $"statement {opaque.Index} is known only at deploy");
            }
            if (policy.Statements.Count == 0 || policy.Opaque.IsEmpty && problems is null)
                // Stryker disable once String : finding wording (docs/testing.md)
                a.Require(Truth.True, $"{policy.Statements.Count} statement(s) checked");
            sink.Judge(policy.Node.Urn, policy.Label, a);
        }
    }

    // Statement indexes as text, made once ("statement 3 …" is in every flagged statement's part of a message).
    private static readonly string[] Indexes = [.. Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static string IndexText(int index) =>
        index >= 0 && index < Indexes.Length ? Indexes[index] : index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A statement the parser rejects is a violation of every critical IAM rule (OCI may read it as a grant the gate
    /// cannot see); the lesser rules leave it undetermined, which blocks too unless the user relaxes it.
    /// </summary>
    private Truth UnreadableVerdict => Info.Severity == Severity.Critical ? Truth.False : Truth.Unknown;

    /// <summary>The flagged statements by policy source id, each policy's in the order the rule flagged them.</summary>
    private static Dictionary<string, List<(PolicyStatement Statement, Truth Outcome, string Problem)>> ByPolicy(
        IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> flagged)
    {
        var byPolicy = new Dictionary<string, List<(PolicyStatement, Truth, string)>>(StringComparer.Ordinal);
        // Objections come policy by policy: the list of the previous one is reused without hashing its source id again.
        IamPolicy? last = null;
        List<(PolicyStatement, Truth, string)>? list = null;
        foreach (var item in flagged)
        {
            if (!ReferenceEquals(item.Statement.Policy, last))
            {
                last = item.Statement.Policy;
                var key = last.SourceId ?? "";
                if (!byPolicy.TryGetValue(key, out list)) byPolicy[key] = list = [];
            }
            list!.Add(item);
        }
        return byPolicy;
    }

    /// <summary>
    /// Every objection of this rule: the statements it flags (<see cref="Truth.False"/>), then those it cannot judge
    /// until deploy (<see cref="Truth.Unknown"/>), each in statement order.
    /// </summary>
    protected virtual IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> Objections(RuleContext context, IamView view)
    {
        foreach (var (statement, problem) in Flag(context, view)) yield return (statement, Truth.False, problem);
        foreach (var (statement, problem) in Doubt(context, view)) yield return (statement, Truth.Unknown, problem);
    }

    /// <summary>The statements this rule objects to, with why.</summary>
    protected virtual IEnumerable<(PolicyStatement Statement, string Problem)> Flag(RuleContext context, IamView view) => [];

    /// <summary>The statements this rule cannot judge until deploy (a name or id not decided yet), with why.</summary>
    protected virtual IEnumerable<(PolicyStatement Statement, string Problem)> Doubt(RuleContext context, IamView view) => [];

    /// <summary>Does the subject name exactly the given group (domain-qualified, Default when absent)?</summary>
    protected static bool IsOnly(Subject subject, string group, string? domain) =>
        group.Length > 0 && subject is GroupSubject g && g.Groups.All(r => !r.IsDynamic && r.Name is not null
            && string.Equals(r.Name, GroupName(group), StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.EffectiveDomain, GroupDomain(group) ?? domain ?? GroupReference.DefaultDomain, StringComparison.OrdinalIgnoreCase));

    private static string GroupName(string configured) => configured.Contains('/') ? configured[(configured.IndexOf('/') + 1)..] : configured;
    private static string? GroupDomain(string configured) => configured.Contains('/') ? configured[..configured.IndexOf('/')] : null;
}
