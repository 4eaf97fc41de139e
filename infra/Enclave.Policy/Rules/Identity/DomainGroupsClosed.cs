using System.Collections.Frozen;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// An identity-domain group is more than a name and members: SCIM extensions make it requestable (users ask to join),
/// give it owners (who manage its membership), a dynamic membership rule (every user whose attributes match joins),
/// app roles and app grants, or tie it to an external provisioning system (<c>externalId</c>, synced from apps). Each
/// is a way into a persona group's grants, so the group's fields are an allow-list: the ones the program sets (name,
/// description, domain, schemas) and those a rule judges (<c>members</c>, ENC-IDN-004), plus request-only settings
/// and tags. Anything else set, known, secret or computed alike, fails.
/// </summary>
public sealed class DomainGroupsClosed : SinkRuleBase
{
    private const string GroupExtension = "urnietfparamsscimschemasoracleidcsextensiongroupGroup";

    /// <summary>Top-level inputs a domain group may set: the program's, the judged ones, request-only settings and tags.</summary>
    private static readonly FrozenSet<string> Allowed = new[]
    {
        "displayName", "idcsEndpoint", "schemas", "members", GroupExtension,
        "attributeSets", "attributes", "authorization", "resourceTypeSchemaVersion", "forceDelete",
        "tags", "urnietfparamsscimschemasoracleidcsextensionOciTags",
    }.ToFrozenSet(StringComparer.Ordinal);

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-111", "Identity-domain groups set only the fields the program sets", Severity.Critical, Enforcement.Mandatory,
        "Owners, a dynamic membership rule, requestable membership, app roles and grants, or an external provisioning id each put users into a group (a persona's, with its access to the data) without a membership the gate judges.",
        "Set only displayName, the group extension's description, members (as breakGlass allows), schemas and tags on oci.Identity.DomainsGroup; manage owners, dynamic rules and app grants nowhere in the enclave.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var judged = false;
        foreach (var group in context.Graph.OfType(OciTypes.DomainsGroup))
        {
            judged = true;
            var a = new Assessment();
            if (group.InputsUnknown) a.Require(Truth.Unknown, "its inputs are known (the preview step has no new state)");
            foreach (var (key, value) in group.Inputs.Entries)
            {
                if (key.StartsWith("__", StringComparison.Ordinal) || !ClosedInputs.IsSet(value)) continue;
                if (!Allowed.Contains(key))
                    a.Require(Truth.False, $"{key} is unset", whenViolated: $"sets {key}, a way into the group's grants no rule judges");
                else if (key == GroupExtension)
                    JudgeGroupExtension(a, value);
            }
            if (a.IsEmpty) a.Require(Truth.True, "sets only the program's fields");
            sink.Judge(group.Urn, group.Label, a);
        }
        if (!judged) sink.Pass(Scope.StackUrn(context.Graph), "no identity-domain group");
    }

    /// <summary>The group extension may carry a description; owners, app roles, grants, password policies and sync sources it may not.</summary>
    private static void JudgeGroupExtension(Assessment a, PropertyValue extension)
    {
        if (extension.IsSecret)
        {
            a.Require(Truth.False, $"{GroupExtension} is readable", whenViolated: $"{GroupExtension} is secret: it may name owners or grants no one can see");
            return;
        }
        if (!extension.IsKnown)
        {
            a.Require(Truth.Unknown, $"{GroupExtension} is known (only at deploy)");
            return;
        }
        if (extension is not MapValue map) return;
        foreach (var (key, value) in map.Entries)
            if (key != "description" && ClosedInputs.IsSet(value))
                a.Require(Truth.False, $"{GroupExtension}.{key} is unset",
                    whenViolated: $"sets {GroupExtension}.{key}: owners, app roles, grants and sync sources put users into the group unjudged");
    }
}
