using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every group the stack creates carries one of the declared persona names, and no two carry the same one. Policy
/// statements name groups by name, so a group's name is its grant: renaming the operators' group to the gatekeepers'
/// name hands its members the gatekeepers' statements, renaming the gatekeepers' group to <c>Administrators</c> hands
/// them the tenancy, and a second group with a persona's name (in another identity domain, or the Default domain) is
/// a look-alike the statements may resolve to. An allow-list of names, compared as OCI compares them (ignoring case),
/// each in the personas' identity domain (<see cref="PersonaGroupDomain"/>).
/// </summary>
public sealed class PersonaGroupsDeclared : SinkRuleBase
{
    private static readonly (string Type, string NameKey)[] GroupTypes =
        [(OciTypes.Group, "name"), (OciTypes.DomainsGroup, "displayName")];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-050", "Groups carry only the declared persona names, each once, in the personas' identity domain", Severity.Critical, Enforcement.Mandatory,
        "Statements grant by group name: a renamed group inherits every statement that names its new name (the gatekeepers' powers, or the tenancy's Administrators), a second group of a persona's name is a look-alike the gate cannot tell from the real one, and a persona group moved to another identity domain matches none of its statements (blinding the auditors) while another domain's administrators manage its members.",
        "Name each group exactly as its persona is configured (gatekeeperGroup, operatorGroup, auditorGroup, storageAdminGroup); remove groups no persona declares and any second group of a persona's name; keep every persona group in the configured identity domain (groups.identityDomain) at the URL the stack declares for it (groups.identityDomainUrl), as the program creates it.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var p = context.Policy;
        var declared = PersonaGroupDomain.PersonaGroupNames(p);
        // Counted first, then judged: of two groups with a persona's name neither can be told to be the real one.
        var groups = new List<(ResourceNode Group, string Key, PropertyValue Name)>();
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, key) in GroupTypes)
            foreach (var group in context.Graph.OfType(type))
            {
                var name = group.Input(key);
                groups.Add((group, key, name));
                if (name.AsString() is { } text) counts[text] = counts.GetValueOrDefault(text) + 1;
            }
        var domain = new PersonaGroupDomain(p, groups.Where(g => g.Name.AsString() is { } n && declared.Contains(n)).Select(g => g.Group).ToList());
        foreach (var (group, key, name) in groups)
        {
            if (name.AsString() is not { } text)
                sink.Undetermined(group.Urn, $"{group.Label}: its {key} is not known ({name}), so the gate cannot tell which statements reach its members");
            else if (!declared.Contains(text))
                sink.Fail(group.Urn, $"{group.Label}: {key} '{text}' is no declared persona's group ({string.Join(", ", declared)}); every statement naming '{text}' would reach its members");
            else if (counts[text] > 1)
                sink.Fail(group.Urn, $"{group.Label}: {counts[text]} groups of the stack are named '{text}'; either one's members could hold the persona's grants");
            else
                sink.Add(domain.Judge(group) switch
                {
                    (Truth.False, var why) => Fail(group.Urn, $"{group.Label}: the persona group '{text}' {why}"),
                    (Truth.Unknown, var why) => Undetermined(group.Urn, $"{group.Label}: the persona group '{text}' {why}"),
                    _ => Pass(group.Urn, $"{group.Label}: {key} '{text}' is a declared persona's group"),
                });
        }
    }
}
