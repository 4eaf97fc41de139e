using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// A dynamic group is the enclave's own machines (its database's resource principal): what it may touch is what
/// anyone with SQL or code on those machines may touch. Its grants stay inside the enclave's compartments; one in the
/// tenancy or another compartment (manage functions-family in tenancy, read objects elsewhere) lets the database
/// create or call things outside the enclave and hand them the data. An allow-list of places, by compartment of the
/// stack.
/// </summary>
public sealed class DynamicGroupsActInEnclave : IamPlacedRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-050", "Dynamic groups are granted only inside the enclave's compartments", Severity.Critical, Enforcement.Mandatory,
        "A dynamic group's members are the enclave's own resources; a grant in the tenancy or in a compartment outside the enclave lets them (and whoever runs code or SQL on them) create, call or write resources the gate never judges, a way to carry the data out.",
        "Grant dynamic groups only `in compartment id` of a compartment this stack declares.");

    protected override bool Concerns(RuleContext context, Statement statement) =>
        statement is GrantStatement { Effect: Effect.Allow, Subject: GroupSubject subject } && subject.Groups.Any(r => r.IsDynamic);

    protected override IEnumerable<(Truth Outcome, string Problem)> JudgePlaced(RuleContext context, Statement statement, Func<Location, (Truth Within, string? Why)> inEnclave)
    {
        var (within, why) = inEnclave(((GrantStatement)statement).Location);
        if (within != Truth.True)
            yield return (within, $"grants a dynamic group (the enclave's own resources) rights in {why}; they act only inside the enclave's compartments");
    }
}
