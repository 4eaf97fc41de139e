using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The other half of ENC-IDN-050: every configured persona's group is one the stack declares. Statements grant by
/// group name, and the data allow-list trusts the configured persona names; once the stack stops declaring a persona's
/// group, its name is free, and whoever can create a group in that identity domain (the parent company's tenancy or
/// domain administrators) creates a look-alike that holds every statement naming it: the gatekeepers' IAM powers, or the
/// auditors' view of the logs. The stack keeps each persona's group, so its name stays taken and its members judged.
/// </summary>
public sealed class PersonaGroupsPresent : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-112", "Every persona's group is declared by the stack", Severity.Critical, Enforcement.Mandatory,
        "A statement naming a persona's group reaches whatever group carries that name: once the stack no longer declares the group, anyone who can create groups in its identity domain creates one and holds the persona's grants.",
        "Keep each configured persona group (gatekeeperGroup, operatorGroup, auditorGroup, storageAdminGroup) in the stack: an oci.Identity.Group in the Default domain, an oci.Identity.DomainsGroup in a named identity domain.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var p = context.Policy;
        var a = new Assessment();
        foreach (var configured in (ReadOnlySpan<string>)[p.GatekeeperGroup, p.OperatorGroup, p.AuditorGroup, p.StorageAdminGroup])
        {
            if (configured.Length == 0) continue;
            var slash = configured.IndexOf('/');
            var name = configured[(slash + 1)..];
            var domain = slash > 0 ? configured[..slash] : p.IdentityDomain ?? GroupReference.DefaultDomain;
            // The program declares Default-domain personas as IAM groups and the others as identity-domain groups.
            var inDefault = string.Equals(domain, GroupReference.DefaultDomain, StringComparison.OrdinalIgnoreCase);
            var (type, key) = inDefault ? (OciTypes.Group, "name") : (OciTypes.DomainsGroup, "displayName");
            var declared = Truth.False;
            foreach (var group in context.Graph.OfType(type))
                declared = declared.Or(group.Input(key).EqualsString(name, StringComparison.OrdinalIgnoreCase));
            a.Require(declared, $"group {domain}/{name} is declared by the stack",
                whenViolated: $"group {domain}/{name} is configured as a persona but the stack does not declare it: whoever creates a group of that name holds the persona's grants");
        }
        if (a.IsEmpty) a.Require(Truth.True, "no persona group is configured");
        sink.Judge(Scope.StackUrn(context.Graph), "the persona groups", a);
    }
}
