using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every group membership the stack creates (<c>UserGroupMembership</c>, the <c>members</c> of an identity-domain
/// <c>DomainsGroup</c>) puts a break-glass user into a group its config entry lists.
/// </summary>
public sealed class MembershipsAllowListed : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-004", "Group memberships only as the break-glass config allows", Severity.Critical, Enforcement.Mandatory,
        "A membership hands a user every grant of the group; in a persona group that is access to the data. Only memberships the gatekeepers listed may exist.",
        "Remove the membership, or add the group to the user's `breakGlass.users[].groups` once the gatekeepers approve it.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var plane = new IdentityPlaneGraph(context);
        foreach (var membership in context.Graph.OfType(OciTypes.UserGroupMembership))
        {
            var group = plane.GroupNamed(membership, "groupId", membership.Input("groupId"));
            var allowed = plane.UserAllows(membership, "userId", membership.Input("userId"), PropertyValue.Null,
                account => IdentityPlaneGraph.MayJoin(account, group), out var who);
            sink.Judge(membership.Urn, allowed,
                $"{membership.Label}: {who} may be in {group.Described}",
                $"{membership.Label}: puts {who} into {group.Described}: breakGlass.users does not allow it",
                $"{membership.Label}: the user or group is not known until deploy");
        }
        foreach (var group in context.Graph.OfType(OciTypes.DomainsGroup))
        {
            var members = group.Input("members");
            if (members.IsNull) continue;
            var name = IdentityPlaneGraph.GroupName(group);
            var target = name.AsString() is { } text ? (Truth.True, (string?)text, $"group {text}") : (Truth.Unknown, null, $"{group.Label}");
            var a = new Assessment();
            if (!members.IsKnown) a.Require(Truth.Unknown, "every member is a breakGlass user allowed in the group");
            var items = members.AsList();
            for (var i = 0; i < items.Length; i++)
            {
                var member = items[i];
                var isUser = member["type"].EqualsString("User", StringComparison.OrdinalIgnoreCase);
                var allowed = isUser.And(plane.UserAllows(group, "members", member["value"], member["ocid"],
                    account => IdentityPlaneGraph.MayJoin(account, target), out var who));
                a.Require(allowed, $"members[{i}] ({who}) is a breakGlass user allowed in {target.Item3}",
                    whenViolated: isUser == Truth.False
                        ? $"members[{i}] is a {member["type"]}, not a user (only breakGlass users may be members)"
                        : $"members[{i}] puts {who} into {target.Item3}: breakGlass.users does not allow it");
            }
            sink.Judge(group.Urn, group.Label, a);
        }
    }
}
