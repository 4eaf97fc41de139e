using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// An IAM rule whose objection to a statement depends on the statement's text alone (not on its policy or
/// compartment). It judges one statement per distinct text, and every copy of a text it objects to is flagged,
/// in statement order: policies repeat statements, so this is a fraction of the work.
/// </summary>
public abstract class IamTextRule : IamRule
{
    protected sealed override IEnumerable<(PolicyStatement Statement, string Problem)> Flag(RuleContext context, IamView view) =>
        view.Policies.EveryCopy(FlagText(context, view.Policies.Distinct));

    protected sealed override IEnumerable<(PolicyStatement Statement, string Problem)> Doubt(RuleContext context, IamView view) =>
        view.Policies.EveryCopy(DoubtText(context, view.Policies.Distinct));

    /// <summary>The statements among <paramref name="distinct"/> this rule cannot judge until deploy, with why.</summary>
    protected virtual IEnumerable<(PolicyStatement Statement, string Problem)> DoubtText(RuleContext context, IEnumerable<PolicyStatement> distinct) => [];

    /// <summary>The statements among <paramref name="distinct"/> (one per text) this rule objects to, with why.</summary>
    protected abstract IEnumerable<(PolicyStatement Statement, string Problem)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct);
}
