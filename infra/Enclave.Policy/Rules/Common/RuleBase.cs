using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>Base of the catalogue's rules: the finding constructors every rule uses.</summary>
public abstract class RuleBase : IRule
{
    public abstract RuleInfo Info { get; }

    public abstract IEnumerable<Finding> Evaluate(RuleContext context);

    /// <summary>The rule's findings into <paramref name="sink"/> (<see cref="IRule.Evaluate(RuleContext, FindingSink)"/>):
    /// by default a copy of <see cref="Evaluate(RuleContext)"/>; <see cref="SinkRuleBase"/> writes them directly.</summary>
    public virtual void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var finding in Evaluate(context)) sink.Add(finding);
    }

    protected Finding Pass(string urn, string message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Pass, message, Details(details));

    protected Finding Fail(string urn, string message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Fail, message, Details(details));

    protected Finding Undetermined(string urn, string message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Undetermined, message, Details(details));

    // The same, for messages written as interpolated strings: the parts are kept, not concatenated (FindingText).
    protected Finding Pass(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Pass, message.ToText(), Details(details));

    protected Finding Fail(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Fail, message.ToText(), Details(details));

    protected Finding Undetermined(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        new(Info.Id, urn, Verdict.Undetermined, message.ToText(), Details(details));

    /// <summary>A finding from a three-valued outcome.</summary>
    protected Finding Judge(string urn, Truth outcome, string pass, string fail, string undetermined,
        IEnumerable<string>? details = null) => outcome switch
    {
        Truth.True => Pass(urn, pass, details),
        Truth.False => Fail(urn, fail, details),
        _ => Undetermined(urn, undetermined, details),
    };

    /// <summary>A finding from a list of requirements on one resource.</summary>
    protected Finding Judge(string urn, string subject, Assessment assessment, IEnumerable<string>? details = null) =>
        assessment.ToFinding(Info.Id, urn, subject, details);

    private static ImmutableArray<string> Details(IEnumerable<string>? details) =>
        details is null ? ImmutableArray<string>.Empty : details.ToImmutableArray();
}
