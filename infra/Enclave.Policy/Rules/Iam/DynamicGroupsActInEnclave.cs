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
public sealed class DynamicGroupsActInEnclave : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-050", "Dynamic groups are granted only inside the enclave's compartments", Severity.Critical, Enforcement.Mandatory,
        "A dynamic group's members are the enclave's own resources; a grant in the tenancy or in a compartment outside the enclave lets them (and whoever runs code or SQL on them) create, call or write resources the gate never judges, a way to carry the data out.",
        "Grant dynamic groups only `in compartment id` of a compartment this stack declares.");

    protected override IEnumerable<(PolicyStatement Statement, string Problem)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var g = context.Graph;
        var names = g.OfType(OciTypes.Compartment).Select(c => c.Input("name").AsString()).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var s in distinct)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: GroupSubject subject } grant) continue;
            if (!subject.Groups.Any(r => r.IsDynamic)) continue;
            var inEnclave = grant.Location switch
            {
                CompartmentIdLocation id => g.ById(id.Id) is { } c && c.IsType(OciTypes.Compartment),
                CompartmentPathLocation path => path.Path.Count > 0 && names.Contains(path.Path[^1]),
                _ => false,
            };
            if (!inEnclave) yield return (s, "grants a dynamic group (the enclave's own resources) rights outside the enclave's compartments");
        }
    }
}
