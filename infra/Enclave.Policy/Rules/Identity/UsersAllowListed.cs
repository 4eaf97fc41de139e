using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Every local user the stack creates (<c>User</c>, <c>DomainsUser</c>, and the administrator an identity
/// <c>Domain</c> creates with itself) is a break-glass user of the stack's config, with that user's e-mail address.
/// </summary>
public sealed class UsersAllowListed : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-003", "Only break-glass users of the stack config exist", Severity.Critical, Enforcement.Mandatory,
        "People reach the enclave through federation the gatekeepers pin; a local user is a standing identity outside that control, so each one must be a break-glass account the config names.",
        "Remove the user, or list it (name and e-mail) in `breakGlass.users` once the gatekeepers approve it.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var plane = new IdentityPlaneGraph(context);
        foreach (var type in IdentityPlaneGraph.UserTypes)
            foreach (var user in context.Graph.OfType(type))
            {
                var (allowed, _, why) = plane.AccountOf(user);
                sink.Judge(user.Urn, allowed, $"{user.Label}: {why}", $"{user.Label}: {why}", $"{user.Label}: {why}");
            }
        foreach (var domain in context.Graph.OfType(OciTypes.Domain))
        {
            var admin = domain.Input("adminUserName");
            if (admin.IsNull && domain.Input("adminEmail").IsNull) continue;
            var account = admin.AsString() is { } name
                ? context.Policy.Identity.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            var a = new Assessment();
            a.Require(admin.IsKnown ? TruthLogic.Of(account is not null) : Truth.Unknown,
                $"its administrator ({admin}) is a user of breakGlass.users");
            if (account?.Email is { } email)
                a.Require(domain.Input("adminEmail").EqualsString(email, StringComparison.OrdinalIgnoreCase), $"the administrator's e-mail is {email}");
            sink.Judge(domain.Urn, domain.Label, a);
        }
    }
}
