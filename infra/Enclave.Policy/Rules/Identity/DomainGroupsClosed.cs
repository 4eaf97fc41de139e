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
/// and tags. Anything else set, known, secret or computed alike, fails. The same ways in, set in the console, show only
/// in a deployed state's outputs (the program's inputs keep their values): there the dynamic rule must be static or
/// blank, the group not requestable, without owners, app roles, grants or sync sources, and without an external id.
/// </summary>
public sealed class DomainGroupsClosed : SinkRuleBase
{
    private const string GroupExtension = "urnietfparamsscimschemasoracleidcsextensiongroupGroup";
    private const string DynamicExtension = "urnietfparamsscimschemasoracleidcsextensiondynamicGroup";
    private const string RequestableExtension = "urnietfparamsscimschemasoracleidcsextensionrequestableGroup";

    /// <summary>Fields of the group extension that put users into the group (or hand it to others) when deployed non-empty.</summary>
    private static readonly string[] DeployedWaysIn = ["owners", "appRoles", "grants", "syncedFromApps", "syncedFromApp"];

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
            JudgeDeployed(a, group);
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

    /// <summary>
    /// The ways into the group as deployed (outputs): each must read as OCI's unset value ("", false, empty, a static
    /// membership type). A secret one fails; one not computed yet (an offline run, a preview) is not deployed yet.
    /// </summary>
    private static void JudgeDeployed(Assessment a, ResourceNode group)
    {
        Deployed(a, group, "externalId", v => Blank(v), "an external id (members synced from another system)");
        Deployed(a, group, DynamicExtension, v =>
            Blank(v["membershipRule"]) && (Blank(v["membershipType"]) || string.Equals(v["membershipType"].AsString(), "static", StringComparison.OrdinalIgnoreCase)),
            "a dynamic membership rule (every user whose attributes match joins)");
        Deployed(a, group, RequestableExtension, v => Blank(v["requestable"]), "requestable membership (users ask to join)");
        Deployed(a, group, GroupExtension, v => DeployedWaysIn.All(field => Blank(v[field])), "owners, app roles, grants or sync sources");
    }

    private static void Deployed(Assessment a, ResourceNode group, string key, Func<PropertyValue, bool> unset, string what)
    {
        // Not shown, or not computed yet (an offline run, a preview: nothing deployed to judge; a state holds every value).
        if (!group.Outputs.TryGetValue(key, out var value) || value.IsNull || value is UnknownValue) return;
        var requirement = $"deployed {key} sets no {what}";
        if (value.IsSecret || value.ContainsSecret)
            a.Require(Truth.False, requirement, $"its deployed {key} is secret: it may hold {what} no one can see");
        else if (!value.IsKnown || value.ContainsUnknown)
            a.Require(Truth.Unknown, requirement);
        else if (!unset(value))
            a.Require(Truth.False, requirement, $"as deployed it has {what} ({key}), set outside the program");
    }

    /// <summary>OCI's value for a field nobody set: null, "", false, an empty list, or an object of such fields.</summary>
    private static bool Blank(PropertyValue value) => value switch
    {
        { IsNull: true } => true,
        StringValue s => s.Value.Length == 0,
        BoolValue b => !b.Value,
        ListValue l => l.Items.All(item => Blank(item)),
        MapValue m => BlankFields(m),
        _ => false,
    };

    private static bool BlankFields(MapValue map)
    {
        foreach (var (_, field) in map.Entries)
            if (!Blank(field)) return false;
        return true;
    }
}
